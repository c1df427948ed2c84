import { detailPrefix, layoutTree } from './span-tree-layout.js';
import { toForest } from './span-tree-source.js';
import type { SpanForest, SpanNode, SpanSource, TraceTree } from './span-tree-types.js';
import { formatValue } from './span-tree-values.js';

/** Options of {@link describeTree}. */
export interface DescribeTreeOptions {
  /** Attribute keys to print after each span that has them (`{key=value}`). */
  attributes?: readonly string[];
  /** Print trace, span and parent ids (off by default so the text is stable run to run). */
  ids?: boolean;
}

function linkText(node: SpanNode, _forest: SpanForest, traces: Map<string, number>, ids: boolean) {
  return node.links
    .map((link) => {
      const where = ids ? ` ${link.traceId}/${link.spanId}` : '';
      if (!link.target) return `(not received)${where}`;
      const other = link.traceId === node.traceId ? '' : ` (trace ${traces.get(link.traceId)})`;
      return `${link.target.name}${other}${where}`;
    })
    .join(', ');
}

function spanLine(
  node: SpanNode,
  options: DescribeTreeOptions,
  forest: SpanForest,
  traces: Map<string, number>,
): string {
  let text = `${node.name} ${node.kind}`;
  if (options.ids) text += ` [${node.spanId}]`;
  const attrs = (options.attributes ?? [])
    .filter((key) => node.attributes[key] !== undefined)
    .map((key) => `${key}=${formatValue(node.attributes[key])}`);
  if (attrs.length > 0) text += ` {${attrs.join(', ')}}`;
  if (node.status.code === 'ERROR')
    text += ` ✗${node.status.message ? ` ${node.status.message}` : ''}`;
  if (node.links.length > 0) text += ` ↪ ${linkText(node, forest, traces, options.ids ?? false)}`;
  return text;
}

function describeTrace(
  trace: TraceTree,
  number: number,
  options: DescribeTreeOptions,
  forest: SpanForest,
  traces: Map<string, number>,
): string[] {
  const count = `${trace.spans.length} span${trace.spans.length === 1 ? '' : 's'}`;
  const lines = [`trace ${number}${options.ids ? ` ${trace.traceId}` : ''} (${count})`];
  const draw = (roots: readonly SpanNode[]) => {
    for (const line of layoutTree(roots, (n) => n.children)) {
      lines.push(line.lead + spanLine(line.item, options, forest, traces));
      if (line.item.orphan && options.ids) {
        lines.push(
          `${detailPrefix(line, line.item.children.length > 0)}parent ${line.item.parentSpanId}`,
        );
      }
    }
  };
  draw(trace.roots);
  if (trace.orphans.length > 0) {
    lines.push('orphans (parent not received):');
    draw(trace.orphans);
  }
  return lines;
}

/**
 * A compact text of the trees' structure (names, kinds, errors, links; chosen attributes),
 * stable from run to run, for inline snapshots and failure messages.
 *
 * @param source - spans, a forest, a trace or a node.
 * @param options - see {@link DescribeTreeOptions}.
 * @returns the text, one line per span.
 * @example
 * ```ts
 * expect(describeTree(receiver.spans)).toMatchInlineSnapshot();
 * // trace 1 (3 spans)
 * // lambda.invoke SERVER
 * // ├── sqs.process CONSUMER ✗ boom
 * // └── sqs.batch CONSUMER ↪ sqs.process
 * ```
 */
export function describeTree(source: SpanSource, options: DescribeTreeOptions = {}): string {
  const forest = toForest(source);
  const numbers = new Map(forest.traces.map((t, i) => [t.traceId, i + 1]));
  const lines: string[] = [];
  forest.traces.forEach((trace, i) => {
    lines.push(...describeTrace(trace, i + 1, options, forest, numbers));
  });
  return lines.length > 0 ? lines.join('\n') : '(no spans)';
}
