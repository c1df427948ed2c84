import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderWaterfall } from '../src/span-tree-waterfall.js';
import { span, sqsTrace } from './support/spans.js';

describe('renderWaterfall', () => {
  it('draws names, kinds, bars on the trace timeline, durations, errors, links and orphans', () => {
    // Bars: start cell rounds down, end cell up, on a 40-cell timeline of 50 ms.
    // Act
    const text = renderWaterfall(sqsTrace(), { width: 80 });

    // Assert
    expect(`\n${text}`).toBe(`
trace 1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa · orders · 4 spans · 50.00 ms
lambda.invoke SERVER       │████████████████████████████████████████│   50.00 ms
├── sqs.process CONSUMER   │█████████████████                       │   20.00 ms
├── sqs.process CONSUMER ✗ │                 ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓        │   18.00 ms
│       ✗ boom
└── sqs.batch CONSUMER     │                                ████    │    4.00 ms
        ↪ sqs.process CONSUMER {messaging.message.id="m-1"}
        ↪ sqs.process CONSUMER (trace 2) {messaging.message.id="m-2"}

trace 2 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb · 1 span · 1.00 ms
orphans (parent not received):
sqs.process CONSUMER │██████████████████████████████████████████████│    1.00 ms
    ↑ parent 7777777777777777 not received`);
    for (const line of text.split('\n').filter((l) => / ms$/.test(l) && !l.startsWith('trace'))) {
      expect([...line]).toHaveLength(80);
    }
  });

  it('prints chosen attributes and ids, and colours with ANSI codes when asked', () => {
    // Act
    const text = renderWaterfall(sqsTrace(), {
      width: 80,
      attributes: ['faas.trigger'],
      ids: true,
      color: true,
    });

    // Assert
    expect(text).toContain('\x1b[36mlambda.invoke SERVER');
    expect(text).toContain('\x1b[31m├── sqs.process CONSUMER ✗');
    expect(text).toContain('faas.trigger="pubsub"');
    expect(text).toContain('50.00 ms 1111111111111111');
    expect(stripVTControlCharacters(text)).toContain(
      '↪ sqs.process CONSUMER aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2222222222222222 {messaging.message.id="m-1"}',
    );
  });

  it('cuts long names to fit, keeps a minimum bar, and marks links that were not received', () => {
    // Act
    const text = renderWaterfall(
      [
        span('x'.repeat(200), {
          sid: 1,
          to: 2,
          links: [{ traceId: 'c'.repeat(32), spanId: '9'.repeat(16) }],
        }),
        span('instant', { sid: 2, parent: 1, from: 1, to: 1 }),
      ],
      { width: 10 },
    );
    const [, first, link, second] = text.split('\n');

    // Assert
    expect(first).toMatch(/^x+… │██████████│ {4}2\.00 ms$/);
    expect([...(first ?? '')]).toHaveLength(40);
    expect(link).toBe(`│   ↪ ${'c'.repeat(32)}/${'9'.repeat(16)} (not received)`);
    expect(second).toMatch(/^└── instant INT… │ {5}█ {4}│ {4}0\.00 ms$/);
  });

  it('says so when there are no spans', () => {
    expect(renderWaterfall([])).toBe('(no spans)');
  });
});
