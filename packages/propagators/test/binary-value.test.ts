import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBinary } from '../src/binary-value.js';
import { anyValue, numRuns } from './support/arbitraries.js';

describe('decodeBinary', () => {
  it.each<[unknown, string | undefined]>([
    ['eyJhIjoxfQ==', '{"a":1}'],
    ['eyJh\nIjoxfQ==', '{"a":1}'],
    [new TextEncoder().encode('{"a":1}'), '{"a":1}'],
    [new Uint8Array(Buffer.from('xx{"a":1}')).subarray(2), '{"a":1}'],
    ['eyJhIjoxfQ', undefined],
    ['ey=JhIjoxfQ=', undefined],
    ['not base64!', undefined],
    ['A'.repeat(64 * 1024 + 4), undefined],
    [new Uint8Array(64 * 1024 + 1), undefined],
    [42, undefined],
  ])('decodes %#', (value, expected) => {
    expect(decodeBinary(value)).toBe(expected);
  });

  it('never throws and round-trips text (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.string()), (value) => {
        const text = decodeBinary(value);
        expect(text === undefined || typeof text === 'string').toBe(true);
      }),
      { numRuns },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        expect(decodeBinary(Buffer.from(text).toString('base64'))).toBe(
          Buffer.from(text).toString('utf8'),
        );
      }),
      { numRuns },
    );
  });
});
