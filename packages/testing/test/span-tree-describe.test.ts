import { describe, expect, it } from 'vitest';
import { describeTree } from '../src/span-tree-describe.js';
import { sqsTrace } from './support/spans.js';

describe('describeTree', () => {
  it('writes a stable outline of names, kinds, errors, links and orphans', () => {
    expect(`\n${describeTree(sqsTrace())}`).toBe(`
trace 1 (4 spans)
lambda.invoke SERVER
├── sqs.process CONSUMER
├── sqs.process CONSUMER ✗ boom
└── sqs.batch CONSUMER ↪ sqs.process, sqs.process (trace 2)
trace 2 (1 span)
orphans (parent not received):
sqs.process CONSUMER`);
  });

  it('adds ids, parents of orphans and chosen attributes when asked', () => {
    // Act
    const text = describeTree(sqsTrace(), { ids: true, attributes: ['faas.trigger'] });

    // Assert
    expect(text).toContain(`trace 1 ${'a'.repeat(32)} (4 spans)`);
    expect(text).toContain(`lambda.invoke SERVER [${'1'.repeat(16)}] {faas.trigger="pubsub"}`);
    expect(text).toContain(`    parent ${'7'.repeat(16)}`);
  });

  it('says so when there are no spans', () => {
    expect(describeTree([])).toBe('(no spans)');
  });
});
