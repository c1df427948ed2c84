import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToHex16, hex16ToDecimal } from '../src/datadog-ids.js';
import { hexId, numRuns, word } from './support/arbitraries.js';

describe('decimalToHex16', () => {
  it.each<[string, string | undefined]>([
    ['1234', '00000000000004d2'],
    [' 1234\t', '00000000000004d2'],
    ['18446744073709551615', 'ffffffffffffffff'],
    ['0001', '0000000000000001'],
    ['18446744073709551616', undefined],
    ['0', undefined],
    ['-1', undefined],
    ['12a', undefined],
    ['0x10', undefined],
    ['1e3', undefined],
    ['', undefined],
    ['1'.repeat(41), undefined],
  ])('%j → %j', (value, expected) => {
    expect(decimalToHex16(value)).toBe(expected);
  });

  it('never throws and gives 16 hex digits or nothing (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), word('0123456789', 22)), (value) => {
        const hex = decimalToHex16(value);
        if (hex !== undefined) expect(hex).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
      }),
      { numRuns },
    );
  });
});

describe('hex16ToDecimal', () => {
  it.each<[string, string | undefined]>([
    ['00000000000004d2', '1234'],
    ['FFFFFFFFFFFFFFFF', '18446744073709551615'],
    ['4d2', undefined],
    ['000000000000000g', undefined],
  ])('%j → %j', (hex, expected) => {
    expect(hex16ToDecimal(hex)).toBe(expected);
  });

  it('is the inverse of decimalToHex16 (fuzz)', () => {
    fc.assert(
      fc.property(hexId(16), (hex) => {
        expect(decimalToHex16(hex16ToDecimal(hex) ?? '')).toBe(hex);
      }),
      { numRuns },
    );
  });
});
