import { warnOnce } from './diag.js';
import type { EnvMap } from './types.js';

/** The largest delay `setTimeout` honours; larger values fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Reads variables with the SDK's blank-means-unset rule. */
export interface EnvReader {
  /** The trimmed value, or `undefined` when the variable is unset, empty or only whitespace. */
  get(name: string): string | undefined;
}

/**
 * Wraps an environment map; every read of a variable goes through here.
 *
 * @param env - usually `process.env`.
 * @example
 * ```ts
 * createEnvReader({ OTEL_SERVICE_NAME: '  ' }).get('OTEL_SERVICE_NAME'); // undefined
 * ```
 */
export function createEnvReader(env: EnvMap): EnvReader {
  return {
    get(name) {
      const raw = env[name];
      if (typeof raw !== 'string') return undefined;
      const trimmed = raw.trim();
      return trimmed === '' ? undefined : trimmed;
    },
  };
}

/**
 * Parses a whole decimal number within `[min, max]`: digits only, no sign, point or exponent.
 *
 * @example
 * ```ts
 * parseInteger('512', 1, 2048); // 512
 * parseInteger('-1', 0, 10); // undefined
 * ```
 */
export function parseInteger(value: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Parses a sampling ratio: a decimal number from 0 to 1.
 *
 * @example
 * ```ts
 * parseRatio('0.25'); // 0.25
 * parseRatio('1.5'); // undefined
 * ```
 */
export function parseRatio(value: string): number | undefined {
  if (!/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 0 && n <= 1 ? n : undefined;
}

/**
 * Matches a value, case-insensitively, against a list of allowed lower-case names.
 *
 * @example
 * ```ts
 * parseEnum('GZIP', ['gzip', 'none'] as const); // 'gzip'
 * ```
 */
export function parseEnum<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const lower = value.toLowerCase();
  return allowed.find((name) => name === lower);
}

/**
 * Splits a comma-separated list into trimmed, lower-case, non-empty names.
 *
 * @example
 * ```ts
 * parseList(' tracecontext, ,Baggage '); // ['tracecontext', 'baggage']
 * ```
 */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
}

/** True for names worth echoing in a warning (short, plain); anything else is not echoed. */
export function isPlainName(value: string): boolean {
  return /^[a-z0-9_-]{1,32}$/i.test(value);
}

/** Warns once that `name` holds an invalid value, without echoing the value. */
export function warnInvalid(name: string, expected: string): void {
  warnOnce(`${name}:invalid`, `${name} is not ${expected}; the value is ignored`);
}

/** Reads a whole number in `[min, max]`; invalid → warn once, `undefined`. */
export function readInteger(
  env: EnvReader,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = env.get(name);
  if (raw === undefined) return undefined;
  const n = parseInteger(raw, min, max);
  if (n === undefined) warnInvalid(name, `a whole number from ${min} to ${max}`);
  return n;
}

/** Reads one of `allowed` (case-insensitive); invalid → warn once, `undefined`. */
export function readEnum<T extends string>(
  env: EnvReader,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = env.get(name);
  if (raw === undefined) return undefined;
  const value = parseEnum(raw, allowed);
  if (value === undefined) warnInvalid(name, `one of ${allowed.join(', ')}`);
  return value;
}
