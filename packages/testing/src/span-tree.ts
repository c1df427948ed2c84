import { parentId, spanKindName, statusCodeName, toNanos } from './span-tree-normalize.js';
import type { ResolvedLink, SpanForest, SpanNode, TraceTree, TreeSpan } from './span-tree-types.js';

/** A node while the forest is being built. */
type MutableNode = {
  -readonly [K in keyof SpanNode]: K extends 'children'
    ? MutableNode[]
    : K extends 'links'
      ? ResolvedLink[]
      : K extends 'parent'
        ? MutableNode | undefined
        : SpanNode[K];
} & { index: number };

const byStart = (a: MutableNode, b: MutableNode): number =>
  a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : a.index - b.index;

function toNode(span: TreeSpan, index: number): MutableNode {
  const startNs = toNanos(span.startTimeUnixNano);
  const endNs = toNanos(span.endTimeUnixNano);
  return {
    span,
    index,
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: parentId(span.parentSpanId),
    name: span.name,
    kind: spanKindName(span.kind),
    startNs,
    endNs,
    durationNs: endNs > startNs ? endNs - startNs : 0n,
    status: { code: statusCodeName(span.status?.code), message: span.status?.message || undefined },
    attributes: span.attributes ?? {},
    events: (span.events ?? []).map((e) => ({ name: e.name, attributes: e.attributes ?? {} })),
    parent: undefined,
    children: [],
    links: [],
    orphan: false,
    depth: 0,
  };
}

/** Depth-first walk without recursion (deep chains must not overflow the stack). */
function walk(start: MutableNode, visit: (node: MutableNode) => void): void {
  const stack: Array<{ node: MutableNode; depth: number }> = [{ node: start, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    node.depth = depth;
    visit(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, depth: depth + 1 });
    }
  }
}

function buildTrace(traceId: string, nodes: MutableNode[], lookup: Map<string, MutableNode>) {
  const roots: MutableNode[] = [];
  const orphans: MutableNode[] = [];
  for (const node of nodes) {
    const parent = node.parentSpanId && lookup.get(`${traceId}/${node.parentSpanId}`);
    if (node.parentSpanId === undefined) roots.push(node);
    else if (parent && parent !== node) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      node.orphan = true;
      orphans.push(node);
    }
  }
  for (const node of nodes) node.children.sort(byStart);
  // Spans not reachable from a root or an orphan sit on a parent cycle: cut each cycle at
  // its earliest span, which becomes an orphan.
  const reached = new Set<MutableNode>();
  const reach = (node: MutableNode) => reached.add(node);
  for (const top of [...roots, ...orphans]) walk(top, reach);
  for (const node of [...nodes].sort(byStart)) {
    if (reached.has(node)) continue;
    const parent = node.parent;
    if (parent) parent.children.splice(parent.children.indexOf(node), 1);
    node.parent = undefined;
    node.orphan = true;
    orphans.push(node);
    walk(node, reach);
  }
  roots.sort(byStart);
  orphans.sort(byStart);
  const spans: MutableNode[] = [];
  for (const top of [...roots, ...orphans]) walk(top, (node) => spans.push(node));
  let startNs = nodes[0]?.startNs ?? 0n;
  let endNs = nodes[0]?.endNs ?? 0n;
  for (const node of nodes) {
    if (node.startNs < startNs) startNs = node.startNs;
    if (node.endNs > endNs) endNs = node.endNs;
  }
  const trace: TraceTree = {
    traceId,
    roots,
    orphans,
    spans,
    startNs,
    endNs,
    durationNs: endNs > startNs ? endNs - startNs : 0n,
    resource: nodes.find((n) => n.span.resource !== undefined)?.span.resource,
  };
  return trace;
}

/**
 * Builds one tree per trace from a flat list of spans: roots, children by start time,
 * orphans (parent named but not received), and links resolved to received spans.
 *
 * @param spans - span records in any order (receiver output, `fromReadableSpans`, …).
 * @returns the forest; duplicate ids keep their first record.
 * @example
 * ```ts
 * const forest = buildSpanTrees(receiver.spans);
 * forest.traces[0]?.roots[0]?.children.map((c) => c.name);
 * ```
 */
export function buildSpanTrees(spans: Iterable<TreeSpan>): SpanForest {
  const lookup = new Map<string, MutableNode>();
  const byTrace = new Map<string, MutableNode[]>();
  const duplicates: TreeSpan[] = [];
  let index = 0;
  for (const span of spans) {
    const key = `${span.traceId}/${span.spanId}`;
    if (lookup.has(key)) {
      duplicates.push(span);
      continue;
    }
    const node = toNode(span, index++);
    lookup.set(key, node);
    const list = byTrace.get(span.traceId) ?? [];
    list.push(node);
    byTrace.set(span.traceId, list);
  }
  for (const node of lookup.values()) {
    node.links = (node.span.links ?? []).map(
      (link): ResolvedLink => ({
        traceId: link.traceId,
        spanId: link.spanId,
        attributes: link.attributes ?? {},
        target: lookup.get(`${link.traceId}/${link.spanId}`),
      }),
    );
  }
  const traces = [...byTrace].map(([traceId, nodes]) => buildTrace(traceId, nodes, lookup));
  traces.sort((a, b) =>
    a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : a.traceId.localeCompare(b.traceId),
  );
  return {
    traces,
    spans: traces.flatMap((t) => t.spans),
    duplicates,
    get: (traceId, spanId) => lookup.get(`${traceId}/${spanId}`),
  };
}
