// The producer's bundle and the sqs-batch-consumer example's bundle, each built as its
// `npm run build` does, each run by the real aws-lambda-ric through the Runtime API emulator,
// exporting to one OTLP receiver; the producer's AWS SDK sends to the SQS endpoint stand-in, and
// what arrived there is handed to the consumer as the SQS event Lambda would deliver. One
// caller's trace is followed from the HTTP request through the queue into each consumer record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  apiGatewayV2Event,
  type LambdaRuntime,
  type OtlpReceiver,
  type ReceivedSpan,
  type SqsEndpoint,
  sqsEventFromMessages,
  startLambdaRuntime,
  startOtlpReceiver,
  startSqsEndpoint,
  upstreamContext,
} from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { SQSBatchResponse } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const examplesDir = fileURLToPath(new URL('../..', import.meta.url));

/** The options of both examples' `npm run build` (http/protobuf bundle). */
const bundle = (example: string, outdir: string) =>
  build({
    entryPoints: [join(examplesDir, example, 'src/handler.ts')],
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
    outfile: join(outdir, 'index.js'),
    logLevel: 'silent',
  });

interface HttpResult {
  statusCode: number;
  body: string;
}

const postOrders = (body: string | object, seed: string) => {
  const caller = upstreamContext({ seed });
  const event = apiGatewayV2Event({
    method: 'POST',
    path: '/orders',
    routeKey: 'POST /orders',
    headers: { 'content-type': 'application/json' },
    body,
    upstream: { kind: 'w3c', ...caller },
  });
  return { caller, event };
};

const invokeSpan = (spans: readonly ReceivedSpan[], requestId: string) =>
  spans.find((s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === requestId);
const childrenOf = (spans: readonly ReceivedSpan[], parent: ReceivedSpan | undefined) =>
  spans.filter((s) => parent !== undefined && s.parentSpanId === parent.spanId);
const traceparentOf = (spanOrIds: { traceId: string; spanId: string }) =>
  `00-${spanOrIds.traceId}-${spanOrIds.spanId}-01`;

describe('sqs-producer handler', () => {
  const taskRoots: string[] = [];
  let receiver: OtlpReceiver;
  let sqs: SqsEndpoint;
  let producer: LambdaRuntime;
  let consumer: LambdaRuntime;
  beforeAll(async () => {
    const [producerRoot, consumerRoot] = ['sqs-producer', 'sqs-batch-consumer'].map((name) =>
      mkdtempSync(join(tmpdir(), `${name}-example-`)),
    ) as [string, string];
    taskRoots.push(producerRoot, consumerRoot);
    await Promise.all([
      bundle('sqs-producer', producerRoot),
      bundle('sqs-batch-consumer', consumerRoot),
    ]);
    [receiver, sqs] = await Promise.all([startOtlpReceiver(), startSqsEndpoint()]);
    const otlp = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl };
    [producer, consumer] = await Promise.all([
      startLambdaRuntime({
        handler: 'index.handler',
        taskRoot: producerRoot,
        functionName: 'orders-api',
        timeoutMs: 5000,
        env: {
          ...otlp,
          OTEL_SERVICE_NAME: 'orders-api',
          // What a deployment sets, pointed at the stand-in: no code knows it is local.
          QUEUE_URL: sqs.queueUrl('orders'),
          AWS_ENDPOINT_URL_SQS: sqs.url,
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'not-a-secret',
        },
      }),
      startLambdaRuntime({
        handler: 'index.handler',
        taskRoot: consumerRoot,
        functionName: 'orders-consumer',
        timeoutMs: 5000,
        env: { ...otlp, OTEL_SERVICE_NAME: 'orders-consumer' },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([producer?.stop(), consumer?.stop()]);
    await Promise.all([receiver?.close(), sqs?.close()]);
    for (const dir of taskRoots) rmSync(dir, { recursive: true, force: true });
  });

  it('continues the caller’s trace through the queue into the consumer’s record', async () => {
    // Arrange
    sqs.clear();
    const { caller, event } = postOrders({ orderId: 'o-1', quantity: 2 }, 'one-order');

    // Act
    const posted = await producer.invoke<HttpResult>(event);
    const delivered = await consumer.invoke<SQSBatchResponse>(sqsEventFromMessages(sqs.messages));
    const spans = await receiver.waitForSpans((all) =>
      all.some((s) => s.name === 'save order' && s.traceId === caller.traceId),
    );

    // Assert: the request continues the caller's trace and answers the message id.
    expect(posted.response?.statusCode).toBe(202);
    const [message] = sqs.messages;
    expect(JSON.parse(posted.response?.body ?? '')).toEqual({ messageIds: [message?.messageId] });
    const invoke = invokeSpan(spans, posted.requestId);
    expect(invoke).toMatchObject({
      traceId: caller.traceId,
      parentSpanId: caller.spanId,
      kind: SpanKind.SERVER,
      attributes: { 'http.route': '/orders', 'http.response.status_code': 202 },
    });
    // One SendMessage under it: a `send orders` PRODUCER span whose context is on the wire.
    const [send] = childrenOf(spans, invoke);
    expect(send).toMatchObject({
      name: 'send orders',
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'aws_sqs',
        'messaging.destination.name': 'orders',
        'messaging.message.id': message?.messageId,
        'lambda_otel.sqs.injection': 'complete',
      },
    });
    expect(message?.body).toBe('{"orderId":"o-1","quantity":2}');
    expect(message?.messageAttributes.traceparent?.StringValue).toBe(traceparentOf(send!));
    // The consumer's record span continues it: same trace, the send span as parent.
    expect(delivered.response).toEqual({ batchItemFailures: [] });
    const process = spans.find(
      (s) =>
        s.name === 'sqs.process' && s.attributes['messaging.message.id'] === message?.messageId,
    );
    expect(process).toMatchObject({
      traceId: caller.traceId,
      parentSpanId: send?.spanId,
      kind: SpanKind.CONSUMER,
      attributes: { 'lambda_otel.context.source': 'message-attributes' },
    });
    expect(process?.resource['service.name']).toBe('orders-consumer');
    expect(childrenOf(spans, process).map((s) => s.name)).toEqual(['save order']);
  });

  it('sends many orders in batches of ten, each message continuing its own create span', async () => {
    // Arrange
    sqs.clear();
    const orders = Array.from({ length: 12 }, (_, i) => ({ orderId: `b-${i}`, quantity: i + 1 }));
    const { caller, event } = postOrders(orders, 'many-orders');

    // Act
    const posted = await producer.invoke<HttpResult>(event);
    const delivered = await consumer.invoke<SQSBatchResponse>(sqsEventFromMessages(sqs.messages));
    const spans = await receiver.waitForSpans(
      (all) =>
        all.filter((s) => s.name === 'save order' && s.traceId === caller.traceId).length === 12,
    );

    // Assert: two SendMessageBatch calls (10 + 2), every message id answered.
    expect(posted.response?.statusCode).toBe(202);
    expect(JSON.parse(posted.response?.body ?? '').messageIds).toEqual(
      sqs.messages.map((m) => m.messageId),
    );
    expect(sqs.requests.map((r) => (r.body.Entries as unknown[]).length).sort()).toEqual([10, 2]);
    const invoke = invokeSpan(spans, posted.requestId);
    expect(invoke).toMatchObject({ traceId: caller.traceId, parentSpanId: caller.spanId });
    const sends = childrenOf(spans, invoke);
    expect(
      sends.map((s) => [s.name, s.attributes['messaging.batch.message_count']]).sort(),
    ).toEqual([
      ['send orders', 10],
      ['send orders', 2],
    ]);
    const creates = sends.flatMap((send) => childrenOf(spans, send));
    expect(creates).toHaveLength(12);
    expect(creates.every((c) => c.name === 'create orders' && c.kind === SpanKind.PRODUCER)).toBe(
      true,
    );
    // Each message carries its own create span; each consumer record continues exactly that one.
    expect(delivered.response).toEqual({ batchItemFailures: [] });
    for (const message of sqs.messages) {
      const create = creates.find(
        (c) => c.attributes['messaging.message.id'] === message.messageId,
      );
      const process = spans.find(
        (s) =>
          s.name === 'sqs.process' && s.attributes['messaging.message.id'] === message.messageId,
      );
      expect(message.messageAttributes.traceparent?.StringValue).toBe(traceparentOf(create!));
      expect(process).toMatchObject({ traceId: caller.traceId, parentSpanId: create?.spanId });
    }
  });

  it('answers 400 to a body that is not JSON, sends nothing, and still traces the request', async () => {
    // Arrange
    sqs.clear();
    const { caller, event } = postOrders('{"orderId": "o-1"', 'bad-json');

    // Act
    const posted = await producer.invoke<HttpResult>(event);
    const spans = await receiver.waitForSpans(
      (all) => invokeSpan(all, posted.requestId) !== undefined,
    );

    // Assert
    expect(posted.response?.statusCode).toBe(400);
    expect(JSON.parse(posted.response?.body ?? '')).toEqual({
      error: 'the body is not valid JSON',
    });
    expect(sqs.requests).toEqual([]);
    const invoke = invokeSpan(spans, posted.requestId);
    expect(invoke).toMatchObject({
      traceId: caller.traceId,
      parentSpanId: caller.spanId,
      status: { code: SpanStatusCode.UNSET },
      attributes: { 'http.response.status_code': 400 },
    });
    expect(childrenOf(spans, invoke)).toEqual([]);
  });

  it('answers 502 when the queue refuses, with the error on the send span and the request', async () => {
    // Arrange
    sqs.clear();
    sqs.setFault({ kind: 'error', status: 400, code: 'QueueDoesNotExist' });
    const { caller, event } = postOrders({ orderId: 'o-9', quantity: 1 }, 'queue-missing');

    // Act
    const posted = await producer.invoke<HttpResult>(event).finally(() => sqs.setFault('none'));
    const spans = await receiver.waitForSpans((all) => {
      const invoke = invokeSpan(all, posted.requestId);
      return invoke !== undefined && childrenOf(all, invoke).length > 0;
    });

    // Assert
    expect(posted.response?.statusCode).toBe(502);
    expect(sqs.messages).toEqual([]);
    const invoke = invokeSpan(spans, posted.requestId);
    expect(invoke).toMatchObject({
      traceId: caller.traceId,
      status: { code: SpanStatusCode.ERROR },
      attributes: { 'http.response.status_code': 502, 'error.type': '502' },
    });
    expect(invoke?.events.map((e) => [e.name, e.attributes['exception.type']])).toEqual([
      ['exception', 'QueueDoesNotExist'],
    ]);
    const [send] = childrenOf(spans, invoke);
    expect(send).toMatchObject({
      name: 'send orders',
      status: { code: SpanStatusCode.ERROR },
      attributes: { 'error.type': 'QueueDoesNotExist' },
    });
  });
});
