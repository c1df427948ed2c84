import {
  defaultTextMapGetter,
  ROOT_CONTEXT,
  type SpanContext,
  type TextMapPropagator,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AWSXRayPropagator } from '@opentelemetry/propagator-aws-xray';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';

/**
 * Reads a header map back with one of OpenTelemetry's own propagators, so the factories'
 * encodings are checked by real parsers rather than by a second copy of the same logic.
 */
function extractWith(
  propagator: TextMapPropagator,
  carrier: Record<string, string>,
): SpanContext | undefined {
  const context = propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
  return trace.getSpanContext(context);
}

/** The context OTel's W3C trace-context propagator reads from `traceparent`/`tracestate`. */
export const extractW3c = (carrier: Record<string, string>) =>
  extractWith(new W3CTraceContextPropagator(), carrier);

/** The context OTel's AWS X-Ray propagator reads from an `X-Amzn-Trace-Id` value. */
export const extractXray = (header: string) =>
  extractWith(new AWSXRayPropagator(), { 'x-amzn-trace-id': header });

/** The context OTel's B3 propagator reads (single or multi header). */
export const extractB3 = (carrier: Record<string, string>) =>
  extractWith(new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER }), carrier);

/** A fixed upstream context: the W3C specification's example ids. */
export const UP = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  sampled: true,
} as const;

/** Datadog's decimal forms of {@link UP}'s ids (low 64 bits), as its documentation shows them. */
export const UP_DATADOG = {
  traceId: '9532127138774266268',
  parentId: '13235353014750950193',
  tid: '0af7651916cd43dd',
} as const;

/** Parses a JSON `_datadog` carrier, from a string or base64 bytes. */
export function datadogCarrier(value: {
  string?: string;
  base64?: string;
}): Record<string, string> {
  const text = value.string ?? Buffer.from(value.base64 ?? '', 'base64').toString('utf8');
  return JSON.parse(text) as Record<string, string>;
}

/** {@link UP}'s ids alone, to match a `SpanContext` against. */
export const UP_IDS = { traceId: UP.traceId, spanId: UP.spanId } as const;
