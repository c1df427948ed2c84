import { spanKindName } from './span-tree-normalize.js';
import type { LinkShape, SpanNode, SpanShape } from './span-tree-types.js';
import { formatValue, matchValue } from './span-tree-values.js';

const label = (node: SpanNode) => `${node.name} ${node.kind}`;

/** Options of {@link shapeMismatches}. */
export interface ShapeMatchOptions {
  /**
   * Compare whole spans, not just the fields a shape names: a shape without `attributes`,
   * `links`, `events`, `children` or `status` expects none (status `UNSET`), and attribute
   * maps (of spans and links) may hold no key the shape does not list.
   */
  exact?: boolean;
}

function matchAttributes(
  expected: Record<string, unknown> | undefined,
  actual: Readonly<Record<string, unknown>>,
  where: string,
  exact: boolean,
  out: string[],
): void {
  for (const [key, want] of Object.entries(expected ?? {})) {
    if (!matchValue(want, actual[key])) {
      out.push(
        `${where} attribute "${key}" expected ${formatValue(want)}, got ${formatValue(actual[key])}`,
      );
    }
  }
  if (!exact) return;
  for (const key of Object.keys(actual)) {
    if (expected === undefined || !(key in expected)) {
      out.push(`${where} attribute "${key}" not expected, got ${formatValue(actual[key])}`);
    }
  }
}

function matchLinks(
  node: SpanNode,
  links: number | readonly LinkShape[],
  at: string,
  exact: boolean,
  out: string[],
) {
  const count = typeof links === 'number' ? links : links.length;
  if (node.links.length !== count) {
    out.push(`${at}: expected ${count} link(s), got ${node.links.length}`);
    return;
  }
  if (typeof links === 'number') return;
  links.forEach((shape, i) => {
    const link = node.links[i]!;
    const where = `${at}: link[${i}]`;
    if (shape.traceId !== undefined && link.traceId !== shape.traceId) {
      out.push(`${where} traceId expected ${shape.traceId}, got ${link.traceId}`);
    }
    if (shape.spanId !== undefined && link.spanId !== shape.spanId) {
      out.push(`${where} spanId expected ${shape.spanId}, got ${link.spanId}`);
    }
    if (shape.name !== undefined && !matchValue(shape.name, link.target?.name)) {
      const got = link.target ? formatValue(link.target.name) : 'a span that was not received';
      out.push(`${where} target name expected ${formatValue(shape.name)}, got ${got}`);
    }
    matchAttributes(shape.attributes, link.attributes, where, exact, out);
  });
}

function matchOwn(
  node: SpanNode,
  given: SpanShape,
  at: string,
  exact: boolean,
  out: string[],
): void {
  const shape: SpanShape = exact
    ? { status: 'UNSET', links: [], events: [], children: [], ...given }
    : given;
  if (shape.name !== undefined && !matchValue(shape.name, node.name)) {
    out.push(`${at}: name expected ${formatValue(shape.name)}, got ${formatValue(node.name)}`);
  }
  if (shape.kind !== undefined && spanKindName(shape.kind) !== node.kind) {
    out.push(`${at}: kind expected ${spanKindName(shape.kind)}, got ${node.kind}`);
  }
  for (const field of ['traceId', 'spanId'] as const) {
    if (shape[field] !== undefined && shape[field] !== node[field]) {
      out.push(`${at}: ${field} expected ${shape[field]}, got ${node[field]}`);
    }
  }
  if (shape.parentSpanId !== undefined && (shape.parentSpanId ?? undefined) !== node.parentSpanId) {
    const want = shape.parentSpanId === null ? 'none (a root)' : shape.parentSpanId;
    out.push(`${at}: parentSpanId expected ${want}, got ${node.parentSpanId ?? 'none (a root)'}`);
  }
  if (shape.orphan !== undefined && shape.orphan !== node.orphan) {
    out.push(`${at}: expected ${shape.orphan ? 'an orphan' : 'not an orphan'}, got the opposite`);
  }
  matchAttributes(shape.attributes, node.attributes, `${at}:`, exact, out);
  if (shape.status !== undefined) {
    const want = typeof shape.status === 'string' ? { code: shape.status } : shape.status;
    if (want.code !== node.status.code) {
      out.push(`${at}: status expected ${want.code}, got ${node.status.code}`);
    }
    if ('message' in want && !matchValue(want.message, node.status.message)) {
      out.push(
        `${at}: status message expected ${formatValue(want.message)}, got ${formatValue(node.status.message)}`,
      );
    }
  }
  if (shape.links !== undefined) matchLinks(node, shape.links, at, exact, out);
  if (shape.events !== undefined) {
    const want = shape.events.map((e) => (typeof e === 'string' ? { name: e } : e));
    const names = node.events.map((e) => e.name);
    const ok =
      want.length === names.length &&
      want.every(
        (e, i) =>
          e.name === names[i] &&
          Object.entries(e.attributes ?? {}).every(([k, v]) =>
            matchValue(v, node.events[i]?.attributes[k]),
          ),
      );
    if (!ok)
      out.push(`${at}: events expected ${formatValue(want)}, got ${formatValue(node.events)}`);
  }
}

/**
 * Compares a span (and, with `children` in the shape, its subtree) against a shape.
 *
 * @param node - the span.
 * @param shape - the expected shape.
 * @param at - the path shown in messages for this span.
 * @param options - see {@link ShapeMatchOptions}.
 * @returns one readable line per difference; empty when the span matches.
 * @example
 * ```ts
 * shapeMismatches(node, { name: 'lambda.invoke', kind: 'SERVER' }, 'lambda.invoke');
 * ```
 */
export function shapeMismatches(
  node: SpanNode,
  shape: SpanShape,
  at: string,
  options: ShapeMatchOptions = {},
): string[] {
  const exact = options.exact ?? false;
  const out: string[] = [];
  const stack: Array<{ node: SpanNode; shape: SpanShape; at: string }> = [{ node, shape, at }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    matchOwn(item.node, item.shape, item.at, exact, out);
    const want = item.shape.children ?? (exact ? [] : undefined);
    if (want === undefined) continue;
    const got = item.node.children;
    if (got.length !== want.length) {
      const wanted = want.map(
        (s) => `${s.name ?? '*'}${s.kind !== undefined ? ` ${spanKindName(s.kind)}` : ''}`,
      );
      out.push(
        `${item.at}: expected ${want.length} child span(s) [${wanted.join(', ')}], got ${got.length} [${got.map(label).join(', ')}]`,
      );
      continue;
    }
    for (let i = want.length - 1; i >= 0; i--) {
      const child = got[i]!;
      const twin = got.some((c, j) => j !== i && c.name === child.name);
      stack.push({
        node: child,
        shape: want[i]!,
        at: `${item.at} › ${child.name}${twin ? `[${i}]` : ''}`,
      });
    }
  }
  return out;
}
