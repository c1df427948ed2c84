import { describe, expect, it } from 'vitest';
import { buildSpanTrees } from '../src/span-tree.js';
import { shapeMismatches } from '../src/span-tree-match.js';
import { id, span, sqsTrace, trace } from './support/spans.js';

const root = () => buildSpanTrees(sqsTrace()).traces[0]!.roots[0]!;

describe('shapeMismatches', () => {
  it('checks only what a shape names, unless exact', () => {
    expect(shapeMismatches(root(), { name: 'lambda.invoke' }, 'r')).toStrictEqual([]);
    expect(shapeMismatches(root(), { name: 'lambda.invoke' }, 'r', { exact: true })).toStrictEqual([
      'r: attribute "faas.trigger" not expected, got "pubsub"',
      'r: expected 0 child span(s) [], got 3 [sqs.process CONSUMER, sqs.process CONSUMER, sqs.batch CONSUMER]',
    ]);
  });

  it('checks ids, parents, orphan flags and numeric kinds', () => {
    // Act
    const differences = shapeMismatches(
      root(),
      { traceId: trace('b'), spanId: id(9), parentSpanId: id(5), orphan: true, kind: 2 },
      'r',
    );

    // Assert
    expect(differences).toStrictEqual([
      'r: kind expected CLIENT, got SERVER',
      `r: traceId expected ${trace('b')}, got ${trace('a')}`,
      `r: spanId expected ${id(9)}, got ${id(1)}`,
      `r: parentSpanId expected ${id(5)}, got none (a root)`,
      'r: expected an orphan, got the opposite',
    ]);
  });

  it('checks link counts and targets, and says when a target was not received', () => {
    // Arrange
    const [node] = buildSpanTrees([
      span('x', { sid: 1, links: [{ traceId: trace('c'), spanId: id(9) }] }),
    ]).spans;

    // Act / Assert
    expect(shapeMismatches(node!, { links: 2 }, 'x')).toStrictEqual([
      'x: expected 2 link(s), got 1',
    ]);
    expect(shapeMismatches(node!, { links: [{ name: 'y', spanId: id(8) }] }, 'x')).toStrictEqual([
      `x: link[0] spanId expected ${id(8)}, got ${id(9)}`,
      'x: link[0] target name expected "y", got a span that was not received',
    ]);
  });

  it('checks status messages with matchers', () => {
    // Arrange
    const failed = root().children[1]!;

    // Act / Assert
    expect(
      shapeMismatches(failed, { status: { code: 'ERROR', message: /bo+m/ } }, 'f'),
    ).toStrictEqual([]);
    expect(
      shapeMismatches(failed, { status: { code: 'ERROR', message: 'other' } }, 'f'),
    ).toStrictEqual(['f: status message expected "other", got "boom"']);
  });
});
