import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processSqsBatch } from '../src/process-batch.js';
import type { RecordInfo, SqsBatchOptions, SqsRecordHandler } from '../src/types.js';
import { newUpstream, sqsEvent, sqsRecord, type UpstreamKind } from './support/events.js';
import { clockedContext, lambdaContext, testConfig, withInvocation } from './support/invoke.js';
import { type InMemoryTracing, inMemoryTracing, installAsyncContext } from './support/tracing.js';

let uninstall: () => void;
let tracing: InMemoryTracing;
beforeAll(() => {
  uninstall = installAsyncContext();
});
afterAll(() => uninstall());
afterEach(async () => tracing?.shutdown());

async function run(
  records: SQSRecord[],
  handler: SqsRecordHandler,
  options: SqsBatchOptions = {},
  extra: { linkCountLimit?: number; remaining?: () => number } = {},
) {
  tracing = inMemoryTracing({ linkCountLimit: extra.linkCountLimit ?? 128 });
  const context = extra.remaining ? clockedContext(extra.remaining) : lambdaContext();
  const outcome = await withInvocation(tracing.tracer, () =>
    processSqsBatch(sqsEvent(records), context, handler, {
      tracer: tracing.tracer,
      config: testConfig(extra.linkCountLimit ?? 128),
      options,
    }),
  );
  const process = tracing.byName('sqs.process');
  const spanOf = (id: string) =>
    process.find((s) => s.attributes['messaging.message.id'] === id) as ReadableSpan;
  return {
    ...outcome,
    failures: outcome.result?.batchItemFailures.map((f) => f.itemIdentifier),
    invoke: tracing.byName('lambda.invoke')[0]!,
    batch: tracing.byName('sqs.batch'),
    process,
    spanOf,
  };
}

const ok = async () => {};
const failOn =
  (...bodies: string[]): SqsRecordHandler =>
  async (record) => {
    if (bodies.includes(record.body)) throw new Error(`failed ${record.body}`);
  };

describe('processSqsBatch', () => {
  it('parents each record on its own upstream trace, whatever the format, and links lambda.invoke', async () => {
    const kinds: UpstreamKind[] = [
      'w3c',
      'datadog-string',
      'datadog-binary',
      'xray',
      'sns',
      'eventbridge',
      'none',
    ];
    const upstreams = kinds.map(() => newUpstream());
    const records = kinds.map((kind, i) =>
      sqsRecord({ messageId: kind, upstream: { kind, ...upstreams[i]! } }),
    );

    const { invoke, spanOf, failures } = await run(records, ok);

    expect(failures).toEqual([]);
    const expectedSource = {
      w3c: 'message-attributes',
      'datadog-string': 'datadog',
      'datadog-binary': 'datadog',
      xray: 'aws-trace-header',
      sns: 'sns',
      eventbridge: 'eventbridge',
      none: 'none',
    };
    kinds.forEach((kind, i) => {
      const span = spanOf(kind);
      expect(span.kind).toBe(SpanKind.CONSUMER);
      expect(span.attributes['lambda_otel.context.source']).toBe(expectedSource[kind]);
      if (kind === 'none') {
        expect(span.spanContext().traceId).toBe(invoke.spanContext().traceId);
        expect(span.parentSpanContext?.spanId).toBe(invoke.spanContext().spanId);
        expect(span.links).toEqual([]);
      } else {
        expect(span.spanContext().traceId).toBe(upstreams[i]!.traceId);
        expect(span.parentSpanContext?.spanId).toBe(upstreams[i]!.spanId);
        expect(span.links.map((l) => l.context.spanId)).toEqual([invoke.spanContext().spanId]);
        expect(span.links[0]!.attributes).toEqual({ 'lambda_otel.link.role': 'invocation' });
      }
    });
  });

  it('writes the messaging attributes of a record', async () => {
    const record = sqsRecord({ messageId: 'm-1', body: 'héllo', groupId: 'g-7', receiveCount: 3 });

    const { spanOf } = await run([record], ok);

    expect(spanOf('m-1').attributes).toMatchObject({
      'messaging.system': 'aws_sqs',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': 'orders.fifo',
      'messaging.message.id': 'm-1',
      'messaging.message.body.size': 6,
      'lambda_otel.sqs.receive_count': 3,
      'lambda_otel.sqs.message_group_id': 'g-7',
      'lambda_otel.record.outcome': 'success',
    });
  });

  it('keeps the record span active while the handler runs, so user spans join its trace', async () => {
    const upstream = newUpstream();
    const seen: Array<{ active: boolean }> = [];
    const handler: SqsRecordHandler = async (_record, info: RecordInfo) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push({ active: trace.getActiveSpan() === info.span });
      tracing.tracer.startSpan('save-order').end();
    };

    const { spanOf } = await run(
      [sqsRecord({ messageId: 'a', upstream: { kind: 'w3c', ...upstream } })],
      handler,
    );

    expect(seen).toEqual([{ active: true }]);
    const child = tracing.byName('save-order')[0]!;
    expect(child.spanContext().traceId).toBe(upstream.traceId);
    expect(child.parentSpanContext?.spanId).toBe(spanOf('a').spanContext().spanId);
  });

  it('parents on lambda.invoke and links upstream with parenting "invocation"', async () => {
    const upstream = newUpstream();

    const { spanOf, invoke } = await run(
      [sqsRecord({ messageId: 'a', upstream: { kind: 'datadog-string', ...upstream } })],
      ok,
      { parenting: 'invocation' },
    );

    const span = spanOf('a');
    expect(span.parentSpanContext?.spanId).toBe(invoke.spanContext().spanId);
    expect(span.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([
      [upstream.traceId, upstream.spanId],
    ]);
    expect(span.links[0]!.attributes).toEqual({ 'lambda_otel.link.role': 'upstream' });
  });

  it('reports exactly the failed records, with ERROR status and the exception', async () => {
    const records = ['a', 'b', 'c', 'd', 'e'].map((b) => sqsRecord({ messageId: b, body: b }));
    const handler: SqsRecordHandler = (record) => {
      if (record.body === 'b') throw new TypeError('sync throw');
      if (record.body === 'd') return Promise.reject('plain rejection');
      return undefined;
    };

    const { failures, spanOf, batch } = await run(records, handler);

    expect(failures).toEqual(['b', 'd']);
    expect(spanOf('b').status).toEqual({ code: SpanStatusCode.ERROR, message: 'sync throw' });
    expect(spanOf('b').attributes['error.type']).toBe('TypeError');
    expect(spanOf('b').events.map((e) => e.name)).toEqual(['exception']);
    expect(spanOf('d').status).toEqual({ code: SpanStatusCode.ERROR, message: 'plain rejection' });
    expect(spanOf('a').status.code).toBe(SpanStatusCode.UNSET);
    expect(spanOf('d').attributes['lambda_otel.record.outcome']).toBe('failure');
    expect(batch[0]!.attributes).toMatchObject({
      'messaging.batch.message_count': 5,
      'lambda_otel.batch.failed_count': 2,
    });
  });

  it('links every record from sqs.batch, a child of lambda.invoke, with the message id', async () => {
    const records = ['a', 'b', 'c'].map((id) =>
      sqsRecord({ messageId: id, upstream: { kind: 'w3c', ...newUpstream() } }),
    );

    const { batch, invoke, spanOf } = await run(records, ok);

    expect(batch).toHaveLength(1);
    expect(batch[0]!.kind).toBe(SpanKind.CONSUMER);
    expect(batch[0]!.parentSpanContext?.spanId).toBe(invoke.spanContext().spanId);
    expect(
      batch[0]!.links.map((l) => [l.context.spanId, l.attributes?.['messaging.message.id']]),
    ).toEqual(['a', 'b', 'c'].map((id) => [spanOf(id).spanContext().spanId, id]));
  });

  it('splits sqs.batch when the link limit would drop links, and says so', async () => {
    const records = Array.from({ length: 10 }, (_, i) => sqsRecord({ messageId: `m${i}` }));

    const { batch } = await run(records, ok, {}, { linkCountLimit: 4 });

    expect(batch.map((s) => s.attributes['lambda_otel.batch.part'])).toEqual([1, 2, 3]);
    expect(batch.map((s) => s.attributes['messaging.batch.message_count'])).toEqual([4, 4, 2]);
    expect(batch.every((s) => s.attributes['lambda_otel.batch.parts'] === 3)).toBe(true);
    expect(batch.every((s) => s.droppedLinksCount === 0)).toBe(true);
    expect(
      batch.flatMap((s) => s.links.map((l) => l.attributes?.['messaging.message.id'])),
    ).toEqual(records.map((r) => r.messageId));
  });

  it('stops a FIFO message group after its first failure and reports the rest of it', async () => {
    const records = [
      sqsRecord({ messageId: 'a1', body: 'a1', groupId: 'a' }),
      sqsRecord({ messageId: 'b1', body: 'b1', groupId: 'b' }),
      sqsRecord({ messageId: 'a2', body: 'a2', groupId: 'a' }),
      sqsRecord({ messageId: 'b2', body: 'b2', groupId: 'b' }),
      sqsRecord({ messageId: 'a3', body: 'a3', groupId: 'a' }),
    ];
    const ran: string[] = [];
    const handler: SqsRecordHandler = async (record) => {
      ran.push(record.body);
      if (record.body === 'a2') throw new Error('a2 failed');
    };

    const { failures, spanOf } = await run(records, handler);

    expect(ran).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(failures).toEqual(['a2', 'a3']);
    expect(spanOf('a3').attributes).toMatchObject({
      'lambda_otel.record.outcome': 'skipped',
      'lambda_otel.record.skip_reason': 'fifo-group-failed',
    });
  });

  it('stops the whole FIFO batch with fifoFailureScope "batch"', async () => {
    const records = ['a1', 'b1', 'a2', 'b2'].map((id) =>
      sqsRecord({ messageId: id, body: id, groupId: id[0] }),
    );

    const { failures, spanOf } = await run(records, failOn('b1'), { fifoFailureScope: 'batch' });

    expect(failures).toEqual(['b1', 'a2', 'b2']);
    expect(spanOf('a2').attributes['lambda_otel.record.skip_reason']).toBe('fifo-batch-stopped');
  });

  it('starts no record once the remaining time is below the margin and reports the unstarted ones', async () => {
    let remaining = 2_000;
    const records = ['a', 'b', 'c', 'd'].map((id) => sqsRecord({ messageId: id, body: id }));
    const handler: SqsRecordHandler = async () => {
      remaining -= 800;
    };

    const { failures, spanOf, batch } = await run(
      records,
      handler,
      {},
      { remaining: () => remaining },
    );

    expect(failures).toEqual(['c', 'd']);
    expect(spanOf('c').attributes['lambda_otel.record.skip_reason']).toBe('deadline');
    expect(batch[0]!.attributes).toMatchObject({
      'lambda_otel.batch.failed_count': 2,
      'lambda_otel.batch.skipped_count': 2,
    });
  });

  it('runs at most `concurrency` records at once, one at a time per FIFO group, in order', async () => {
    const records = Array.from({ length: 12 }, (_, i) =>
      sqsRecord({ messageId: `m${i}`, body: String(i), groupId: `g${i % 3}` }),
    );
    let inFlight = 0;
    let most = 0;
    const order: Record<string, number[]> = {};
    const handler: SqsRecordHandler = async (record) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const group = record.attributes.MessageGroupId!;
      order[group] = [...(order[group] ?? []), Number(record.body)];
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
    };

    const { failures } = await run(records, handler, { concurrency: 3 });

    expect(failures).toEqual([]);
    expect(most).toBe(3);
    expect(order).toEqual({ g0: [0, 3, 6, 9], g1: [1, 4, 7, 10], g2: [2, 5, 8, 11] });
  });

  it('hands the unwrapped SNS message or EventBridge detail with envelope "auto"', async () => {
    const payloads: Array<[unknown, RecordInfo['envelope']]> = [];
    const records = [
      sqsRecord({ body: '{"id":1}', upstream: { kind: 'sns', ...newUpstream() } }),
      sqsRecord({ body: '{"id":2}', upstream: { kind: 'eventbridge', ...newUpstream() } }),
      sqsRecord({ body: 'plain' }),
    ];

    await run(records, (_r, info) => void payloads.push([info.payload, info.envelope]), {
      envelope: 'auto',
    });

    expect(payloads).toEqual([
      ['{"id":1}', 'sns'],
      [{ id: 2, traceparent: expect.any(String) }, 'eventbridge'],
      ['plain', undefined],
    ]);
  });

  it('throws an AggregateError when every record failed and throwOnFullFailure is set', async () => {
    const records = ['a', 'b'].map((id) => sqsRecord({ messageId: id, body: id }));

    const { error, batch } = await run(records, failOn('a', 'b'), { throwOnFullFailure: true });

    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors).toHaveLength(2);
    expect(batch[0]!.attributes['lambda_otel.batch.failed_count']).toBe(2);
  });

  it('returns every failed id without throwing by default, even when all failed', async () => {
    const records = ['a', 'b'].map((id) => sqsRecord({ messageId: id, body: id }));

    const { failures, error } = await run(records, failOn('a', 'b'));

    expect(error).toBeUndefined();
    expect(failures).toEqual(['a', 'b']);
  });

  it('builds the same failures with a no-op tracer (telemetry disabled)', async () => {
    tracing = inMemoryTracing();
    const records = ['a', 'b', 'c'].map((id) => sqsRecord({ messageId: id, body: id }));

    const result = await processSqsBatch(sqsEvent(records), lambdaContext(), failOn('b'), {
      tracer: trace.getTracer('no-provider-registered'),
      config: testConfig(),
    });

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }] });
  });

  it('survives malformed records: the handler still runs and failures are still reported', async () => {
    const seen: unknown[] = [];
    const records = [null, { body: 'no id' }, sqsRecord({ messageId: 'ok' })] as SQSRecord[];

    const { failures, process } = await run(records, (record) => {
      seen.push(record);
      if (record === null) throw new Error('cannot read null');
    });

    expect(seen).toHaveLength(3);
    expect(failures).toEqual(['']);
    expect(process).toHaveLength(3);
  });

  it('answers an event without records with no failures and no spans', async () => {
    tracing = inMemoryTracing();

    const result = await processSqsBatch({} as never, lambdaContext(), ok, {
      tracer: tracing.tracer,
      config: testConfig(),
    });

    expect(result).toEqual({ batchItemFailures: [] });
    expect(tracing.spans()).toEqual([]);
  });
});
