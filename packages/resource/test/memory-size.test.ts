import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMemorySizeBytes } from '../src/memory-size.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const MIB = 1_048_576;

describe('parseMemorySizeBytes', () => {
  it.each([
    ['128', 128 * MIB],
    ['512', 536_870_912],
    ['3008', 3008 * MIB],
    ['10240', 10_737_418_240],
    [' 1024\n', 1024 * MIB],
    ['0128', 128 * MIB],
  ])('reads %j MiB as %d bytes', (value, expected) => {
    // Act
    const bytes = parseMemorySizeBytes(value);

    // Assert
    expect(bytes).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['  '],
    ['0'],
    ['-128'],
    ['+128'],
    ['1.5'],
    ['128MB'],
    ['0x80'],
    ['1e3'],
    ['Infinity'],
    ['NaN'],
    ['12 8'],
    ['９９'],
    ['999999999999999'],
  ])('rejects %j', (value) => {
    // Act
    const bytes = parseMemorySizeBytes(value);

    // Assert
    expect(bytes).toBeUndefined();
  });

  it('gives whole MiB within the safe integer range for any positive integer text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8_589_934_591 }), (mebibytes) => {
        expect(parseMemorySizeBytes(String(mebibytes))).toBe(mebibytes * MIB);
      }),
      { numRuns },
    );
  });

  it('never throws and gives undefined or a positive safe multiple of one MiB', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const bytes = parseMemorySizeBytes(value);
        if (bytes !== undefined) {
          expect(Number.isSafeInteger(bytes)).toBe(true);
          expect(bytes).toBeGreaterThan(0);
          expect(bytes % MIB).toBe(0);
        }
      }),
      { numRuns },
    );
  });
});
