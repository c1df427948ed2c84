import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { startBatchSpans } from '../src/batch-spans.js';
import { type InMemoryTracing, inMemoryTracing } from './support/tracing.js';

let tracing: InMemoryTracing;
afterEach(async () => tracing.shutdown());

const context = (n: number) => ({
  traceId: n.toString(16).padStart(32, '0'),
  spanId: n.toString(16).padStart(16, '0'),
  traceFlags: 1,
});

describe('startBatchSpans', () => {
  it('starts one CONSUMER span per linkLimit records and counts outcomes per part', () => {
    tracing = inMemoryTracing({ linkCountLimit: 2 });
    const batch = startBatchSpans(tracing.tracer, {
      invocationContext: ROOT_CONTEXT,
      queueName: 'orders',
      count: 5,
      linkLimit: 2,
    });
    for (let i = 0; i < 5; i += 1) batch.link(i, context(i + 1), `m${i}`);
    batch.outcome(0, 'failure');
    batch.outcome(3, 'skipped');
    batch.outcome(4, 'success');

    batch.end();

    const spans = tracing.byName('sqs.batch');
    expect(batch.parts).toBe(3);
    expect(spans.map((s) => s.kind)).toEqual([
      SpanKind.CONSUMER,
      SpanKind.CONSUMER,
      SpanKind.CONSUMER,
    ]);
    expect(spans.map((s) => s.links.length)).toEqual([2, 2, 1]);
    expect(spans.map((s) => s.attributes['lambda_otel.batch.failed_count'])).toEqual([1, 1, 0]);
    expect(spans.map((s) => s.attributes['lambda_otel.batch.skipped_count'])).toEqual([0, 1, 0]);
    expect(spans[2]!.attributes).toMatchObject({
      'messaging.system': 'aws_sqs',
      'messaging.destination.name': 'orders',
      'messaging.batch.message_count': 1,
      'lambda_otel.batch.total_message_count': 5,
      'lambda_otel.batch.part': 3,
      'lambda_otel.batch.parts': 3,
    });
    expect(spans[2]!.links[0]!.attributes).toEqual({
      'lambda_otel.link.role': 'record',
      'messaging.message.id': 'm4',
    });
  });

  it('starts no span for an empty batch', () => {
    tracing = inMemoryTracing();
    const batch = startBatchSpans(tracing.tracer, {
      invocationContext: ROOT_CONTEXT,
      queueName: undefined,
      count: 0,
      linkLimit: 128,
    });
    batch.end();
    expect(batch.parts).toBe(0);
    expect(tracing.spans()).toEqual([]);
  });

  it('treats a zero link limit as one record per span', () => {
    tracing = inMemoryTracing();
    const batch = startBatchSpans(tracing.tracer, {
      invocationContext: ROOT_CONTEXT,
      queueName: 'q',
      count: 2,
      linkLimit: 0,
    });
    batch.end();
    expect(batch.parts).toBe(2);
  });
});
