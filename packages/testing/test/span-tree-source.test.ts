import { describe, expect, it } from 'vitest';
import { buildSpanTrees } from '../src/span-tree.js';
import { toForest } from '../src/span-tree-source.js';
import { at, id, sqsTrace, trace } from './support/spans.js';

describe('toForest', () => {
  it('builds a forest from records and passes a forest through', () => {
    // Arrange
    const forest = buildSpanTrees(sqsTrace());

    // Act / Assert
    expect(toForest(forest)).toBe(forest);
    expect(toForest(sqsTrace()).spans).toHaveLength(5);
  });

  it('reads one trace as a forest of that trace', () => {
    // Arrange
    const first = buildSpanTrees(sqsTrace()).traces[0]!;

    // Act
    const forest = toForest(first);

    // Assert
    expect(forest.traces).toStrictEqual([first]);
    expect(forest.get(trace('a'), id(3))?.name).toBe('sqs.process');
    expect(forest.get(trace('b'), id(3))).toBeUndefined();
  });

  it('reads a node as the trace of its subtree', () => {
    // Arrange
    const forest = buildSpanTrees(sqsTrace());
    const failed = forest.get(trace('a'), id(3))!;
    const orphan = forest.get(trace('b'), id(6))!;

    // Act
    const sub = toForest(failed).traces[0]!;
    const lone = toForest(orphan).traces[0]!;

    // Assert
    expect(sub).toMatchObject({ roots: [failed], orphans: [], startNs: at(22), endNs: at(40) });
    expect(sub.spans).toStrictEqual([failed]);
    expect(lone).toMatchObject({ roots: [], orphans: [orphan] });
  });
});
