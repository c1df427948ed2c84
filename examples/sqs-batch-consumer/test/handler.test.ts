// The example's bundle, built as its `npm run build` does, run by the real aws-lambda-ric through
// the Runtime API emulator on the sample batch, exporting to the OTLP receiver: what the container
// image does with a batch from SQS.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LambdaRuntime,
  type OtlpReceiver,
  startLambdaRuntime,
  startOtlpReceiver,
} from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const batch = JSON.parse(
  readFileSync(join(exampleDir, 'events/sample-batch.json'), 'utf8'),
) as SQSEvent;
const idOf = (order: string) =>
  batch.Records.find(
    (r) =>
      r.body.includes(`"orderId":"${order}"`) || r.body.includes(`\\"orderId\\":\\"${order}\\"`),
  )?.messageId;

describe('sqs-batch-consumer handler', () => {
  let taskRoot: string;
  let receiver: OtlpReceiver;
  let runtime: LambdaRuntime;
  beforeAll(async () => {
    taskRoot = mkdtempSync(join(tmpdir(), 'sqs-batch-consumer-example-'));
    // The same options as `npm run build` (http/protobuf bundle).
    await build({
      entryPoints: [join(exampleDir, 'src/handler.ts')],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      external: [
        '@opentelemetry/exporter-trace-otlp-grpc',
        '@grpc/grpc-js',
        '@opentelemetry/exporter-trace-otlp-http',
      ],
      outfile: join(taskRoot, 'index.js'),
      logLevel: 'silent',
    });
    receiver = await startOtlpReceiver();
    runtime = await startLambdaRuntime({
      handler: 'index.handler',
      taskRoot,
      functionName: 'orders-consumer',
      timeoutMs: 5000,
      env: {
        OTEL_SERVICE_NAME: 'orders-consumer',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
      },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
    await receiver?.close();
    rmSync(taskRoot, { recursive: true, force: true });
  });

  it('keeps each record on its upstream trace, links them all, and reports the bad order', async () => {
    // Act
    const result = await runtime.invoke<SQSBatchResponse>(batch);
    // invoke and batch, one process span per record, one save span per record that succeeds
    const expected = 2 + batch.Records.length + (batch.Records.length - 1);
    const spans = await receiver.waitForSpans(expected);

    // Assert
    expect(result.response).toEqual({ batchItemFailures: [{ itemIdentifier: idOf('o-6') }] });
    const invoke = spans.find((s) => s.name === 'lambda.invoke');
    const batchSpan = spans.find((s) => s.name === 'sqs.batch');
    const processes = spans.filter((s) => s.name === 'sqs.process');
    expect(invoke).toMatchObject({
      kind: SpanKind.SERVER,
      attributes: { 'faas.trigger': 'pubsub' },
    });
    expect(batchSpan).toMatchObject({ kind: SpanKind.CONSUMER, parentSpanId: invoke?.spanId });
    expect(processes).toHaveLength(batch.Records.length);
    const sources = Object.fromEntries(
      processes.map((s) => [
        s.attributes['messaging.message.id'],
        s.attributes['lambda_otel.context.source'],
      ]),
    );
    expect(sources).toEqual({
      [idOf('o-1') ?? '']: 'message-attributes',
      [idOf('o-2') ?? '']: 'datadog',
      [idOf('o-3') ?? '']: 'aws-trace-header',
      [idOf('o-4') ?? '']: 'sns',
      [idOf('o-5') ?? '']: 'eventbridge',
      [idOf('o-6') ?? '']: 'message-attributes',
      [idOf('o-7') ?? '']: expect.anything(),
    });
    // Six records continue six different upstream traces; the one without a context hangs
    // under lambda.invoke.
    const upstreamTraces = new Set(
      processes.map((s) => s.traceId).filter((t) => t !== invoke?.traceId),
    );
    expect(upstreamTraces.size).toBe(6);
    expect(
      processes.find((s) => s.attributes['messaging.message.id'] === idOf('o-7'))?.parentSpanId,
    ).toBe(invoke?.spanId);
    // The batch span links every record's span.
    expect(new Set(batchSpan?.links.map((l) => l.spanId))).toEqual(
      new Set(processes.map((s) => s.spanId)),
    );
    // The failed record: ERROR status with the exception, its own save span never started.
    const failed = processes.find((s) => s.attributes['messaging.message.id'] === idOf('o-6'));
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed?.events.map((e) => e.attributes['exception.type'])).toEqual(['RangeError']);
    expect(spans.filter((s) => s.name === 'save order')).toHaveLength(batch.Records.length - 1);
  });
});
