import {
  type Context,
  isSpanContextValid,
  type SpanContext,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { isSamplingDeferred, markSamplingDeferred } from './context-hints.js';
import { DATADOG_HEADERS, formatDatadogHeaders, parseDatadogHeaders } from './datadog-headers.js';
import {
  DATADOG_TRACESTATE_KEY,
  decodeDatadogTraceState,
  encodeDatadogTraceState,
} from './datadog-trace-state.js';
import { firstValue } from './header-value.js';
import { KitTraceState } from './trace-state.js';
import type { DatadogContext } from './types.js';

/**
 * Turns parsed Datadog headers into a remote span context: sampled when the priority is 1 or 2,
 * and the priority, origin and tags kept in the `dd` tracestate member so that a later injection
 * (Datadog or W3C) gives them back unchanged.
 *
 * @param datadog - Parsed headers.
 * @example
 * ```ts
 * datadogToSpanContext(parseDatadogHeaders(headers)!).traceState?.get('dd'); // 's:2;o:rum'
 * ```
 */
export function datadogToSpanContext(datadog: DatadogContext): SpanContext {
  const member = encodeDatadogTraceState(datadog);
  return {
    traceId: datadog.traceId,
    spanId: datadog.spanId,
    traceFlags: (datadog.samplingPriority ?? 0) > 0 ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
    traceState: member ? new KitTraceState([[DATADOG_TRACESTATE_KEY, member]]) : undefined,
  };
}

/**
 * Turns a span context into what Datadog headers carry. The priority is the sampled flag (1/0),
 * replaced by the `dd` tracestate member's `s:` when its sign agrees (so -1 and 2 survive a
 * round trip); `deferred` leaves the priority out so the next service decides.
 *
 * @param spanContext - A valid span context.
 * @param deferred - The upstream left the sampling decision open and nothing decided since.
 * @example
 * ```ts
 * spanContextToDatadog(trace.getSpanContext(ctx)!).samplingPriority; // 2
 * ```
 */
export function spanContextToDatadog(spanContext: SpanContext, deferred = false): DatadogContext {
  const member = spanContext.traceState?.get(DATADOG_TRACESTATE_KEY);
  const fields = member
    ? decodeDatadogTraceState(member)
    : { samplingPriority: undefined, origin: undefined, tags: {} };
  const sampled = (spanContext.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
  const stated = fields.samplingPriority;
  const agrees = stated !== undefined && (sampled ? stated > 0 : stated <= 0);
  return {
    traceId: spanContext.traceId.toLowerCase(),
    spanId: spanContext.spanId.toLowerCase(),
    samplingPriority: deferred ? undefined : agrees ? stated : sampled ? 1 : 0,
    origin: fields.origin,
    tags: fields.tags,
  };
}

/**
 * Datadog `x-datadog-*` headers, 128-bit aware through `_dd.p.tid`.
 *
 * Extraction: see {@link parseDatadogHeaders} and {@link datadogToSpanContext}; headers without a
 * sampling priority give an unsampled context marked as deferred ({@link isSamplingDeferred}).
 * Injection: see {@link spanContextToDatadog} and {@link formatDatadogHeaders}; a trace id whose
 * low 64 bits are zero cannot be carried and is not injected.
 *
 * @see https://docs.datadoghq.com/tracing/trace_collection/trace_context_propagation/
 * @example
 * ```ts
 * const ctx = new DatadogPropagator().extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
 * ```
 */
export class DatadogPropagator implements TextMapPropagator {
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const spanContext = trace.getSpanContext(context);
    if (!spanContext || !isSpanContextValid(spanContext) || isTracingSuppressed(context)) return;
    const headers = formatDatadogHeaders(
      spanContextToDatadog(spanContext, isSamplingDeferred(context)),
    );
    if (!headers) return;
    for (const [name, value] of Object.entries(headers)) setter.set(carrier, name, value);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const headers: Record<string, string | undefined> = {};
    for (const name of Object.values(DATADOG_HEADERS)) {
      headers[name] = firstValue(getter.get(carrier, name));
    }
    const datadog = parseDatadogHeaders(headers);
    if (!datadog) return context;
    const extracted = trace.setSpanContext(context, datadogToSpanContext(datadog));
    return datadog.samplingPriority === undefined
      ? markSamplingDeferred(extracted, datadog.traceId)
      : extracted;
  }

  fields(): string[] {
    return Object.values(DATADOG_HEADERS);
  }
}
