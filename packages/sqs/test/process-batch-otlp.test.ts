import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@lambda-otel-kit/testing';
import { SpanStatusCode } from '@opentelemetry/api';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processSqsBatch } from '../src/process-batch.js';
import type { SqsBatchOptions, SqsRecordHandler } from '../src/types.js';
import { newUpstream, sqsEvent, sqsRecord, type UpstreamKind } from './support/events.js';
import { clockedContext, lambdaContext, testConfig, withInvocation } from './support/invoke.js';
import { installAsyncContext, otlpTracing } from './support/tracing.js';

let uninstall: () => void;
let receiver: OtlpReceiver;
beforeAll(async () => {
  uninstall = installAsyncContext();
  receiver = await startOtlpReceiver({ protocols: ['http'] });
});
afterAll(async () => {
  uninstall();
  await receiver.close();
});

/** Runs one batch inside lambda.invoke, exports over OTLP, and returns what the receiver decoded. */
async function runOverOtlp(
  records: SQSRecord[],
  handler: SqsRecordHandler,
  options: SqsBatchOptions = {},
  extra: { linkCountLimit?: number; remaining?: () => number; expectedSpans?: number } = {},
) {
  receiver.clear();
  const linkCountLimit = extra.linkCountLimit ?? 128;
  const tracing = otlpTracing(receiver.tracesUrl!, {
    linkCountLimit,
    queueSize: records.length + 100,
  });
  const context = extra.remaining ? clockedContext(extra.remaining) : lambdaContext();
  const started = performance.now();
  const { result } = await withInvocation(tracing.tracer, () =>
    processSqsBatch(sqsEvent(records), context, handler, {
      tracer: tracing.tracer,
      config: testConfig(linkCountLimit),
      options,
    }),
  );
  const processMs = performance.now() - started;
  await tracing.flush();
  await tracing.shutdown();
  const expected = extra.expectedSpans ?? records.length + 2;
  const spans = await receiver.waitForSpans(expected, { timeoutMs: 20_000 });
  const named = (name: string) => spans.filter((s) => s.name === name);
  const byId = new Map(
    named('sqs.process').map((s) => [s.attributes['messaging.message.id'] as string, s]),
  );
  return {
    spans,
    processMs,
    failures: result?.batchItemFailures.map((f) => f.itemIdentifier),
    invoke: named('lambda.invoke')[0] as ReceivedSpan,
    batch: named('sqs.batch'),
    process: (id: string) => byId.get(id) as ReceivedSpan,
    processCount: byId.size,
  };
}

const failOn =
  (...ids: string[]): SqsRecordHandler =>
  async (record) => {
    if (ids.includes(record.messageId)) throw new Error(`record ${record.messageId} failed`);
  };

describe('processSqsBatch over OTLP', () => {
  it('exports a 10-record batch from 10 upstream traces with 3 failures as one tree per record', async () => {
    const kinds: UpstreamKind[] = [
      'w3c',
      'datadog-string',
      'datadog-binary',
      'xray',
      'sns',
      'eventbridge',
      'w3c',
      'xray',
      'datadog-string',
      'none',
    ];
    const upstreams = kinds.map(() => newUpstream());
    const records = kinds.map((kind, i) =>
      sqsRecord({ messageId: `m${i}`, upstream: { kind, ...upstreams[i]! } }),
    );

    const { failures, invoke, batch, process, spans } = await runOverOtlp(
      records,
      failOn('m1', 'm4', 'm9'),
    );

    expect(spans).toHaveLength(12);
    expect(failures).toEqual(['m1', 'm4', 'm9']);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(10); // 9 upstream traces + the invocation's
    kinds.forEach((kind, i) => {
      const span = process(`m${i}`);
      expect(span.kindName).toBe('CONSUMER');
      const expectedParent = kind === 'none' ? invoke.spanId : upstreams[i]!.spanId;
      const expectedTrace = kind === 'none' ? invoke.traceId : upstreams[i]!.traceId;
      expect([span.traceId, span.parentSpanId]).toEqual([expectedTrace, expectedParent]);
      const failed = ['m1', 'm4', 'm9'].includes(`m${i}`);
      expect(span.status.code).toBe(failed ? SpanStatusCode.ERROR : SpanStatusCode.UNSET);
      expect(span.events.map((e) => e.name)).toEqual(failed ? ['exception'] : []);
    });
    expect(batch).toHaveLength(1);
    expect(batch[0]!.parentSpanId).toBe(invoke.spanId);
    expect(batch[0]!.attributes).toMatchObject({
      'messaging.batch.message_count': 10,
      'lambda_otel.batch.failed_count': 3,
    });
    expect(batch[0]!.links.map((l) => [l.traceId, l.spanId])).toEqual(
      records.map((r) => [process(r.messageId).traceId, process(r.messageId).spanId]),
    );
  });

  it('exports a FIFO batch across 3 groups where one group stops at its failure', async () => {
    const groups = ['g1', 'g2', 'g3', 'g1', 'g2', 'g3', 'g1', 'g2', 'g3'];
    const records = groups.map((groupId, i) => sqsRecord({ messageId: `f${i}`, groupId }));

    const { failures, process, batch } = await runOverOtlp(records, failOn('f4'));

    expect(failures).toEqual(['f4', 'f7']);
    expect(process('f4').status.code).toBe(SpanStatusCode.ERROR);
    expect(process('f7').attributes).toMatchObject({
      'lambda_otel.sqs.message_group_id': 'g2',
      'lambda_otel.record.outcome': 'skipped',
      'lambda_otel.record.skip_reason': 'fifo-group-failed',
    });
    expect(process('f8').attributes['lambda_otel.record.outcome']).toBe('success');
    expect(batch[0]!.attributes['lambda_otel.batch.failed_count']).toBe(2);
  });

  it('exports a batch cut off by the deadline, the unstarted records reported', async () => {
    let remaining = 1_600;
    const records = Array.from({ length: 6 }, (_, i) => sqsRecord({ messageId: `d${i}` }));

    const { failures, process } = await runOverOtlp(
      records,
      async () => {
        remaining -= 500;
      },
      {},
      { remaining: () => remaining },
    );

    // margin 2 × 500 ms: d0 starts at 1600, d1 at 1100, d2 would start at 600
    expect(failures).toEqual(['d2', 'd3', 'd4', 'd5']);
    expect(process('d1').attributes['lambda_otel.record.outcome']).toBe('success');
    expect(process('d2').attributes['lambda_otel.record.skip_reason']).toBe('deadline');
  });

  it('exports all 10,002 spans of a 10,000-record batch, every record linked', async () => {
    const records = Array.from({ length: 10_000 }, (_, i) =>
      sqsRecord({ messageId: `r${i}`, upstream: { kind: 'w3c', ...newUpstream() } }),
    );

    const { spans, batch, processCount, process, failures, processMs } = await runOverOtlp(
      records,
      async () => {},
      {},
      { linkCountLimit: 10_000 },
    );

    expect(spans).toHaveLength(10_002);
    expect(processCount).toBe(10_000);
    expect(failures).toEqual([]);
    expect(batch).toHaveLength(1);
    const linked = new Set(batch[0]!.links.map((l) => l.attributes['messaging.message.id']));
    expect(linked.size).toBe(10_000);
    expect(batch[0]!.links[9_999]!.spanId).toBe(process('r9999').spanId);
    expect(processMs).toBeLessThan(10_000);
  });
});
