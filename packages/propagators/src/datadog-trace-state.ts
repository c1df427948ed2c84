import { isValidDatadogTag, TRACE_ID_HIGH_TAG } from './datadog-tags.js';
import { isValidTracestateValue } from './trace-state.js';

/** The tracestate key Datadog owns. */
export const DATADOG_TRACESTATE_KEY = 'dd';

/** What the `dd` tracestate member carries for the kit. */
export interface DatadogTraceStateFields {
  samplingPriority: number | undefined;
  origin: string | undefined;
  /** `_dd.p.*` propagation tags (never `_dd.p.tid`: the trace id carries it). */
  tags: Record<string, string>;
}

// Characters a value inside the `dd` member cannot hold (`,` `;` `~` and non-printables) become `_`;
// `=` travels as `~`.
const VALUE_FILTER = /[^\x20-\x2b\x2d-\x3a\x3c-\x7d]/g;
const KEY_FILTER = /[^\x21-\x2b\x2d-\x39\x3c\x3e-\x7e]/g;
const PRIORITY = /^-?[0-9]{1,9}$/;

function encodeValue(value: string): string {
  return value.replace(VALUE_FILTER, '_').replaceAll('=', '~');
}

/**
 * Encodes sampling priority, origin and propagation tags as the value of the `dd` tracestate
 * member (`s:2;o:rum;t.dm:-4`), the way dd-trace writes it. Tags that would make the value
 * longer than 256 characters are left out.
 *
 * @param fields - What to encode.
 * @returns The member value, or `undefined` when there is nothing to carry.
 * @see https://docs.datadoghq.com/tracing/trace_collection/trace_context_propagation/
 * @example
 * ```ts
 * encodeDatadogTraceState({ samplingPriority: 2, origin: 'rum', tags: { '_dd.p.dm': '-4' } });
 * // 's:2;o:rum;t.dm:-4'
 * ```
 */
export function encodeDatadogTraceState(fields: DatadogTraceStateFields): string | undefined {
  const parts: string[] = [];
  if (fields.samplingPriority !== undefined) parts.push(`s:${fields.samplingPriority}`);
  if (fields.origin) parts.push(`o:${encodeValue(fields.origin)}`);
  let value = parts.join(';');
  for (const [key, tagValue] of Object.entries(fields.tags)) {
    if (key === TRACE_ID_HIGH_TAG || !key.startsWith('_dd.p.') || !tagValue) continue;
    const part = `t.${key.slice(6).replace(KEY_FILTER, '_')}:${encodeValue(tagValue)}`;
    const next = value ? `${value};${part}` : part;
    if (isValidTracestateValue(next)) value = next;
  }
  return value && isValidTracestateValue(value) ? value : undefined;
}

/**
 * Decodes the value of a `dd` tracestate member. Unknown or malformed parts are ignored,
 * `p` (the last Datadog parent) and `t.tid` are not kept: the kit's span context carries both ids.
 *
 * @param value - The member value, e.g. `s:2;o:rum;t.dm:-4`.
 * @example
 * ```ts
 * decodeDatadogTraceState('s:-1;o:synthetics~x;t.usr.id:42');
 * // { samplingPriority: -1, origin: 'synthetics=x', tags: { '_dd.p.usr.id': '42' } }
 * ```
 */
export function decodeDatadogTraceState(value: string): DatadogTraceStateFields {
  const fields: DatadogTraceStateFields = {
    samplingPriority: undefined,
    origin: undefined,
    tags: {},
  };
  for (const part of value.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const key = part.slice(0, colon);
    const partValue = part.slice(colon + 1).replaceAll('~', '=');
    if (key === 's' && PRIORITY.test(partValue)) {
      fields.samplingPriority = Number(partValue);
    } else if (key === 'o' && partValue) {
      fields.origin = partValue;
    } else if (key.startsWith('t.') && key !== 't.tid') {
      const tagKey = `_dd.p.${key.slice(2)}`;
      if (isValidDatadogTag(tagKey, partValue)) fields.tags[tagKey] = partValue;
    }
  }
  return fields;
}
