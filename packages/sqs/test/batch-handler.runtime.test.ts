// sqsBatchHandler under the real aws-lambda-ric, driven by the Runtime API emulator, exporting
// to the OTLP receiver: what a deployed SQS consumer does, minus AWS.
import { fileURLToPath } from 'node:url';
import {
  type LambdaRuntime,
  type OtlpReceiver,
  startLambdaRuntime,
  startOtlpReceiver,
} from '@lambda-otel-kit/testing';
import type { SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUpstream, sqsEvent, sqsRecord } from './support/events.js';

const taskRoot = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('sqsBatchHandler under the runtime interface client', () => {
  let receiver: OtlpReceiver;
  let runtime: LambdaRuntime;
  beforeAll(async () => {
    receiver = await startOtlpReceiver({ protocols: ['http'] });
    runtime = await startLambdaRuntime({
      handler: 'handlers.handler',
      taskRoot,
      functionName: 'orders-consumer',
      timeoutMs: 6000,
      env: {
        OTEL_SERVICE_NAME: 'orders-consumer',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl ?? '',
        OTEL_PROPAGATORS: 'tracecontext,baggage,datadog,xray',
        LAMBDA_OTEL_FLUSH_MARGIN_MS: '1500',
      },
    });
  });
  afterAll(async () => {
    await runtime.stop();
    await receiver.close();
  });

  it('answers the partial batch response and exports one trace per upstream record', async () => {
    receiver.clear();
    const ups = [newUpstream(), newUpstream(), newUpstream()];
    const event = sqsEvent([
      sqsRecord({ messageId: 'a', body: 'ok', upstream: { kind: 'w3c', ...ups[0]! } }),
      sqsRecord({ messageId: 'b', body: 'fail', upstream: { kind: 'datadog-binary', ...ups[1]! } }),
      sqsRecord({ messageId: 'c', body: 'ok', upstream: { kind: 'xray', ...ups[2]! } }),
    ]);

    const result = await runtime.invoke<SQSBatchResponse>(event);

    expect(result.ok).toBe(true);
    expect(result.response).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }] });
    const spans = await receiver.waitForSpans(
      (received) =>
        received.filter((s) => s.name === 'sqs.process').length === 3 &&
        received.some((s) => s.name === 'lambda.invoke'),
      { timeoutMs: 10_000 },
    );
    const invoke = spans.find((s) => s.name === 'lambda.invoke')!;
    expect(invoke.attributes['faas.trigger']).toBe('pubsub');
    ['a', 'b', 'c'].forEach((id, i) => {
      const span = spans.find(
        (s) => s.attributes['messaging.message.id'] === id && s.name === 'sqs.process',
      )!;
      expect([span.traceId, span.parentSpanId]).toEqual([ups[i]!.traceId, ups[i]!.spanId]);
      expect(span.links.map((l) => l.spanId)).toEqual([invoke.spanId]);
    });
    expect(spans.find((s) => s.name === 'sqs.batch')!.parentSpanId).toBe(invoke.spanId);
  });

  it('hands back every record the deadline left unstarted, and only those with the failed one', async () => {
    receiver.clear();
    const records = Array.from({ length: 8 }, (_, i) =>
      sqsRecord({ messageId: `d${i}`, body: i === 0 ? 'fail' : 'sleep:700' }),
    );

    const result = await runtime.invoke<SQSBatchResponse>(sqsEvent(records));

    expect(result.ok).toBe(true);
    const spans = await receiver.waitForSpans(
      (received) =>
        received.filter((s) => s.name === 'sqs.process').length === 8 &&
        received.some((s) => s.name === 'lambda.invoke') &&
        received.some((s) => s.name === 'sqs.batch'),
      { timeoutMs: 10_000 },
    );
    const skipped = spans
      .filter((s) => s.attributes['lambda_otel.record.skip_reason'] === 'deadline')
      .map((s) => s.attributes['messaging.message.id']);
    const invoke = spans.find((s) => s.name === 'lambda.invoke')!;
    expect(invoke.attributes['lambda_otel.timed_out']).toBeUndefined();
    expect(spans.some((s) => s.name === 'sqs.batch')).toBe(true);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.length).toBeLessThan(7);
    expect(result.response!.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      ['d0', ...skipped].sort(),
    );
  });
});
