/**
 * Reads a carrier value that must occur once: a string, or an array holding exactly one string.
 * An array of several values (a repeated header) yields `undefined`.
 *
 * @param value - What a `TextMapGetter` returned.
 * @example
 * ```ts
 * singleValue(['00-…-01']); // '00-…-01'
 * singleValue(['a', 'b']); // undefined
 * ```
 * @internal
 */
export function singleValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  return undefined;
}

/**
 * Reads a carrier value that may be repeated: strings are kept, arrays are joined with `,`
 * as RFC 9110 combines repeated list headers; anything else yields `undefined`.
 *
 * @param value - What a `TextMapGetter` returned.
 * @example
 * ```ts
 * listValue(['a=1', 'b=2']); // 'a=1,b=2'
 * ```
 * @internal
 */
export function listValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return undefined;
  const parts = value.filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(',') : undefined;
}

/**
 * Reads a carrier value where the first occurrence counts (formats without a duplicate rule).
 *
 * @param value - What a `TextMapGetter` returned.
 * @example
 * ```ts
 * firstValue(['1', '2']); // '1'
 * ```
 * @internal
 */
export function firstValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
