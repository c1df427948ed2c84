import {
  type Context,
  isSpanContextValid,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  trace,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { hasRandomTraceIdFlag, markRandomTraceId } from './context-hints.js';
import { parseTracestate } from './trace-state.js';
import { formatTraceparent, parseTraceparent, RANDOM_TRACE_ID_FLAG } from './traceparent.js';

/** The W3C trace-context header names. */
export const TRACEPARENT_HEADER = 'traceparent';
/** The W3C trace-context header names. */
export const TRACESTATE_HEADER = 'tracestate';

/**
 * W3C Trace Context propagator that follows the specification where `@opentelemetry/core`'s
 * is lenient: repeated `traceparent` → no context; strict `tracestate` validation (32 members,
 * Level 2 key grammar, no duplicate keys, whole header discarded when invalid); future versions
 * parsed at fixed offsets and re-emitted as `00`; the random trace-id flag kept on outgoing
 * headers of the same trace, even from child spans whose flags only carry the sampled bit.
 *
 * @see https://www.w3.org/TR/trace-context-2/#processing-model
 * @example
 * ```ts
 * propagation.setGlobalPropagator(new TraceContextPropagator());
 * ```
 */
export class TraceContextPropagator implements TextMapPropagator {
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const spanContext = trace.getSpanContext(context);
    if (!spanContext || !isSpanContextValid(spanContext) || isTracingSuppressed(context)) return;
    const random = hasRandomTraceIdFlag(context, spanContext.traceId);
    setter.set(carrier, TRACEPARENT_HEADER, formatTraceparent(spanContext, random));
    const state = spanContext.traceState?.serialize();
    if (state) setter.set(carrier, TRACESTATE_HEADER, state);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const spanContext = parseTraceparent(getter.get(carrier, TRACEPARENT_HEADER));
    if (!spanContext) return context;
    const traceState = parseTracestate(getter.get(carrier, TRACESTATE_HEADER));
    if (traceState) spanContext.traceState = traceState;
    const extracted = trace.setSpanContext(context, spanContext);
    return spanContext.traceFlags & RANDOM_TRACE_ID_FLAG
      ? markRandomTraceId(extracted, spanContext.traceId)
      : extracted;
  }

  fields(): string[] {
    return [TRACEPARENT_HEADER, TRACESTATE_HEADER];
  }
}
