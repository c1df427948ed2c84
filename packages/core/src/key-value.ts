import type { ParsedHeaders } from './types.js';

/**
 * Parsers for the `k=v,k=v` variables: `OTEL_RESOURCE_ATTRIBUTES` and
 * `OTEL_EXPORTER_OTLP[_TRACES]_HEADERS` (opentelemetry-specification
 * `configuration/sdk-environment-variables.md`, `protocol/exporter.md`).
 */

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Characters Node accepts in a header value: tab, visible ASCII, space, Latin-1. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * True for a valid HTTP header name (an RFC 9110 token).
 *
 * @example
 * ```ts
 * isHeaderName('x-honeycomb-team'); // true
 * ```
 */
export function isHeaderName(name: string): boolean {
  return HEADER_NAME.test(name);
}

/**
 * True for a header value Node accepts (no CR, LF or other control characters).
 *
 * @example
 * ```ts
 * isHeaderValue('Bearer abc'); // true
 * ```
 */
export function isHeaderValue(value: string): boolean {
  return HEADER_VALUE.test(value);
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** Splits `k=v` at the first `=`, trims both parts and percent-decodes them. */
function splitPair(entry: string): { key: string; value: string } | undefined {
  const at = entry.indexOf('=');
  if (at <= 0) return undefined;
  const key = decode(entry.slice(0, at).trim());
  const value = decode(entry.slice(at + 1).trim());
  if (key === undefined || value === undefined || key.trim() === '') return undefined;
  return { key, value };
}

/**
 * Parses `OTEL_RESOURCE_ATTRIBUTES`: `key=value` pairs separated by `,`, both percent-decoded.
 * Empty entries are skipped. Per the spec, any decode error (bad `%` escape, an entry without
 * `=`, an empty key) discards the whole value.
 *
 * @param value - the raw variable value.
 * @returns the attributes, or `undefined` when the value must be discarded.
 * @example
 * ```ts
 * parseResourceAttributes('team=core,note=a%2Cb'); // { team: 'core', note: 'a,b' }
 * parseResourceAttributes('team=core,bad%zz=1'); // undefined
 * ```
 */
export function parseResourceAttributes(value: string): Record<string, string> | undefined {
  const attributes = new Map<string, string>();
  for (const entry of value.split(',')) {
    if (entry.trim() === '') continue;
    const pair = splitPair(entry);
    if (pair === undefined) return undefined;
    attributes.set(pair.key, pair.value);
  }
  return Object.fromEntries(attributes);
}

/**
 * Parses `OTEL_EXPORTER_OTLP_HEADERS`: entries split on `,`, key and value split on the first
 * `=`, trimmed, then percent-decoded (so `Bearer%20abc` gives `Bearer abc`). Names are
 * lower-cased. An entry is skipped (and counted) when it has no `=`, fails to decode, has a
 * name that is not an HTTP token, or a value Node would refuse in a header (CR, LF, …).
 *
 * @param value - the raw variable value.
 * @example
 * ```ts
 * parseOtlpHeaders('Authorization=Bearer%20abc,oops');
 * // { headers: { authorization: 'Bearer abc' }, invalidEntries: 1 }
 * ```
 */
export function parseOtlpHeaders(value: string): ParsedHeaders {
  const headers = new Map<string, string>();
  let invalidEntries = 0;
  for (const entry of value.split(',')) {
    if (entry.trim() === '') continue;
    const pair = splitPair(entry);
    if (pair === undefined || !isHeaderName(pair.key) || !isHeaderValue(pair.value)) {
      invalidEntries += 1;
      continue;
    }
    headers.set(pair.key.toLowerCase(), pair.value);
  }
  return { headers: Object.fromEntries(headers), invalidEntries };
}
