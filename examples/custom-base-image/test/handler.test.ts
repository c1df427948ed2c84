// The example's bundle, built as its `npm run build` does, run by the aws-lambda-ric this example
// depends on (the image's entrypoint) through the Runtime API emulator, exporting to the OTLP
// receiver: what the container image does.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  eventBridgeEvent,
  type LambdaRuntime,
  type OtlpReceiver,
  type ReceivedSpan,
  startLambdaRuntime,
  startOtlpReceiver,
  upstreamContext,
} from '@lambda-otel-kit/testing';
import { SpanKind } from '@opentelemetry/api';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const ricDir = dirname(createRequire(join(exampleDir, 'package.json')).resolve('aws-lambda-ric'));
const producer = upstreamContext({ seed: 'custom-base-image-example' });

const invokeSpan = (spans: readonly ReceivedSpan[], requestId: string) =>
  spans.find((s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === requestId);

describe('handler', () => {
  let taskRoot: string;
  let receiver: OtlpReceiver;
  let runtime: LambdaRuntime;
  beforeAll(async () => {
    taskRoot = mkdtempSync(join(tmpdir(), 'custom-base-image-example-'));
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
      runtimeClientPath: join(ricDir, 'index.mjs'),
      functionName: 'order-events',
      timeoutMs: 5000,
      env: { OTEL_SERVICE_NAME: 'order-events', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
    await receiver?.close();
    rmSync(taskRoot, { recursive: true, force: true });
  });

  it('handles an EventBridge event in the producer’s trace', async () => {
    // Arrange
    const event = eventBridgeEvent({
      detailType: 'OrderPlaced',
      detail: {
        orderId: 'o-9',
        items: [
          { sku: 'tea-42', quantity: 2 },
          { sku: 'cup', quantity: 1 },
        ],
      },
      upstream: { kind: 'w3c', ...producer },
    });

    // Act
    const result = await runtime.invoke(event);
    const spans = await receiver.waitForSpans((all) =>
      all.some((s) => s.name === 'reserve stock' && s.attributes['order.id'] === 'o-9'),
    );

    // Assert
    expect(result.response).toEqual({ orderId: 'o-9', reserved: 3 });
    const invoke = invokeSpan(spans, result.requestId)!;
    expect(invoke).toMatchObject({
      traceId: producer.traceId,
      parentSpanId: producer.spanId,
      kind: SpanKind.SERVER,
    });
    expect(invoke.attributes).toMatchObject({
      'faas.trigger': 'pubsub',
      'lambda_otel.context.source': 'eventbridge',
      'faas.coldstart': true,
    });
    const reserve = spans.find((s) => s.name === 'reserve stock')!;
    expect(reserve.parentSpanId).toBe(invoke.spanId);
    expect(reserve.attributes['order.units']).toBe(3);
  });
});
