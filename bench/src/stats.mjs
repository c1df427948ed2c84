// Small statistics helpers for the benchmark.

/**
 * The q-quantile of numbers (nearest rank).
 *
 * @param {number[]} values
 * @param {number} q between 0 and 1
 */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** @param {number[]} values */
export const median = (values) => quantile(values, 0.5);

/**
 * A ratio rounded for printing.
 *
 * @param {number} value
 * @param {number} baseline
 */
export const ratio = (value, baseline) => Math.round((value / baseline) * 100) / 100;
