import { ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { getFreePort } from '../src/otlp-free-port.js';

describe('getFreePort', () => {
  it('returns a loopback port that refuses connections', async () => {
    const port = await getFreePort();

    const refused = await fetch(`http://127.0.0.1:${port}/v1/traces`, { method: 'POST' }).then(
      () => false,
      (error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code,
    );

    expect(port).toBeGreaterThan(1023);
    expect(refused).toBe('ECONNREFUSED');
  });

  it('plays a receiver that is down for a real exporter', async () => {
    const port = await getFreePort();
    const exporter = new OTLPTraceExporter({
      url: `http://127.0.0.1:${port}/v1/traces`,
      timeoutMillis: 1000,
    });
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
    provider.getTracer('probe').startSpan('down.probe').end();
    const started = performance.now();

    const result = await new Promise<{ code: ExportResultCode }>((resolve) =>
      exporter.export(memory.getFinishedSpans(), resolve),
    );
    await exporter.shutdown();

    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
