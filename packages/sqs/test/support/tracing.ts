import { context, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Installs the AsyncLocalStorage context manager for the duration of a test file. */
export function installAsyncContext(): () => void {
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  return () => {
    manager.disable();
    context.disable();
  };
}

export interface InMemoryTracing {
  tracer: Tracer;
  spans(): ReadableSpan[];
  byName(name: string): ReadableSpan[];
  shutdown(): Promise<void>;
}

/** A real SDK provider exporting into memory. */
export function inMemoryTracing(options: { linkCountLimit?: number } = {}): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    spanLimits: { linkCountLimit: options.linkCountLimit ?? 128 },
  });
  const tracer = provider.getTracer('sqs-test');
  return {
    tracer,
    spans: () => exporter.getFinishedSpans(),
    byName: (name) => exporter.getFinishedSpans().filter((span) => span.name === name),
    shutdown: () => provider.shutdown(),
  };
}

export interface OtlpTracing {
  tracer: Tracer;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** A real SDK provider exporting over OTLP http/protobuf to `url`, with a queue sized for `queueSize` spans. */
export function otlpTracing(
  url: string,
  options: { linkCountLimit?: number; queueSize?: number } = {},
): OtlpTracing {
  const queueSize = options.queueSize ?? 2048;
  const provider = new BasicTracerProvider({
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url }), {
        maxQueueSize: queueSize,
        maxExportBatchSize: Math.min(queueSize, 2000),
        scheduledDelayMillis: 60_000,
      }),
    ],
    spanLimits: { linkCountLimit: options.linkCountLimit ?? 128 },
  });
  return {
    tracer: provider.getTracer('sqs-test'),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
