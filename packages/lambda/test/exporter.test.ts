import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { OtlpConfig, OtlpProtocol } from '@lambda-otel-kit/core';
import { type OtlpReceiver, startOtlpReceiver } from '@lambda-otel-kit/testing';
import { SpanKind } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOtlpExporter } from '../src/exporter.js';

const SECRET = 'secret-api-key-value';
const modulesFixture = fileURLToPath(new URL('./fixtures/exporter-modules.mjs', import.meta.url));

/** Ends one span through a provider that hands it straight to `exporter`. */
async function exportOneSpan(exporter: SpanExporter, name: string): Promise<void> {
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.getTracer('exporter-test').startSpan(name, { kind: SpanKind.CLIENT }).end();
  await provider.forceFlush();
  await exporter.shutdown();
}

describe('createOtlpExporter', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterEach(() => receiver.clear());
  afterAll(() => receiver.close());

  const config = (protocol: OtlpProtocol, extra: Partial<OtlpConfig> = {}): OtlpConfig => ({
    protocol,
    url: (protocol === 'grpc' ? receiver.grpcUrl : receiver.tracesUrl) ?? '',
    headers: { 'x-api-key': SECRET, 'x-tenant': 'orders' },
    timeoutMs: 5_000,
    compression: 'none',
    ...extra,
  });

  it.each(['grpc', 'http/protobuf', 'http/json'] as const)(
    'sends spans over %s with the configured headers',
    async (protocol) => {
      const exporter = await createOtlpExporter(config(protocol));

      await exportOneSpan(exporter, `over ${protocol}`);

      const [span] = await receiver.waitForSpans(1);
      expect(span).toMatchObject({ name: `over ${protocol}`, kind: SpanKind.CLIENT, protocol });
      expect(receiver.requests).toHaveLength(1);
      expect(receiver.requests[0]?.headers).toMatchObject({
        'x-api-key': SECRET,
        'x-tenant': 'orders',
      });
    },
  );

  it.each(['http/protobuf', 'http/json'] as const)(
    'compresses %s requests with gzip when asked',
    async (protocol) => {
      const exporter = await createOtlpExporter(config(protocol, { compression: 'gzip' }));

      await exportOneSpan(exporter, 'compressed');

      await receiver.waitForSpans(1);
      expect(receiver.requests[0]?.headers['content-encoding']).toBe('gzip');
    },
  );

  // gRPC carries its encoding outside the metadata the receiver reports: delivery is what shows.
  it('still delivers over gRPC with gzip compression asked for', async () => {
    const exporter = await createOtlpExporter(config('grpc', { compression: 'gzip' }));

    await exportOneSpan(exporter, 'compressed');

    const [span] = await receiver.waitForSpans(1);
    expect(span?.name).toBe('compressed');
    expect(receiver.requests[0]?.headers['x-api-key']).toBe(SECRET);
  });

  it('sends to exactly the URL it is given, so a wrong path is refused', async () => {
    const exporter = await createOtlpExporter(
      config('http/protobuf', { url: `${receiver.httpUrl}/v1/elsewhere` }),
    );

    const result = await new Promise<number>((resolve) => {
      const provider = new BasicTracerProvider();
      const span = provider.getTracer('exporter-test').startSpan('lost');
      span.end();
      exporter.export([span as never], (outcome) => resolve(outcome.code));
    });
    await exporter.shutdown();

    expect(result).not.toBe(0);
    expect(receiver.spans).toHaveLength(0);
  });

  // Fresh processes with the built package, as a function loads it at init; run side by side.
  it('loads only the exporter module of the protocol asked for', async () => {
    const protocols = ['grpc', 'http/protobuf', 'http/json'] as const;

    const outputs = await Promise.all(
      protocols.map((protocol) =>
        promisify(execFile)(process.execPath, [modulesFixture, protocol]),
      ),
    );

    expect(outputs.map(({ stdout }) => JSON.parse(stdout))).toEqual([
      ['exporter-trace-otlp-grpc', 'grpc-js'],
      ['exporter-trace-otlp-proto'],
      ['exporter-trace-otlp-http'],
    ]);
  });
});
