import { hex16ToDecimal } from '@lambda-otel-kit/propagators';
import type { DatadogCorrelation } from './types.js';

/**
 * Converts OpenTelemetry hex ids to the decimal ids Datadog's log correlation reads: the trace id
 * becomes the unsigned decimal of its low 64 bits (its last 16 hex digits), the span id the
 * unsigned decimal of all its 64 bits. Datadog: "Correlate OpenTelemetry Traces and Logs".
 *
 * @param traceId - 32 hex digits.
 * @param spanId - 16 hex digits.
 * @returns The decimal ids, or `undefined` when either id has the wrong shape.
 * @example
 * ```ts
 * datadogIds('0af7651916cd43dd8448eb211c80319c', '00f067aa0ba902b7');
 * // { trace_id: '9532127138774266268', span_id: '67667974448284343' }
 * ```
 */
export function datadogIds(traceId: string, spanId: string): DatadogCorrelation | undefined {
  if (traceId.length !== 32) return undefined;
  const trace = hex16ToDecimal(traceId.slice(16));
  const span = hex16ToDecimal(spanId);
  if (trace === undefined || span === undefined || !/^[0-9a-f]{16}$/i.test(traceId.slice(0, 16))) {
    return undefined;
  }
  return { trace_id: trace, span_id: span };
}
