import { describe, expect, it } from 'vitest';
import { buildSpanTrees } from '../src/span-tree.js';
import { at, id, span, sqsTrace, trace } from './support/spans.js';

describe('buildSpanTrees', () => {
  it('places spans under their parents, children by start time, traces by first start', () => {
    // Act
    const forest = buildSpanTrees(sqsTrace());
    const [first, second] = forest.traces;

    // Assert
    expect(forest.traces.map((t) => t.traceId)).toStrictEqual([trace('a'), trace('b')]);
    expect(first?.roots.map((n) => n.name)).toStrictEqual(['lambda.invoke']);
    const root = first?.roots[0];
    expect(root?.children.map((n) => n.spanId)).toStrictEqual([id(2), id(3), id(4)]);
    expect(root?.children.every((n) => n.parent === root && n.depth === 1)).toBe(true);
    expect(first).toMatchObject({
      startNs: at(0),
      endNs: at(50),
      durationNs: 50_000_000n,
      resource: { 'service.name': 'orders' },
    });
    expect(first?.spans.map((n) => n.spanId)).toStrictEqual([id(1), id(2), id(3), id(4)]);
    expect(second?.roots).toStrictEqual([]);
    expect(forest.spans).toHaveLength(5);
  });

  it('reports spans whose parent was not received as orphans', () => {
    // Act
    const forest = buildSpanTrees(sqsTrace());
    const orphan = forest.get(trace('b'), id(6));

    // Assert
    expect(orphan).toMatchObject({
      orphan: true,
      parent: undefined,
      parentSpanId: id(7),
      depth: 0,
    });
    expect(forest.traces[1]?.orphans).toStrictEqual([orphan]);
  });

  it('resolves links to received spans, across traces, and leaves others unresolved', () => {
    // Act
    const forest = buildSpanTrees(sqsTrace());
    const batch = forest.get(trace('a'), id(4));

    // Assert
    expect(batch?.links.map((l) => l.target?.spanId)).toStrictEqual([id(2), id(6)]);
    expect(batch?.links[1]?.attributes).toStrictEqual({ 'messaging.message.id': 'm-2' });
    const dangling = buildSpanTrees([
      span('x', { sid: 1, links: [{ traceId: trace('c'), spanId: id(9) }] }),
    ]).spans[0];
    expect(dangling?.links[0]).toStrictEqual({
      traceId: trace('c'),
      spanId: id(9),
      attributes: {},
      target: undefined,
    });
  });

  it('normalises kinds, status, times and zero parent ids', () => {
    // Act
    const [node] = buildSpanTrees([
      {
        traceId: trace('a'),
        spanId: id(1),
        parentSpanId: '0000000000000000',
        name: 'n',
        kind: 'SPAN_KIND_CLIENT',
        startTimeUnixNano: '1700000000000000000',
        endTimeUnixNano: 1_699_999_999_000_000_000,
        status: { code: 'STATUS_CODE_ERROR', message: '' },
      },
    ]).spans;

    // Assert
    expect(node).toMatchObject({
      kind: 'CLIENT',
      parentSpanId: undefined,
      orphan: false,
      durationNs: 0n,
      status: { code: 'ERROR', message: undefined },
      attributes: {},
      events: [],
    });
  });

  it('keeps the first of duplicated ids and reports the others', () => {
    // Arrange
    const first = span('first', { sid: 1 });
    const again = span('again', { sid: 1 });

    // Act
    const forest = buildSpanTrees([first, again]);

    // Assert
    expect(forest.spans.map((n) => n.name)).toStrictEqual(['first']);
    expect(forest.duplicates).toStrictEqual([again]);
  });

  it('breaks parent cycles and self-parents into orphans instead of looping', () => {
    // Act
    const forest = buildSpanTrees([
      span('a', { sid: 1, parent: 2, from: 0 }),
      span('b', { sid: 2, parent: 1, from: 1 }),
      span('self', { sid: 3, parent: 3, from: 2 }),
    ]);

    // Assert
    expect(forest.spans.map((n) => n.name).sort()).toStrictEqual(['a', 'b', 'self']);
    expect(forest.traces[0]?.orphans.map((n) => n.name)).toStrictEqual(['a', 'self']);
    expect(forest.get(trace('a'), id(2))?.parent?.name).toBe('a');
  });

  it('handles a chain deeper than the call stack would allow', () => {
    // Arrange
    const chain = Array.from({ length: 20_000 }, (_, i) => ({
      traceId: trace('a'),
      spanId: (i + 1).toString(16).padStart(16, '0'),
      ...(i > 0 && { parentSpanId: i.toString(16).padStart(16, '0') }),
      name: `s${i}`,
      kind: 0,
      startTimeUnixNano: at(i),
      endTimeUnixNano: at(i + 1),
    }));

    // Act
    const forest = buildSpanTrees(chain);

    // Assert
    expect(forest.spans.at(-1)?.depth).toBe(19_999);
  });

  it('builds nothing from nothing', () => {
    expect(buildSpanTrees([])).toMatchObject({ traces: [], spans: [], duplicates: [] });
  });
});
