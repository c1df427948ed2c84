import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datadogIds } from '../src/datadog-ids.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const LOW_64 = (1n << 64n) - 1n;
const hex = (length: number) =>
  fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`)).map((value) => value.slice(0, length));

describe('datadogIds', () => {
  it.each([
    // W3C trace-context example ids: 0x8448eb211c80319c and 0x00f067aa0ba902b7.
    [
      '0af7651916cd43dd8448eb211c80319c',
      '00f067aa0ba902b7',
      '9532127138774266268',
      '67667974448284343',
    ],
    // A 64-bit trace id (high half zero) keeps its value.
    ['000000000000000000000000000004d2', '000000000000162e', '1234', '5678'],
    // The largest unsigned 64-bit values.
    [
      'ffffffffffffffffffffffffffffffff',
      'ffffffffffffffff',
      '18446744073709551615',
      '18446744073709551615',
    ],
    // Upper case hex is read the same.
    [
      '0AF7651916CD43DD8448EB211C80319C',
      '00F067AA0BA902B7',
      '9532127138774266268',
      '67667974448284343',
    ],
  ])('converts %s / %s', (traceId, spanId, ddTrace, ddSpan) => {
    // Act
    const ids = datadogIds(traceId, spanId);

    // Assert
    expect(ids).toEqual({ trace_id: ddTrace, span_id: ddSpan });
  });

  it.each([
    ['short trace id', '8448eb211c80319c', '00f067aa0ba902b7'],
    ['non-hex high half', 'zzf7651916cd43dd8448eb211c80319c', '00f067aa0ba902b7'],
    ['non-hex low half', '0af7651916cd43dd8448eb211c8031zz', '00f067aa0ba902b7'],
    ['short span id', '0af7651916cd43dd8448eb211c80319c', 'f067aa0ba902b7'],
    ['empty', '', ''],
  ])('returns undefined for a %s', (_case, traceId, spanId) => {
    expect(datadogIds(traceId, spanId)).toBeUndefined();
  });

  it('matches BigInt arithmetic: trace id = low 64 bits, span id = all 64 bits', () => {
    fc.assert(
      fc.property(hex(32), hex(16), (traceId, spanId) => {
        // Act
        const ids = datadogIds(traceId, spanId);

        // Assert
        expect(ids).toEqual({
          trace_id: (BigInt(`0x${traceId}`) & LOW_64).toString(10),
          span_id: BigInt(`0x${spanId}`).toString(10),
        });
      }),
      { numRuns },
    );
  });
});
