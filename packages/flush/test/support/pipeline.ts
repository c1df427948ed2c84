import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

/** The two OTLP transports the kit supports. */
export type Protocol = 'http/protobuf' | 'grpc';

/** A real tracer pipeline: provider → BatchSpanProcessor → OTLP exporter. */
export interface Pipeline {
  readonly provider: BasicTracerProvider;
  readonly processor: BatchSpanProcessor;
  readonly tracer: Tracer;
  /** Starts and ends one span with this name, so a flush has something to export. */
  endSpan(name: string): void;
  /** Shuts the pipeline down without waiting on a backend that may never answer. */
  discard(): void;
}

/**
 * Builds a pipeline exporting to `baseUrl` with the exporter's default 10 s timeout (longer than
 * any flush budget in these tests), and a schedule so long that only a flush exports.
 */
export function createPipeline(protocol: Protocol, baseUrl: string): Pipeline {
  const exporter: SpanExporter =
    protocol === 'grpc'
      ? new GrpcTraceExporter({ url: baseUrl, timeoutMillis: 10_000 })
      : new ProtoTraceExporter({ url: `${baseUrl}/v1/traces`, timeoutMillis: 10_000 });
  const processor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 600_000 });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  const tracer = provider.getTracer('flush-test');
  return {
    provider,
    processor,
    tracer,
    endSpan: (name) => tracer.startSpan(name).end(),
    discard: () => {
      void exporter.shutdown().catch(() => undefined);
    },
  };
}
