import { type SpanContext, TraceFlags } from '@opentelemetry/api';
import { singleValue } from './header-value.js';

/** Bit 1 of the W3C trace flags (Trace Context Level 2): the trace id is random. */
export const RANDOM_TRACE_ID_FLAG = 0x02;
/** The flag bits the kit knows and re-emits; unknown bits are cleared on output. */
const KNOWN_FLAGS = TraceFlags.SAMPLED | RANDOM_TRACE_ID_FLAG;

const HEX2 = /^[0-9a-f]{2}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const ZERO16 = '0000000000000000';
const ZERO32 = '00000000000000000000000000000000';
const VERSION_00_LENGTH = 55;

function isOws(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** Trims the optional white space (spaces and tabs only) HTTP allows around a header value. */
function trimOws(value: string): string {
  // Nearly every header has no padding: skip the regex then (this runs once per SQS record).
  if (!isOws(value[0]) && !isOws(value[value.length - 1])) return value;
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Parses a W3C `traceparent` header strictly, as the Trace Context processing model says.
 *
 * Rejects: uppercase hex, all-zero ids, version `ff`, version `00` with anything after the flags,
 * a repeated header (an array of several values, or Node's comma-joined `"a, b"`), a future
 * version shorter than 55 characters or whose flags are not followed by the end or `-`.
 * Accepts surrounding spaces and tabs. Keeps the sampled and random-trace-id flag bits only.
 *
 * @param value - The header as a getter returned it (string, array or anything else).
 * @returns A remote span context without trace state, or `undefined` when invalid.
 * @see https://www.w3.org/TR/trace-context-2/#traceparent-header
 * @example
 * ```ts
 * parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03');
 * // { traceId: '4bf9…4736', spanId: '00f067aa0ba902b7', traceFlags: 3, isRemote: true }
 * ```
 */
export function parseTraceparent(value: unknown): SpanContext | undefined {
  const raw = singleValue(value);
  if (raw === undefined) return undefined;
  const header = trimOws(raw);
  const version = header.slice(0, 2);
  if (!HEX2.test(version) || version === 'ff') return undefined;
  if (version === '00' ? header.length !== VERSION_00_LENGTH : header.length < VERSION_00_LENGTH) {
    return undefined;
  }
  if (header.length > VERSION_00_LENGTH && header[VERSION_00_LENGTH] !== '-') return undefined;
  if (header[2] !== '-' || header[35] !== '-' || header[52] !== '-') return undefined;
  const traceId = header.slice(3, 35);
  const spanId = header.slice(36, 52);
  const flags = header.slice(53, 55);
  if (!HEX32.test(traceId) || traceId === ZERO32) return undefined;
  if (!HEX16.test(spanId) || spanId === ZERO16) return undefined;
  if (!HEX2.test(flags)) return undefined;
  return { traceId, spanId, traceFlags: Number.parseInt(flags, 16) & KNOWN_FLAGS, isRemote: true };
}

/**
 * Formats a span context as a version `00` `traceparent`, keeping only the known flag bits.
 *
 * @param spanContext - A valid span context.
 * @param randomTraceId - Set the random trace-id flag even when `traceFlags` lacks it (the SDK
 *   keeps only the sampled bit on child spans; the kit remembers the bit per trace).
 * @see https://www.w3.org/TR/trace-context-2/#trace-flags
 * @example
 * ```ts
 * formatTraceparent({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 }, true);
 * // '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03'
 * ```
 */
export function formatTraceparent(
  spanContext: Pick<SpanContext, 'traceId' | 'spanId' | 'traceFlags'>,
  randomTraceId = false,
): string {
  const flags = (spanContext.traceFlags & KNOWN_FLAGS) | (randomTraceId ? RANDOM_TRACE_ID_FLAG : 0);
  const ids = `${spanContext.traceId}-${spanContext.spanId}`.toLowerCase();
  return `00-${ids}-0${flags.toString(16)}`;
}
