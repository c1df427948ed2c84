import { type Context, context, isSpanContextValid, type Span, trace } from '@opentelemetry/api';
import { datadogIds } from './datadog-ids.js';
import type { CorrelationFields, CorrelationOptions } from './types.js';

function isSpan(source: Span | Context): source is Span {
  return typeof (source as Partial<Span>).spanContext === 'function';
}

function spanOf(source: Span | Context | undefined): Span | undefined {
  if (source === undefined) return trace.getSpan(context.active());
  return isSpan(source) ? source : trace.getSpan(source);
}

/**
 * The correlation fields of a span: `trace_id`, `span_id`, `trace_flags` (OpenTelemetry hex),
 * plus `dd: { trace_id, span_id }` (Datadog decimal) when asked. Pure: reads no configuration,
 * writes nothing. Spec: opentelemetry-specification `compatibility/logging_trace_context.md`.
 *
 * @param source - A span, or a context to take the span from. Default: the active context.
 * @param options - `datadog: true` adds the Datadog ids.
 * @returns The fields, or `{}` when there is no span or its context is invalid.
 * @example
 * ```ts
 * tracer.startActiveSpan('work', (span) => {
 *   correlationFields(); // { trace_id: '…32 hex…', span_id: '…16 hex…', trace_flags: '01' }
 *   span.end();
 * });
 * ```
 */
export function correlationFields(
  source?: Span | Context,
  options: CorrelationOptions = {},
): CorrelationFields {
  const spanContext = spanOf(source)?.spanContext();
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return {};
  const fields: CorrelationFields = {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0'),
  };
  if (options.datadog === true) {
    const dd = datadogIds(spanContext.traceId, spanContext.spanId);
    if (dd !== undefined) fields.dd = dd;
  }
  return fields;
}
