/**
 * @packageDocumentation
 * initTelemetry() and instrumentHandler(): the lambda.invoke span for every trigger, OTLP
 * export chosen by configuration, flushed before the sandbox freezes.
 */
export { type LambdaArn, parseLambdaArn, resolvedResourceId } from './arn.js';
export { type AnyHandler, callHandler } from './call-handler.js';
export { type ColdStartOptions, createColdStartTracker } from './cold-start.js';
export { createOtlpExporter } from './exporter.js';
export { headerValue, httpRequestAttributes, httpResponseStatus } from './http-attributes.js';
export {
  type InstrumentedHandler,
  type InstrumentHandlerOptions,
  instrumentHandler,
} from './instrument-handler.js';
export {
  endAsTimedOut,
  type InvocationSpan,
  recordOutcome,
  startInvocationSpan,
} from './invocation-span.js';
export {
  InvocationSpanProcessor,
  type InvocationSpanProcessorOptions,
} from './invocation-span-processor.js';
export { createSampler } from './sampler.js';
export {
  getTelemetry,
  initTelemetry,
  resetTelemetry,
  type Telemetry,
  type TelemetryOptions,
  TRACER_NAME,
} from './telemetry.js';
export { detectTrigger, type FaasTrigger, type Trigger, type TriggerKind } from './trigger.js';
export { redactQuery, SENSITIVE_QUERY_KEYS, urlQueryOf } from './url-query.js';
