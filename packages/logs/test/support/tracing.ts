import { context, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Installs the AsyncLocalStorage context manager; returns the teardown. */
export function installAsyncContext(): () => void {
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  return () => {
    manager.disable();
    context.disable();
  };
}

export interface Tracing {
  /** Samples every span (`trace_flags` 01). */
  sampled: Tracer;
  /** Samples none (`trace_flags` 00, non-recording spans with valid ids). */
  unsampled: Tracer;
  finished(): ReadableSpan[];
  shutdown(): Promise<void>;
}

/** Two real SDK providers, one sampling everything and one nothing. */
export function realTracing(): Tracing {
  const exporter = new InMemorySpanExporter();
  const on = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const off = new BasicTracerProvider({ sampler: new AlwaysOffSampler() });
  return {
    sampled: on.getTracer('logs-test'),
    unsampled: off.getTracer('logs-test'),
    finished: () => exporter.getFinishedSpans(),
    shutdown: async () => {
      await on.shutdown();
      await off.shutdown();
    },
  };
}

/** Runs `fn` with a new active span and ends the span afterwards. */
export function inSpan<T>(tracer: Tracer, fn: (span: Span) => T, name = 'work'): T {
  return tracer.startActiveSpan(name, (span) => {
    try {
      return fn(span);
    } finally {
      span.end();
    }
  });
}
