import type { KitConfig } from '@lambda-otel-kit/core';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * Creates the OTLP trace exporter the configuration names, loading only that protocol's module:
 * `grpc` (`@opentelemetry/exporter-trace-otlp-grpc` with `@grpc/grpc-js`), `http/protobuf`
 * (`@opentelemetry/exporter-trace-otlp-proto`, the lighter one) or `http/json`.
 *
 * Endpoint, headers, timeout and compression come from the resolved configuration, so the
 * exporters' own reading of `OTEL_*` variables never disagrees with the kit's.
 *
 * @param otlp - `readConfig().otlp`.
 * @returns a promise of the exporter (the module loads asynchronously).
 * @see https://opentelemetry.io/docs/specs/otel/protocol/exporter/
 * @example
 * ```ts
 * const exporter = await createOtlpExporter(readConfig().otlp);
 * ```
 */
export async function createOtlpExporter(otlp: KitConfig['otlp']): Promise<SpanExporter> {
  const common = {
    url: otlp.url,
    timeoutMillis: otlp.timeoutMs,
    compression: otlp.compression as never,
  };
  switch (otlp.protocol) {
    case 'grpc': {
      const [{ OTLPTraceExporter }, { Metadata }] = await Promise.all([
        import('@opentelemetry/exporter-trace-otlp-grpc'),
        import('@grpc/grpc-js'),
      ]);
      const metadata = new Metadata();
      for (const [key, value] of Object.entries(otlp.headers)) metadata.set(key, value);
      return new OTLPTraceExporter({ ...common, metadata });
    }
    case 'http/json': {
      const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
      return new OTLPTraceExporter({ ...common, headers: { ...otlp.headers } });
    }
    default: {
      const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
      return new OTLPTraceExporter({ ...common, headers: { ...otlp.headers } });
    }
  }
}
