import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  type OtlpReceiver,
  type SqsEndpoint,
  sqsEventFromMessages,
  startOtlpReceiver,
  startSqsEndpoint,
} from '@lambda-otel-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processSqsBatch } from '../src/process-batch.js';
import { sqsTracingMiddleware } from '../src/sdk-middleware.js';
import { lambdaContext, testConfig, withInvocation } from './support/invoke.js';
import { installAsyncContext, otlpTracing } from './support/tracing.js';

let uninstall: () => void;
let fake: SqsEndpoint;
let receiver: OtlpReceiver;
beforeAll(async () => {
  uninstall = installAsyncContext();
  fake = await startSqsEndpoint();
  receiver = await startOtlpReceiver({ protocols: ['http'] });
});
afterAll(async () => {
  uninstall();
  await fake.close();
  await receiver.close();
});

const QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';
const attrs = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: `v${i}` }]),
  );

/** Produces with the real SDK over HTTP, consumes what went over the wire, returns the received spans. */
async function produceThenConsume(produce: (sqs: SQSClient) => Promise<unknown>) {
  fake.clear();
  receiver.clear();
  const tracing = otlpTracing(receiver.tracesUrl!);
  const sqs = new SQSClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  sqs.middlewareStack.use(sqsTracingMiddleware({ tracer: tracing.tracer }));
  await produce(sqs);
  const messages = [...fake.messages];
  const event = sqsEventFromMessages(messages);
  await withInvocation(tracing.tracer, () =>
    processSqsBatch(event, lambdaContext(), async () => {}, {
      tracer: tracing.tracer,
      config: testConfig(),
    }),
  );
  await tracing.shutdown();
  const producerCount = messages.length > 1 ? messages.length + 1 : 1;
  const spans = await receiver.waitForSpans(producerCount + messages.length + 2);
  return { spans, messages };
}

describe('producer → consumer', () => {
  it('makes the send span the parent of the consumer sqs.process span', async () => {
    const { spans, messages } = await produceThenConsume((sqs) =>
      sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'order 1' })),
    );

    const send = spans.find((s) => s.name === 'send orders')!;
    const process = spans.find((s) => s.name === 'sqs.process')!;
    expect(send.kindName).toBe('PRODUCER');
    expect([process.traceId, process.parentSpanId]).toEqual([send.traceId, send.spanId]);
    expect(process.attributes['lambda_otel.context.source']).toBe('message-attributes');
    expect(Object.keys(messages[0]!.messageAttributes).length).toBeLessThanOrEqual(10);
  });

  it('keeps the trace through AWSTraceHeader when the message already had 10 attributes', async () => {
    const { spans, messages } = await produceThenConsume((sqs) =>
      sqs.send(
        new SendMessageCommand({ QueueUrl, MessageBody: 'full', MessageAttributes: attrs(10) }),
      ),
    );

    const send = spans.find((s) => s.name === 'send orders')!;
    const process = spans.find((s) => s.name === 'sqs.process')!;
    expect(Object.keys(messages[0]!.messageAttributes)).toHaveLength(10);
    expect(process.parentSpanId).toBe(send.spanId);
    expect(process.attributes['lambda_otel.context.source']).toBe('aws-trace-header');
  });

  it('parents each consumed record of a batch send on its own create span', async () => {
    const { spans, messages } = await produceThenConsume((sqs) =>
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl,
          Entries: [
            { Id: '1', MessageBody: 'one', MessageAttributes: attrs(9) },
            { Id: '2', MessageBody: 'two' },
            { Id: '3', MessageBody: 'three' },
          ],
        }),
      ),
    );

    const creates = spans.filter((s) => s.name === 'create orders');
    const processes = spans.filter((s) => s.name === 'sqs.process');
    expect(messages.every((m) => Object.keys(m.messageAttributes).length <= 10)).toBe(true);
    expect(processes.map((p) => p.parentSpanId).sort()).toEqual(
      creates.map((c) => c.spanId).sort(),
    );
    expect(new Set(processes.map((p) => p.parentSpanId)).size).toBe(3);
  });
});
