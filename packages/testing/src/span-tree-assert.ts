import { AssertionError } from 'node:assert';
import { describeTree } from './span-tree-describe.js';
import { type ShapeMatchOptions, shapeMismatches } from './span-tree-match.js';
import { toForest } from './span-tree-source.js';
import type { SpanForest, SpanNode, SpanShape, SpanSource } from './span-tree-types.js';

/** Options of {@link assertTreeShape} and {@link treeMismatches}. */
export interface TreeShapeOptions extends ShapeMatchOptions {
  /** Attribute keys to show in the tree printed under a failure. */
  attributes?: readonly string[];
}

/** Roots and orphans of every trace: the spans drawn without a parent, by start time. */
function topSpans(forest: SpanForest): SpanNode[] {
  const tops = forest.traces.flatMap((trace) => [...trace.roots, ...trace.orphans]);
  return tops
    .map((node, index) => ({ node, index }))
    .sort((a, b) =>
      a.node.startNs < b.node.startNs
        ? -1
        : a.node.startNs > b.node.startNs
          ? 1
          : a.index - b.index,
    )
    .map(({ node }) => node);
}

/**
 * Compares the top-level spans of a source (each trace's roots and orphans, ordered by start
 * time across traces) and their subtrees with the expected shapes.
 *
 * @param source - spans, a forest, a trace or a node.
 * @param expected - one shape per top-level span, in start-time order (one shape alone when
 *   the source has a single top-level span).
 * @param options - see {@link TreeShapeOptions}; `exact` compares whole spans.
 * @returns one readable line per difference; empty when the trees match.
 * @example
 * ```ts
 * treeMismatches(receiver.spans, { name: 'lambda.invoke', children: [{ name: 'sqs.batch' }] });
 * ```
 */
export function treeMismatches(
  source: SpanSource,
  expected: SpanShape | readonly SpanShape[],
  options: ShapeMatchOptions = {},
): string[] {
  const shapes: readonly SpanShape[] = Array.isArray(expected) ? expected : [expected as SpanShape];
  const tops = topSpans(toForest(source));
  if (tops.length !== shapes.length) {
    const names = tops.map((node) => `${node.name} ${node.kind}${node.orphan ? ' (orphan)' : ''}`);
    return [
      `expected ${shapes.length} top-level span(s), got ${tops.length} [${names.join(', ')}]`,
    ];
  }
  return tops.flatMap((node, i) => {
    const twin = tops.some((other, j) => j !== i && other.name === node.name);
    return shapeMismatches(node, shapes[i]!, `${node.name}${twin ? `[${i}]` : ''}`, options);
  });
}

/**
 * Asserts that spans form the expected trees: names, kinds, parents, orphans, attributes,
 * status, events, links (with their attributes and targets) and children, as far as each
 * shape says (or everything, with `exact`). Throws an `AssertionError` that lists every
 * difference and prints the trees that were received.
 *
 * @param source - spans (e.g. `receiver.spans`), a forest, a trace or a node.
 * @param expected - one shape per top-level span (roots and orphans, by start time).
 * @param options - see {@link TreeShapeOptions}.
 * @returns nothing; throws on the first call that finds a difference.
 * @example
 * ```ts
 * assertTreeShape(await receiver.waitForSpans(3), {
 *   name: 'lambda.invoke',
 *   kind: 'SERVER',
 *   attributes: { 'faas.trigger': 'pubsub' },
 *   children: [
 *     { name: 'sqs.process', kind: 'CONSUMER', status: 'ERROR' },
 *     { name: 'sqs.batch', links: [{ name: 'sqs.process', attributes: { 'messaging.message.id': 'm-1' } }] },
 *   ],
 * });
 * ```
 */
export function assertTreeShape(
  source: SpanSource,
  expected: SpanShape | readonly SpanShape[],
  options: TreeShapeOptions = {},
): void {
  const forest = toForest(source);
  const differences = treeMismatches(forest, expected, options);
  if (differences.length === 0) return;
  const tree = describeTree(forest, {
    ids: true,
    ...(options.attributes !== undefined && { attributes: options.attributes }),
  });
  throw new AssertionError({
    message: `span tree differs:\n${differences.map((line) => `  - ${line}`).join('\n')}\nreceived:\n${tree}`,
    actual: describeTree(forest),
    expected,
    operator: 'assertTreeShape',
  });
}

/**
 * Every span whose own fields match a shape (its `children` are ignored) or a predicate,
 * depth-first, trace by trace.
 *
 * @param source - spans, a forest, a trace or a node.
 * @param query - a shape (`{ name: 'sqs.process', status: 'ERROR' }`) or a predicate.
 * @returns the matching spans; empty when none match.
 * @example
 * ```ts
 * findSpans(receiver.spans, { name: 'sqs.process' }).map((node) => node.parent?.name);
 * ```
 */
export function findSpans(
  source: SpanSource,
  query: SpanShape | ((node: SpanNode) => boolean),
): SpanNode[] {
  const forest = toForest(source);
  if (typeof query === 'function') return forest.spans.filter(query);
  const { children: _ignored, ...own } = query;
  return forest.spans.filter((node) => shapeMismatches(node, own, node.name).length === 0);
}

/**
 * The one span that matches a shape or predicate; throws (printing the trees) when none or
 * several do.
 *
 * @param source - spans, a forest, a trace or a node.
 * @param query - a shape or a predicate.
 * @returns the span.
 * @example
 * ```ts
 * const invoke = findSpan(receiver.spans, { name: 'lambda.invoke' });
 * expect(invoke.children).toHaveLength(2);
 * ```
 */
export function findSpan(
  source: SpanSource,
  query: SpanShape | ((node: SpanNode) => boolean),
): SpanNode {
  const forest = toForest(source);
  const found = findSpans(forest, query);
  if (found.length === 1) return found[0]!;
  const what = typeof query === 'function' ? `<${query.name || 'predicate'}>` : 'the shape';
  throw new AssertionError({
    message: `expected exactly one span matching ${what}, found ${found.length}\nreceived:\n${describeTree(forest, { ids: true })}`,
    operator: 'findSpan',
  });
}
