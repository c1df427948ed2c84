/** The default limit of `x-datadog-tags`, in characters (dd-trace's `DD_TRACE_X_DATADOG_TAGS_MAX_LENGTH`). */
export const DATADOG_TAGS_MAX_LENGTH = 512;
/** The propagation tag holding the upper 64 bits of a 128-bit trace id. */
export const TRACE_ID_HIGH_TAG = '_dd.p.tid';

const TAG_KEY = /^_dd\.p\.[\x21-\x2b\x2d-\x7e]+$/;
const TAG_VALUE = /^[\x20-\x2b\x2d-\x7e]*$/;
const HEX16 = /^[0-9a-f]{16}$/i;

/**
 * Whether `key=value` is a valid Datadog propagation tag.
 *
 * @param key - Must start with `_dd.p.`, printable ASCII without spaces or commas.
 * @param value - Printable ASCII without commas.
 * @example
 * ```ts
 * isValidDatadogTag('_dd.p.dm', '-4'); // true
 * ```
 */
export function isValidDatadogTag(key: string, value: string): boolean {
  return TAG_KEY.test(key) && TAG_VALUE.test(value) && !key.slice(6).includes('=');
}

/**
 * Parses `x-datadog-tags` (comma-separated `_dd.p.*=value`).
 *
 * As in dd-trace: a header longer than 512 characters, or with any invalid tag, is skipped whole;
 * an invalid `_dd.p.tid` (not 16 hex digits) is dropped alone. `_dd.p.tid` is lowercased.
 *
 * @param value - The header value.
 * @returns The tags in header order, or `undefined` when the header is skipped.
 * @example
 * ```ts
 * parseDatadogTags('_dd.p.tid=640cfd8d00000000,_dd.p.dm=-4');
 * // { '_dd.p.tid': '640cfd8d00000000', '_dd.p.dm': '-4' }
 * ```
 */
export function parseDatadogTags(value: string): Record<string, string> | undefined {
  if (value === '' || value.length > DATADOG_TAGS_MAX_LENGTH) return undefined;
  const tags: Record<string, string> = {};
  for (const entry of value.split(',')) {
    const equals = entry.indexOf('=');
    const key = equals === -1 ? entry : entry.slice(0, equals);
    const tagValue = equals === -1 ? '' : entry.slice(equals + 1);
    if (!isValidDatadogTag(key, tagValue)) return undefined;
    if (key === TRACE_ID_HIGH_TAG) {
      if (HEX16.test(tagValue)) tags[key] = tagValue.toLowerCase();
    } else {
      tags[key] = tagValue;
    }
  }
  return tags;
}

/**
 * Formats propagation tags as `x-datadog-tags`, `_dd.p.tid` first.
 *
 * Invalid and empty tags are left out. Unlike dd-trace (which then drops the whole header), tags
 * that would push the header past `maxLength` are left out one by one, so `_dd.p.tid` — and with
 * it the 128-bit trace id — always survives.
 *
 * @param tags - `_dd.p.*` keys and values.
 * @param maxLength - Header limit, default 512.
 * @returns The header value, or `undefined` when no tag remains.
 * @example
 * ```ts
 * formatDatadogTags({ '_dd.p.dm': '-4', '_dd.p.tid': '640cfd8d00000000' });
 * // '_dd.p.tid=640cfd8d00000000,_dd.p.dm=-4'
 * ```
 */
export function formatDatadogTags(
  tags: Readonly<Record<string, string>>,
  maxLength = DATADOG_TAGS_MAX_LENGTH,
): string | undefined {
  const keys = Object.keys(tags).sort((a, b) =>
    a === TRACE_ID_HIGH_TAG ? -1 : b === TRACE_ID_HIGH_TAG ? 1 : 0,
  );
  let header = '';
  for (const key of keys) {
    const value = tags[key];
    if (!value || !isValidDatadogTag(key, value)) continue;
    const entry = `${header ? ',' : ''}${key}=${value}`;
    if (header.length + entry.length > maxLength) continue;
    header += entry;
  }
  return header || undefined;
}
