/**
 * @packageDocumentation
 * initTelemetry() and instrumentHandler(): the lambda.invoke span for every trigger, OTLP
 * export chosen by configuration, flushed before the sandbox freezes.
 */
export { type LambdaArn, parseLambdaArn, resolvedResourceId } from './arn.js';
export { type ColdStartOptions, createColdStartTracker } from './cold-start.js';
export { createOtlpExporter } from './exporter.js';
export { headerValue, httpRequestAttributes, httpResponseStatus } from './http-attributes.js';
export {
  InvocationSpanProcessor,
  type InvocationSpanProcessorOptions,
} from './invocation-span-processor.js';
export { createSampler } from './sampler.js';
export { detectTrigger, type FaasTrigger, type Trigger, type TriggerKind } from './trigger.js';
