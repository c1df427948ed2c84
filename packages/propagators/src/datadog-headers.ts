import { decimalToHex16, hex16ToDecimal } from './datadog-ids.js';
import { formatDatadogTags, parseDatadogTags, TRACE_ID_HIGH_TAG } from './datadog-tags.js';
import type { DatadogContext } from './types.js';

/** The Datadog header names, lowercase. */
export const DATADOG_HEADERS = {
  traceId: 'x-datadog-trace-id',
  parentId: 'x-datadog-parent-id',
  samplingPriority: 'x-datadog-sampling-priority',
  origin: 'x-datadog-origin',
  tags: 'x-datadog-tags',
} as const;

const PRIORITY = /^-?[0-9]{1,9}$/;
const ORIGIN = /^[\x20-\x7e]{1,256}$/;
const ZERO16 = '0000000000000000';

function trimmed(value: string | undefined): string | undefined {
  return value?.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Parses the Datadog headers.
 *
 * Trace and parent ids must be non-zero unsigned 64-bit decimals; the upper 64 bits of the trace
 * id come from a valid `_dd.p.tid` in `x-datadog-tags` (else zeros). A priority that is not an
 * integer and an origin that is not printable ASCII are left out; tags follow
 * {@link parseDatadogTags}.
 *
 * @param headers - Header values keyed by lowercase name ({@link DATADOG_HEADERS}).
 * @returns The context, or `undefined` when the ids are missing or invalid.
 * @see https://docs.datadoghq.com/tracing/trace_collection/trace_context_propagation/
 * @example
 * ```ts
 * parseDatadogHeaders({ 'x-datadog-trace-id': '123', 'x-datadog-parent-id': '456', 'x-datadog-sampling-priority': '2' });
 * // { traceId: '0000000000000000000000000000007b', spanId: '00000000000001c8', samplingPriority: 2, origin: undefined, tags: {} }
 * ```
 */
export function parseDatadogHeaders(
  headers: Readonly<Record<string, string | undefined>>,
): DatadogContext | undefined {
  const low = decimalToHex16(headers[DATADOG_HEADERS.traceId] ?? '');
  const spanId = decimalToHex16(headers[DATADOG_HEADERS.parentId] ?? '');
  if (low === undefined || spanId === undefined) return undefined;
  const tags = parseDatadogTags(headers[DATADOG_HEADERS.tags] ?? '') ?? {};
  const high = tags[TRACE_ID_HIGH_TAG] ?? ZERO16;
  delete tags[TRACE_ID_HIGH_TAG];
  const priority = trimmed(headers[DATADOG_HEADERS.samplingPriority]);
  const origin = headers[DATADOG_HEADERS.origin];
  return {
    traceId: high + low,
    spanId,
    samplingPriority:
      priority !== undefined && PRIORITY.test(priority) ? Number(priority) : undefined,
    origin: origin !== undefined && ORIGIN.test(origin) ? origin : undefined,
    tags,
  };
}

/**
 * Formats a Datadog context as headers: decimal ids (low 64 bits of the trace id), `_dd.p.tid`
 * when the upper 64 bits are not zero, priority, origin and tags (512 characters at most).
 *
 * @param context - The context; ids are lowercase hex.
 * @returns The headers, or `undefined` when the low 64 bits of the trace id or the span id are
 *   zero (Datadog cannot carry them).
 * @example
 * ```ts
 * formatDatadogHeaders({ traceId: '640cfd8d00000000000000000000007b', spanId: '00000000000001c8', samplingPriority: 1, origin: undefined, tags: {} });
 * // { 'x-datadog-trace-id': '123', 'x-datadog-parent-id': '456', 'x-datadog-sampling-priority': '1', 'x-datadog-tags': '_dd.p.tid=640cfd8d00000000' }
 * ```
 */
export function formatDatadogHeaders(context: DatadogContext): Record<string, string> | undefined {
  const high = context.traceId.slice(0, 16).toLowerCase();
  const low = context.traceId.slice(16);
  if (low === ZERO16 || context.spanId === ZERO16) return undefined;
  const traceId = hex16ToDecimal(low);
  const parentId = hex16ToDecimal(context.spanId);
  if (traceId === undefined || parentId === undefined) return undefined;
  const headers: Record<string, string> = {
    [DATADOG_HEADERS.traceId]: traceId,
    [DATADOG_HEADERS.parentId]: parentId,
  };
  if (context.samplingPriority !== undefined) {
    headers[DATADOG_HEADERS.samplingPriority] = String(context.samplingPriority);
  }
  if (context.origin && ORIGIN.test(context.origin))
    headers[DATADOG_HEADERS.origin] = context.origin;
  const tags: Record<string, string> = { ...context.tags };
  delete tags[TRACE_ID_HIGH_TAG];
  if (high !== ZERO16) tags[TRACE_ID_HIGH_TAG] = high;
  const header = formatDatadogTags(tags);
  if (header) headers[DATADOG_HEADERS.tags] = header;
  return headers;
}
