import {
  type EnvMap,
  type KitConfig,
  type KitConfigOptions,
  readConfig,
} from '@lambda-otel-kit/core';
import { createCompositePropagator } from '@lambda-otel-kit/propagators';
import { buildLambdaResource } from '@lambda-otel-kit/resource';
import {
  context,
  ProxyTracerProvider,
  propagation,
  type TextMapPropagator,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createOtlpExporter } from './exporter.js';
import { InvocationSpanProcessor } from './invocation-span-processor.js';
import { createSampler } from './sampler.js';

/** The tracer name (instrumentation scope) of the kit's spans. */
export const TRACER_NAME = '@lambda-otel-kit/lambda';

/** Options of {@link initTelemetry}: configuration overrides plus a few test and escape hatches. */
export interface TelemetryOptions extends KitConfigOptions {
  /** `service.version` on the resource. */
  serviceVersion?: string;
  /** Use this exporter instead of the OTLP one the configuration names. */
  exporter?: SpanExporter;
  /** Use this resource instead of the Lambda resource the kit builds. */
  resource?: Resource;
  /**
   * Register the provider, propagator and an AsyncLocalStorage context manager as the global
   * OpenTelemetry ones (default `true`), so `trace.getTracer()` in the user's code and in
   * instrumentation libraries reaches the kit's provider. Registration never replaces globals
   * another SDK set first; the kit then uses its own objects directly.
   */
  register?: boolean;
  /** The environment to read (default `process.env`). */
  env?: EnvMap;
}

/** The telemetry of one function: built once at init by {@link initTelemetry}. */
export interface Telemetry {
  /** The resolved configuration. */
  readonly config: KitConfig;
  /** False when `OTEL_SDK_DISABLED=true`: the tracer is then a no-op and nothing is exported. */
  readonly enabled: boolean;
  /** The kit's tracer. */
  readonly tracer: Tracer;
  /** The tracer provider (a no-op one when disabled). */
  readonly provider: TracerProvider;
  /** The propagator built from `OTEL_PROPAGATORS`. */
  readonly propagator: TextMapPropagator;
  /**
   * Exports every ended span and waits for exports in flight. Unbounded: the invocation wrapper
   * bounds it by the time left; call it yourself only outside an invocation. Never rejects.
   */
  forceFlush(): Promise<void>;
  /** Flushes, then closes the exporter. Never rejects. */
  shutdown(): Promise<void>;
}

let current: Telemetry | undefined;

function disabledTelemetry(config: KitConfig): Telemetry {
  const provider = new ProxyTracerProvider();
  return {
    config,
    enabled: false,
    provider,
    tracer: provider.getTracer(TRACER_NAME),
    propagator: createCompositePropagator(config.propagators),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}

function registerGlobals(provider: TracerProvider, propagator: TextMapPropagator): void {
  // Each setter refuses (with a diag message) when another SDK registered first; that is fine.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(propagator);
  trace.setGlobalTracerProvider(provider);
}

function enabledTelemetry(config: KitConfig, options: TelemetryOptions): Telemetry {
  const exporter = options.exporter ?? createOtlpExporter(config.otlp);
  const processor = new InvocationSpanProcessor(exporter, {
    maxExportBatchSize: config.bsp.maxExportBatchSize,
  });
  const resource =
    options.resource ??
    buildLambdaResource(config, options.env ?? process.env, {
      serviceVersion: options.serviceVersion,
    });
  const provider = new BasicTracerProvider({
    resource,
    sampler: createSampler(config.sampler),
    spanLimits: { ...config.spanLimits },
    spanProcessors: [processor],
  });
  const propagator = createCompositePropagator(config.propagators);
  if (options.register !== false) registerGlobals(provider, propagator);
  return {
    config,
    enabled: true,
    provider,
    tracer: provider.getTracer(TRACER_NAME),
    propagator,
    forceFlush: () => processor.forceFlush(),
    shutdown: () => processor.shutdown(),
  };
}

/**
 * Builds the function's telemetry once, at init: configuration (options > `OTEL_*` and kit
 * variables > defaults), the Lambda resource, the sampler, the OTLP exporter of the configured
 * protocol (only that protocol's module is loaded), a span processor that never drops a span
 * within an invocation, the propagator, and, unless `register: false`, the global provider,
 * propagator and AsyncLocalStorage context manager.
 *
 * Idempotent: later calls return the first call's telemetry (their options are ignored; call
 * {@link resetTelemetry} first to rebuild). With `OTEL_SDK_DISABLED=true` everything is a no-op.
 *
 * @param options - configuration overrides, see {@link TelemetryOptions}.
 * @returns the telemetry handle.
 * @example
 * ```ts
 * const telemetry = initTelemetry({ serviceName: 'orders' });
 * telemetry.tracer.startActiveSpan('work', (span) => span.end());
 * ```
 */
export function initTelemetry(options: TelemetryOptions = {}): Telemetry {
  if (current !== undefined) return current;
  const config = readConfig(options, options.env ?? process.env);
  current = config.sdkDisabled ? disabledTelemetry(config) : enabledTelemetry(config, options);
  return current;
}

/**
 * The telemetry {@link initTelemetry} built, if it ran.
 *
 * @example
 * ```ts
 * getTelemetry()?.tracer.startSpan('work').end();
 * ```
 */
export function getTelemetry(): Telemetry | undefined {
  return current;
}

/**
 * Forgets the current telemetry (after shutting it down) so the next {@link initTelemetry}
 * builds anew. For tests and for processes that host several configurations in turn; global
 * registrations are removed too.
 *
 * @example
 * ```ts
 * afterEach(() => resetTelemetry());
 * ```
 */
export async function resetTelemetry(): Promise<void> {
  const previous = current;
  current = undefined;
  if (previous === undefined) return;
  await previous.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}
