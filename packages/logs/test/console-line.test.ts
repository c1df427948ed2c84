import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatConsoleLine } from '../src/console-line.js';

const time = new Date('2026-01-02T03:04:05.678Z');

describe('formatConsoleLine', () => {
  it('writes timestamp, level, requestId, message, then the fields, as one line', () => {
    // Act
    const line = formatConsoleLine({
      level: 'WARN',
      args: ['%s has %d items', 'cart', 3],
      time,
      requestId: 'req-1',
      fields: { trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16), trace_flags: '01' },
    });

    // Assert
    expect(line).toBe(
      '{"timestamp":"2026-01-02T03:04:05.678Z","level":"WARN","requestId":"req-1","message":"cart has 3 items",' +
        `"trace_id":"${'a'.repeat(32)}","span_id":"${'b'.repeat(16)}","trace_flags":"01"}\n`,
    );
  });

  it('leaves requestId out when unknown', () => {
    const line = formatConsoleLine({
      level: 'INFO',
      args: ['hi'],
      time,
      requestId: undefined,
      fields: {},
    });

    expect(JSON.parse(line)).toEqual({
      timestamp: time.toISOString(),
      level: 'INFO',
      message: 'hi',
    });
  });

  it('formats objects, errors and newlines like console.log, keeping one line', () => {
    // Act
    const line = formatConsoleLine({
      level: 'ERROR',
      args: ['failed', { id: 7 }, new Error('boom')],
      time,
      requestId: undefined,
      fields: {},
    });

    // Assert
    expect(line.split('\n')).toHaveLength(2);
    const message = JSON.parse(line).message as string;
    expect(message).toMatch(/^failed \{ id: 7 \} Error: boom\n {4}at /);
  });

  it('still writes a line for a circular object', () => {
    // Arrange
    const order: Record<string, unknown> = { id: 1 };
    order.self = order;

    // Act
    const line = formatConsoleLine({
      level: 'INFO',
      args: [order],
      time,
      requestId: undefined,
      fields: {},
    });

    // Assert
    expect(JSON.parse(line).message).toBe('<ref *1> { id: 1, self: [Circular *1] }');
  });

  it('still writes a line when inspecting an argument throws', () => {
    // Arrange: util.format calls the custom inspector, which throws.
    const hostile = {
      [inspect.custom]() {
        throw new Error('no');
      },
    };

    // Act
    const line = formatConsoleLine({
      level: 'INFO',
      args: ['value', hostile],
      time,
      requestId: undefined,
      fields: {},
    });

    // Assert
    expect(JSON.parse(line).message).toBe('value [unformattable object]');
  });

  it('uses the current time when the clock gives an invalid date', () => {
    const line = formatConsoleLine({
      level: 'DEBUG',
      args: [],
      time: new Date(Number.NaN),
      requestId: undefined,
      fields: {},
    });

    expect(Date.parse(JSON.parse(line).timestamp)).not.toBeNaN();
  });
});
