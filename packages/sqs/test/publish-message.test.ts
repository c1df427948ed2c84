import type { SdkMessageAttributeValue } from '@lambda-otel-kit/propagators';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processSqsBatch } from '../src/process-batch.js';
import { type PublishInputLike, publishMessage } from '../src/publish-message.js';
import { sqsTracingMiddleware } from '../src/sdk-middleware.js';
import { sqsEvent, sqsRecord } from './support/events.js';
import { lambdaContext, testConfig, withInvocation } from './support/invoke.js';
import { type InMemoryTracing, inMemoryTracing, installAsyncContext } from './support/tracing.js';

let uninstall: () => void;
let tracing: InMemoryTracing;
beforeAll(() => {
  uninstall = installAsyncContext();
});
afterAll(() => uninstall());
afterEach(async () => tracing.shutdown());

const TopicArn = 'arn:aws:sns:us-east-1:123456789012:orders-topic';
type Published = PublishInputLike & { Message: string };

/** The SQS body SNS delivers to a subscribed queue without raw delivery. */
function snsEnvelope(input: Published): string {
  const attributes: Record<string, { Type: string; Value: string | undefined }> = {};
  for (const [name, value] of Object.entries(input.MessageAttributes ?? {})) {
    attributes[name] = { Type: value.DataType, Value: value.StringValue };
  }
  return JSON.stringify({
    Type: 'Notification',
    MessageId: 'sns-1',
    TopicArn,
    Message: input.Message,
    MessageAttributes: attributes,
  });
}

describe('publishMessage', () => {
  it('publishes under a send <topic> PRODUCER span that the SQS consumer continues through the SNS envelope', async () => {
    tracing = inMemoryTracing();
    let published: Published | undefined;

    await publishMessage(
      { TopicArn, Message: 'order 7' } as Published,
      async (input) => {
        published = input;
        return { MessageId: 'sns-1' };
      },
      { tracer: tracing.tracer },
    );
    await withInvocation(tracing.tracer, () =>
      processSqsBatch(
        sqsEvent([sqsRecord({ messageId: 'q1', body: snsEnvelope(published!) })]),
        lambdaContext(),
        async () => {},
        { tracer: tracing.tracer, config: testConfig() },
      ),
    );

    const send = tracing.byName('send orders-topic')[0]!;
    const process = tracing.byName('sqs.process')[0]!;
    expect(send.kind).toBe(SpanKind.PRODUCER);
    expect(send.attributes).toMatchObject({
      'messaging.system': 'aws_sns',
      'messaging.destination.name': 'orders-topic',
      'messaging.message.id': 'sns-1',
      'lambda_otel.sqs.injection': 'complete',
    });
    expect(process.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
    expect(process.attributes['lambda_otel.context.source']).toBe('sns');
  });

  it('adds nothing to a message that already has 10 attributes', async () => {
    tracing = inMemoryTracing();
    const full: Record<string, SdkMessageAttributeValue> = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]),
    );
    let sent: PublishInputLike | undefined;

    await publishMessage(
      { TopicArn, MessageAttributes: full },
      async (input) => {
        sent = input;
        return {};
      },
      { tracer: tracing.tracer },
    );

    expect(Object.keys(sent!.MessageAttributes ?? {})).toHaveLength(10);
    expect(tracing.spans()[0]!.attributes['lambda_otel.sqs.injection']).toBe('none');
  });

  it('is used by the middleware for an SNS Publish command and marks failures', async () => {
    tracing = inMemoryTracing();
    const { middleware } = sqsTracingMiddleware({ tracer: tracing.tracer });
    const next = async () => {
      throw new Error('AuthorizationError');
    };

    const call = middleware(next, { commandName: 'PublishCommand' })({ input: { TopicArn } });

    await expect(call).rejects.toThrow('AuthorizationError');
    expect(tracing.spans()[0]!.name).toBe('send orders-topic');
    expect(tracing.spans()[0]!.status.code).toBe(SpanStatusCode.ERROR);
  });
});
