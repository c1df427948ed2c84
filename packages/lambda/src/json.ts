/** A parsed JSON object: what Lambda events and their parts are read as. */
export type Json = Record<string, unknown>;

/**
 * True for a plain object (not `null`, not an array): the one check every event reader makes
 * before looking inside a field.
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isObject(event.requestContext) ? event.requestContext : {};
 * ```
 */
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
