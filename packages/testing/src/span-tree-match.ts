import { isDeepStrictEqual } from 'node:util';
import { spanKindName } from './span-tree-normalize.js';
import type { LinkShape, SpanNode, SpanShape } from './span-tree-types.js';

type Asymmetric = { asymmetricMatch(actual: unknown): boolean; toAsymmetricMatcher?(): string };

const isAsymmetric = (value: unknown): value is Asymmetric =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Asymmetric).asymmetricMatch === 'function';

/**
 * Whether an actual value satisfies an expected one (see `ValueMatcher`).
 *
 * @param expected - literal, RegExp, predicate, asymmetric matcher, or undefined (absent).
 * @param actual - the span's value.
 * @returns true on a match.
 * @example
 * ```ts
 * matchValue(/^sqs/, 'sqs.process'); // true
 * matchValue(3, 3n); // true
 * ```
 */
export function matchValue(expected: unknown, actual: unknown): boolean {
  if (expected === undefined) return actual === undefined;
  if (isAsymmetric(expected)) return expected.asymmetricMatch(actual);
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (typeof expected === 'function') return Boolean(expected(actual));
  const numeric = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';
  if (numeric(expected) && numeric(actual)) {
    // biome-ignore lint/suspicious/noDoubleEquals: number and bigint compare by value on purpose
    return expected == actual;
  }
  return isDeepStrictEqual(expected, actual);
}

/**
 * A short, unambiguous rendering of a value for messages and tree text.
 *
 * @param value - any attribute or matcher value.
 * @returns e.g. `"pubsub"`, `3`, `true`, `/^sqs/`, `<bytes 0a1b>`, `(absent)`.
 * @example
 * ```ts
 * formatValue(['a', 1]); // '["a", 1]'
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof RegExp) return String(value);
  if (value instanceof Uint8Array) return `<bytes ${Buffer.from(value).toString('hex')}>`;
  if (typeof value === 'function') return `<${value.name || 'predicate'}>`;
  if (isAsymmetric(value)) return value.toAsymmetricMatcher?.() ?? String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

const label = (node: SpanNode) => `${node.name} ${node.kind}`;

function matchLinks(
  node: SpanNode,
  links: number | readonly LinkShape[],
  at: string,
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
    for (const [key, expected] of Object.entries(shape.attributes ?? {})) {
      if (!matchValue(expected, link.attributes[key])) {
        out.push(
          `${where} attribute "${key}" expected ${formatValue(expected)}, got ${formatValue(link.attributes[key])}`,
        );
      }
    }
  });
}

function matchOwn(node: SpanNode, shape: SpanShape, at: string, out: string[]): void {
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
  for (const [key, expected] of Object.entries(shape.attributes ?? {})) {
    const actual = node.attributes[key];
    if (!matchValue(expected, actual)) {
      out.push(
        `${at}: attribute "${key}" expected ${formatValue(expected)}, got ${formatValue(actual)}`,
      );
    }
  }
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
  if (shape.links !== undefined) matchLinks(node, shape.links, at, out);
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
 * @returns one readable line per difference; empty when the span matches.
 * @example
 * ```ts
 * shapeMismatches(node, { name: 'lambda.invoke', kind: 'SERVER' }, 'lambda.invoke');
 * ```
 */
export function shapeMismatches(node: SpanNode, shape: SpanShape, at: string): string[] {
  const out: string[] = [];
  const stack: Array<{ node: SpanNode; shape: SpanShape; at: string }> = [{ node, shape, at }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    matchOwn(item.node, item.shape, item.at, out);
    const want = item.shape.children;
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
