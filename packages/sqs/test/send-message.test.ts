import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SendMessageBatchEntryLike, SendMessageInputLike } from '../src/producer-types.js';
import { sendMessage, sendMessageBatch } from '../src/send-message.js';
import { type InMemoryTracing, inMemoryTracing, installAsyncContext } from './support/tracing.js';

let uninstall: () => void;
let tracing: InMemoryTracing;
beforeAll(() => {
  uninstall = installAsyncContext();
});
afterAll(() => uninstall());
afterEach(async () => tracing.shutdown());

const QueueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/invoices.fifo';

describe('sendMessage', () => {
  it('sends the input with the send span injected, the span active during the call', async () => {
    tracing = inMemoryTracing();
    let activeDuringSend: string | undefined;
    const input: SendMessageInputLike & { MessageBody: string } = { QueueUrl, MessageBody: 'hi' };

    const output = await sendMessage(
      input,
      async (traced) => {
        activeDuringSend = trace.getActiveSpan()?.spanContext().spanId;
        return { MessageId: 'msg-1', traced };
      },
      { tracer: tracing.tracer },
    );

    const [span] = tracing.spans();
    expect(span!.name).toBe('send invoices.fifo');
    expect(span!.kind).toBe(SpanKind.PRODUCER);
    expect(span!.attributes['messaging.message.id']).toBe('msg-1');
    expect(activeDuringSend).toBe(span!.spanContext().spanId);
    expect(output.traced.MessageAttributes?.traceparent?.StringValue).toContain(
      span!.spanContext().spanId,
    );
    expect(input).toEqual({ QueueUrl, MessageBody: 'hi' });
  });

  it('is a child of the active span', async () => {
    tracing = inMemoryTracing();
    const parent = tracing.tracer.startSpan('handler');

    await context.with(trace.setSpan(context.active(), parent), () =>
      sendMessage({ QueueUrl }, async () => ({}), { tracer: tracing.tracer }),
    );
    parent.end();

    const send = tracing.byName('send invoices.fifo')[0]!;
    expect(send.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it('marks the span failed and rethrows when sending fails', async () => {
    tracing = inMemoryTracing();

    const sent = sendMessage(
      { QueueUrl },
      async () => {
        throw new Error('throttled');
      },
      { tracer: tracing.tracer },
    );

    await expect(sent).rejects.toThrow('throttled');
    expect(tracing.spans()[0]!.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'throttled',
    });
  });

  it('names the span "send" when the queue URL is unknown', async () => {
    tracing = inMemoryTracing();
    await sendMessage({}, async () => ({}), { tracer: tracing.tracer });
    expect(tracing.spans()[0]!.name).toBe('send');
  });
});

describe('sendMessageBatch', () => {
  it('injects one create span per entry, children of the send span', async () => {
    tracing = inMemoryTracing();
    let sentEntries: SendMessageBatchEntryLike[] = [];

    await sendMessageBatch(
      { QueueUrl, Entries: [{ Id: '1' }, { Id: '2' }] },
      async (traced) => {
        sentEntries = traced.Entries ?? [];
        return { Successful: [{ Id: '1', MessageId: 'm1' }], Failed: [{ Id: '2', Code: 'X' }] };
      },
      { tracer: tracing.tracer },
    );

    const creates = tracing.byName('create invoices.fifo');
    expect(creates.map((c) => c.attributes['messaging.operation.type'])).toEqual([
      'create',
      'create',
    ]);
    expect(
      sentEntries.map((e) => e.MessageAttributes?.traceparent?.StringValue?.split('-')[2]),
    ).toEqual(creates.map((c) => c.spanContext().spanId));
    expect(creates[0]!.attributes['messaging.message.id']).toBe('m1');
    expect(creates[1]!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'X:' });
  });
});
