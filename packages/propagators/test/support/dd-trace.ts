import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SRC = 'dd-trace/packages/dd-trace/src';

/** dd-trace's own span context (the fields the differential tests read and write). */
export interface DdSpanContext {
  toTraceId(get128bitId?: boolean): string;
  toSpanId(get128bitId?: boolean): string;
  _sampling: { priority?: number };
  _trace: { origin?: string; tags: Record<string, string> };
}

/** dd-trace's text-map propagator, the one `tracer.inject/extract(…, 'text_map', …)` runs. */
export interface DdTextMapPropagator {
  inject(spanContext: DdSpanContext, carrier: Record<string, string>): void;
  extract(carrier: Record<string, string>): DdSpanContext | null;
}

/**
 * Loads dd-trace's propagation code without starting a tracer, an agent exporter or telemetry:
 * its `Config` and `TextMapPropagator`, with the propagation style set as
 * `DD_TRACE_PROPAGATION_STYLE=<style>` would (dd-trace caches its environment per process, so
 * the style is set on the config rather than through the variable).
 */
export function loadDdTrace(style: 'datadog' | 'tracecontext'): {
  propagator: DdTextMapPropagator;
  spanContext: (fields: {
    traceIdHex: string;
    spanIdHex: string;
    priority: number | undefined;
    origin: string | undefined;
    tags: Record<string, string>;
  }) => DdSpanContext;
} {
  const Config = require(`${SRC}/config`);
  const TextMapPropagator = require(`${SRC}/opentracing/propagation/text_map`);
  const SpanContext = require(`${SRC}/opentracing/span_context`);
  const id = require(`${SRC}/id`);
  const config = new Config();
  config.tracePropagationStyle = { inject: [style], extract: [style] };
  const propagator = new TextMapPropagator(config) as DdTextMapPropagator;
  return {
    propagator,
    spanContext: ({ traceIdHex, spanIdHex, priority, origin, tags }) => {
      const high = traceIdHex.slice(0, 16);
      const traceTags: Record<string, string> = { ...tags };
      if (!/^0+$/.test(high)) traceTags['_dd.p.tid'] = high;
      return new SpanContext({
        traceId: id(traceIdHex.slice(16), 16),
        spanId: id(spanIdHex, 16),
        sampling: priority === undefined ? {} : { priority },
        trace: { started: [], finished: [], tags: traceTags, origin },
      }) as DdSpanContext;
    },
  };
}
