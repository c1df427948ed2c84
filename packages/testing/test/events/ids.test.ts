import { describe, expect, it } from 'vitest';
import { idSource, toIdSource } from '../../src/events/ids.js';

describe('idSource', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    // Arrange
    const draw = (seed: number | string) => {
      const ids = idSource(seed);
      return [ids.hex(32), ids.uuid(), ids.digits(20), ids.base64(12)];
    };

    // Act / Assert
    expect(draw(7)).toStrictEqual(draw(7));
    expect(draw('orders')).toStrictEqual(draw('orders'));
    expect(draw(7)).not.toStrictEqual(draw(8));
    expect(idSource(7).seeded).toBe(true);
  });

  it('draws random values without a seed', () => {
    // Act
    const a = idSource();
    const b = idSource();

    // Assert
    expect(a.seeded).toBe(false);
    expect(a.hex(32)).not.toBe(b.hex(32));
  });

  it('formats hex, digits, characters, UUIDs and base64 as asked', () => {
    // Arrange
    const ids = idSource(1);

    // Act / Assert
    for (let i = 0; i < 200; i++) {
      expect(ids.hex(16)).toMatch(/^[0-9a-f]{16}$/);
      expect(ids.digits(20)).toMatch(/^[1-9]\d{19}$/);
      expect(ids.chars(5, 'AB')).toMatch(/^[AB]{5}$/);
      expect(ids.uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(Buffer.from(ids.base64(9), 'base64')).toHaveLength(9);
      expect(ids.bytes(3)).toBeInstanceOf(Uint8Array);
    }
  });

  it('starts a seeded clock at 2024-06-01T12:00:00Z, one millisecond further per reading', () => {
    // Arrange
    const ids = idSource('clock');

    // Act
    const readings = [ids.nowMs(), ids.nowMs(), ids.nowMs()];

    // Assert
    expect(new Date(readings[0]!).toISOString()).toBe('2024-06-01T12:00:00.000Z');
    expect(readings).toStrictEqual([readings[0], readings[0]! + 1, readings[0]! + 2]);
  });

  it('reads the real clock without a seed', () => {
    // Act
    const before = Date.now();
    const now = idSource().nowMs();

    // Assert
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('toIdSource', () => {
  it('passes a source through and makes one from a seed or nothing', () => {
    // Arrange
    const shared = idSource(3);

    // Act / Assert
    expect(toIdSource(shared)).toBe(shared);
    expect(toIdSource(3).hex(8)).toBe(idSource(3).hex(8));
    expect(toIdSource(undefined).seeded).toBe(false);
  });
});
