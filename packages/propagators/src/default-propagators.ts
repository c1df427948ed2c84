import type { TextMapPropagator } from '@opentelemetry/api';
import { KitCompositePropagator } from './composite-propagator.js';
import { XRayPropagator } from './xray-propagator.js';

let traceContextAndBaggage: TextMapPropagator | undefined;
let datadogJson: TextMapPropagator | undefined;
let xray: TextMapPropagator | undefined;

/** @internal W3C trace-context + baggage: the default for message attributes and envelopes (built on first use). */
export function defaultMessagePropagator(): TextMapPropagator {
  traceContextAndBaggage ??= new KitCompositePropagator(['tracecontext', 'baggage']);
  return traceContextAndBaggage;
}

/** @internal Reads a `_datadog` text map: Datadog headers, and dd-trace's W3C headers beside them (W3C wins). */
export function datadogJsonPropagator(): TextMapPropagator {
  datadogJson ??= new KitCompositePropagator(['datadog', 'tracecontext', 'baggage']);
  return datadogJson;
}

/** @internal Reads `AWSTraceHeader`. */
export function xrayPropagator(): TextMapPropagator {
  xray ??= new XRayPropagator();
  return xray;
}
