import {
  GetQueueUrlCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { type SqsEndpoint, startSqsEndpoint } from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqsTracingMiddleware } from '../src/sdk-middleware.js';
import { type InMemoryTracing, inMemoryTracing, installAsyncContext } from './support/tracing.js';

let uninstall: () => void;
let fake: SqsEndpoint;
let tracing: InMemoryTracing;
beforeAll(async () => {
  uninstall = installAsyncContext();
  fake = await startSqsEndpoint();
});
afterAll(async () => {
  uninstall();
  await fake.close();
});
afterEach(async () => {
  fake.clear();
  fake.setFault('none');
  await tracing.shutdown();
});

function client(): SQSClient {
  tracing = inMemoryTracing();
  const sqs = new SQSClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  sqs.middlewareStack.use(sqsTracingMiddleware({ tracer: tracing.tracer }));
  return sqs;
}

const QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';
const attrs = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: `v${i}` }]),
  );

describe('sqsTracingMiddleware', () => {
  it('injects the send span into SendMessage on the wire and records the message id', async () => {
    const sqs = client();

    const output = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));

    const [span] = tracing.spans();
    expect(span!.name).toBe('send orders');
    expect(span!.kind).toBe(SpanKind.PRODUCER);
    expect(span!.attributes).toMatchObject({
      'messaging.system': 'aws_sqs',
      'messaging.destination.name': 'orders',
      'messaging.operation.type': 'send',
      'messaging.message.id': output.MessageId,
      'lambda_otel.sqs.injection': 'complete',
    });
    const wire = fake.messages[0]!;
    expect(wire.action).toBe('SendMessage');
    const { traceId, spanId } = span!.spanContext();
    expect(wire.messageAttributes).toEqual({
      traceparent: { DataType: 'String', StringValue: `00-${traceId}-${spanId}-01` },
    });
  });

  it('fills a message that has 9 attributes up to 10, never more', async () => {
    const sqs = client();

    await sqs.send(
      new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: attrs(9) }),
    );

    const sent = fake.messages[0]!.messageAttributes;
    expect(Object.keys(sent)).toHaveLength(10);
    expect(sent.traceparent).toBeDefined();
  });

  it('carries the context in AWSTraceHeader when a message already has 10 attributes', async () => {
    const sqs = client();

    await sqs.send(
      new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: attrs(10) }),
    );

    const wire = fake.messages[0]!;
    expect(Object.keys(wire.messageAttributes)).toHaveLength(10);
    const system = wire.messageSystemAttributes;
    const { traceId, spanId } = tracing.spans()[0]!.spanContext();
    expect(system.AWSTraceHeader!.StringValue).toBe(
      `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)};Parent=${spanId};Sampled=1`,
    );
    expect(tracing.spans()[0]!.attributes['lambda_otel.sqs.injection']).toBe('aws-trace-header');
  });

  it('gives each SendMessageBatch entry its own create span and context, and marks failed entries', async () => {
    const sqs = client();
    fake.setFault({ kind: 'fail-entries', ids: ['b'] });

    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: ['a', 'b', 'c'].map((Id) => ({ Id, MessageBody: Id })),
      }),
    );

    const send = tracing.spans().find((s) => s.name === 'send orders')!;
    const creates = tracing.spans().filter((s) => s.name === 'create orders');
    expect(send.attributes).toMatchObject({
      'messaging.batch.message_count': 3,
      'lambda_otel.batch.failed_count': 1,
    });
    expect(creates).toHaveLength(3);
    expect(creates.every((c) => c.parentSpanContext?.spanId === send.spanContext().spanId)).toBe(
      true,
    );
    const entries = fake.requests[0]!.body.Entries as Array<{
      MessageAttributes: { traceparent: { StringValue: string } };
    }>;
    expect(entries.map((e) => e.MessageAttributes.traceparent.StringValue.split('-')[2])).toEqual(
      creates.map((c) => c.spanContext().spanId),
    );
    expect(fake.messages.map((m) => m.entryId)).toEqual(['a', 'c']);
    expect(creates[1]!.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'InternalError: failed (injected)',
    });
    expect(creates[0]!.attributes['messaging.message.id']).toEqual(expect.any(String));
  });

  it('records a failed request on the send span and rethrows', async () => {
    tracing = inMemoryTracing();
    const unreachable = new SQSClient({
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    unreachable.middlewareStack.use(sqsTracingMiddleware({ tracer: tracing.tracer }));

    const sent = unreachable.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));

    await expect(sent).rejects.toThrow();
    const [span] = tracing.spans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('lets other commands pass untouched', async () => {
    const sqs = client();

    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'orders' }))).rejects.toThrow();

    expect(tracing.spans()).toEqual([]);
    expect(fake.requests[0]!.action).toBe('GetQueueUrl');
  });
});
