import { buildSpanTrees } from './span-tree.js';
import type { SpanForest, SpanNode, SpanSource, TraceTree, TreeSpan } from './span-tree-types.js';

/**
 * Reads any {@link SpanSource} as a list of traces (a node counts as its own subtree).
 *
 * @param source - spans, a forest, a trace or a node.
 * @returns the forest (built when given span records).
 * @example
 * ```ts
 * toForest(receiver.spans).traces.length;
 * ```
 */
export function toForest(source: SpanSource): SpanForest {
  if ('traces' in source && 'duplicates' in source) return source as SpanForest;
  if ('roots' in source && 'orphans' in source) {
    const trace = source as TraceTree;
    const byId = new Map(trace.spans.map((n) => [n.spanId, n]));
    return {
      traces: [trace],
      spans: trace.spans,
      duplicates: [],
      get: (traceId, spanId) => (traceId === trace.traceId ? byId.get(spanId) : undefined),
    };
  }
  if ('span' in source && 'children' in source) {
    const root = source as SpanNode;
    const spans: SpanNode[] = [];
    const stack: SpanNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      spans.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    let startNs = root.startNs;
    let endNs = root.endNs;
    for (const node of spans) {
      if (node.startNs < startNs) startNs = node.startNs;
      if (node.endNs > endNs) endNs = node.endNs;
    }
    const trace: TraceTree = {
      traceId: root.traceId,
      roots: root.orphan ? [] : [root],
      orphans: root.orphan ? [root] : [],
      spans,
      startNs,
      endNs,
      durationNs: endNs - startNs,
      resource: root.span.resource,
    };
    return toForest(trace);
  }
  return buildSpanTrees(source as Iterable<TreeSpan>);
}
