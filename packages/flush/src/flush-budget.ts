import type { FlushBudgetInput } from './types.js';

/**
 * Computes how long a flush may take: `max(0, min(cap, remaining − margin))`, in milliseconds.
 *
 * Pure. A negative margin counts as zero (a flush never eats into the time after the deadline),
 * a negative cap gives zero, and any `NaN` input gives zero.
 *
 * @param input - Time left in the invocation, the cap and the margin, all in milliseconds.
 * @returns The budget in milliseconds; zero means "do not flush".
 * @see The package README, "Behaviour" (the budget rule of the kit's design).
 * @example
 * ```ts
 * flushBudget({ remainingMs: 10_000, capMs: 2000, marginMs: 500 }); // 2000
 * flushBudget({ remainingMs: 1200, capMs: 2000, marginMs: 500 }); // 700
 * flushBudget({ remainingMs: 300, capMs: 2000, marginMs: 500 }); // 0
 * ```
 */
export function flushBudget(input: FlushBudgetInput): number {
  const { remainingMs, capMs, marginMs } = input;
  if (Number.isNaN(remainingMs) || Number.isNaN(capMs) || Number.isNaN(marginMs)) return 0;
  const budget = Math.min(capMs, remainingMs - Math.max(0, marginMs));
  // Infinity − Infinity is NaN: no budget rather than an unbounded one.
  return Number.isNaN(budget) ? 0 : Math.max(0, budget);
}
