// The example's bundle, built as its `npm run build` does, run by the real aws-lambda-ric through
// the Runtime API emulator and exporting to the OTLP receiver: what the container image does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  apiGatewayV2Event,
  type LambdaRuntime,
  type OtlpReceiver,
  type ReceivedSpan,
  startLambdaRuntime,
  startOtlpReceiver,
  upstreamContext,
} from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const caller = upstreamContext({ seed: 'http-api-example' });

const orderRequest = (id: string) =>
  apiGatewayV2Event({
    method: 'GET',
    path: `/orders/${id}`,
    routeKey: 'GET /orders/{id}',
    pathParameters: { id },
    upstream: { kind: 'w3c', ...caller },
  });

const spanOf = (spans: readonly ReceivedSpan[], name: string, traceRequestId: string) => {
  const invoke = spans.find(
    (s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === traceRequestId,
  );
  return name === 'lambda.invoke'
    ? invoke
    : spans.find((s) => s.name === name && s.parentSpanId === invoke?.spanId);
};

describe('handler', () => {
  let taskRoot: string;
  let receiver: OtlpReceiver;
  let runtime: LambdaRuntime;
  beforeAll(async () => {
    taskRoot = mkdtempSync(join(tmpdir(), 'http-api-example-'));
    await build({
      entryPoints: [join(exampleDir, 'src/handler.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: join(taskRoot, 'index.js'),
      logLevel: 'silent',
    });
    receiver = await startOtlpReceiver();
    runtime = await startLambdaRuntime({
      handler: 'index.handler',
      taskRoot,
      functionName: 'http-api',
      timeoutMs: 5000,
      env: { OTEL_SERVICE_NAME: 'http-api', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
    await receiver?.close();
    rmSync(taskRoot, { recursive: true, force: true });
  });

  it('answers a request in one trace that continues the caller’s', async () => {
    // Arrange
    const event = orderRequest('o-7');

    // Act
    const result = await runtime.invoke<{ statusCode: number; body: string }>(event);
    const spans = await receiver.waitForSpans(
      (all) => spanOf(all, 'load order', result.requestId) !== undefined,
    );

    // Assert
    expect(result.response?.statusCode).toBe(200);
    expect(JSON.parse(result.response?.body ?? '')).toEqual({ id: 'o-7', status: 'open' });
    const invoke = spanOf(spans, 'lambda.invoke', result.requestId)!;
    expect(invoke).toMatchObject({
      traceId: caller.traceId,
      parentSpanId: caller.spanId,
      kind: SpanKind.SERVER,
    });
    expect(invoke.attributes).toMatchObject({
      'faas.trigger': 'http',
      'http.request.method': 'GET',
      'http.route': '/orders/{id}',
      'http.response.status_code': 200,
    });
    expect(invoke.resource['service.name']).toBe('http-api');
    const load = spanOf(spans, 'load order', result.requestId)!;
    expect(load).toMatchObject({ traceId: caller.traceId, kind: SpanKind.INTERNAL });
    expect(load.attributes['order.id']).toBe('o-7');
  });

  it('keeps a 404 out of the error status, and marks the span that failed', async () => {
    // Arrange
    const event = orderRequest('missing-1');

    // Act
    const result = await runtime.invoke<{ statusCode: number }>(event);
    const spans = await receiver.waitForSpans(
      (all) => spanOf(all, 'load order', result.requestId) !== undefined,
    );

    // Assert
    expect(result.response?.statusCode).toBe(404);
    const invoke = spanOf(spans, 'lambda.invoke', result.requestId)!;
    expect(invoke.attributes['http.response.status_code']).toBe(404);
    expect(invoke.status.code).toBe(SpanStatusCode.UNSET);
    expect(spanOf(spans, 'load order', result.requestId)!.status.code).toBe(SpanStatusCode.ERROR);
  });
});
