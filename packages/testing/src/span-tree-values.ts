import { isDeepStrictEqual } from 'node:util';

type Asymmetric = { asymmetricMatch(actual: unknown): boolean; toAsymmetricMatcher?(): string };

const isAsymmetric = (value: unknown): value is Asymmetric =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Asymmetric).asymmetricMatch === 'function';

/**
 * Whether an actual value satisfies an expected one (see `ValueMatcher`).
 *
 * @param expected - literal, RegExp, predicate, asymmetric matcher, or undefined (absent).
 * @param actual - the span's value.
 * @returns true on a match.
 * @example
 * ```ts
 * matchValue(/^sqs/, 'sqs.process'); // true
 * matchValue(3, 3n); // true
 * ```
 */
export function matchValue(expected: unknown, actual: unknown): boolean {
  if (expected === undefined) return actual === undefined;
  if (isAsymmetric(expected)) return expected.asymmetricMatch(actual);
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (typeof expected === 'function') return Boolean(expected(actual));
  const numeric = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';
  if (numeric(expected) && numeric(actual)) {
    // biome-ignore lint/suspicious/noDoubleEquals: number and bigint compare by value on purpose
    return expected == actual;
  }
  return isDeepStrictEqual(expected, actual);
}

/**
 * A short, unambiguous rendering of a value for messages and tree text.
 *
 * @param value - any attribute or matcher value.
 * @returns e.g. `"pubsub"`, `3`, `true`, `/^sqs/`, `<bytes 0a1b>`, `(absent)`.
 * @example
 * ```ts
 * formatValue(['a', 1]); // '["a", 1]'
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof RegExp) return String(value);
  if (value instanceof Uint8Array) return `<bytes ${Buffer.from(value).toString('hex')}>`;
  if (typeof value === 'function') return `<${value.name || 'predicate'}>`;
  if (isAsymmetric(value)) return value.toAsymmetricMatcher?.() ?? String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}
