import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flushBudget } from '../src/flush-budget.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);

describe('flushBudget', () => {
  it.each([
    { remainingMs: 10_000, capMs: 2000, marginMs: 500, expected: 2000 },
    { remainingMs: 2500, capMs: 2000, marginMs: 500, expected: 2000 },
    { remainingMs: 1200, capMs: 2000, marginMs: 500, expected: 700 },
    { remainingMs: 500, capMs: 2000, marginMs: 500, expected: 0 },
    { remainingMs: 300, capMs: 2000, marginMs: 500, expected: 0 },
    { remainingMs: -50, capMs: 2000, marginMs: 500, expected: 0 },
    { remainingMs: 1000, capMs: 0, marginMs: 0, expected: 0 },
    { remainingMs: 1000, capMs: -1, marginMs: 0, expected: 0 },
    { remainingMs: 1000, capMs: 2000, marginMs: -400, expected: 1000 },
    { remainingMs: Number.NaN, capMs: 2000, marginMs: 500, expected: 0 },
    { remainingMs: 1000, capMs: Number.NaN, marginMs: 500, expected: 0 },
    { remainingMs: 1000, capMs: 2000, marginMs: Number.NaN, expected: 0 },
    { remainingMs: Number.POSITIVE_INFINITY, capMs: 2000, marginMs: 500, expected: 2000 },
    { remainingMs: 1000, capMs: Number.POSITIVE_INFINITY, marginMs: 500, expected: 500 },
  ])('gives $expected for remaining $remainingMs, cap $capMs, margin $marginMs', (input) => {
    // Arrange
    const { expected, ...budgetInput } = input;

    // Act
    const budget = flushBudget(budgetInput);

    // Assert
    expect(budget).toBe(expected);
  });

  it('is never negative, never above the cap, never past remaining − margin', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), (remainingMs, capMs, marginMs) => {
        const budget = flushBudget({ remainingMs, capMs, marginMs });

        expect(budget).toBeGreaterThanOrEqual(0);
        if (budget > 0) {
          expect(budget).toBeLessThanOrEqual(capMs);
          expect(budget).toBeLessThanOrEqual(remainingMs - Math.max(0, marginMs));
        }
      }),
      { numRuns },
    );
  });

  it('equals max(0, min(cap, remaining − margin)) for non-negative finite inputs', () => {
    const ms = fc.integer({ min: 0, max: 900_000 });
    fc.assert(
      fc.property(ms, ms, ms, (remainingMs, capMs, marginMs) => {
        expect(flushBudget({ remainingMs, capMs, marginMs })).toBe(
          Math.max(0, Math.min(capMs, remainingMs - marginMs)),
        );
      }),
      { numRuns },
    );
  });
});
