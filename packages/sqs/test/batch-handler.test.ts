import { KitError } from '@lambda-otel-kit/core';
import { initTelemetry, resetTelemetry } from '@lambda-otel-kit/lambda';
import { type OtlpReceiver, startOtlpReceiver } from '@lambda-otel-kit/testing';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqsBatchHandler } from '../src/batch-handler.js';
import { newUpstream, sqsEvent, sqsRecord } from './support/events.js';
import { lambdaContext } from './support/invoke.js';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver({ protocols: ['http'] });
});
afterEach(async () => {
  await resetTelemetry();
  receiver.clear();
});
afterAll(async () => receiver.close());

const telemetryOptions = () => ({
  env: {},
  serviceName: 'orders-consumer',
  otlp: { protocol: 'http/protobuf' as const, url: receiver.tracesUrl! },
});

describe('sqsBatchHandler', () => {
  it('emits lambda.invoke → sqs.process per record on its upstream trace → sqs.batch, and returns the failures', async () => {
    const upstreams = [newUpstream(), newUpstream()];
    const event = sqsEvent([
      sqsRecord({ messageId: 'ok', upstream: { kind: 'w3c', ...upstreams[0]! } }),
      sqsRecord({ messageId: 'bad', upstream: { kind: 'datadog-string', ...upstreams[1]! } }),
      sqsRecord({ messageId: 'plain' }),
    ]);
    const handler = sqsBatchHandler(
      async (record) => {
        trace.getTracer('app').startSpan(`save ${record.messageId}`).end();
        if (record.messageId === 'bad') throw new Error('rejected order');
      },
      { telemetryOptions: telemetryOptions() },
    );

    const result = await handler(event, lambdaContext());

    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] });
    const spans = await receiver.waitForSpans(8);
    const one = (name: string) => spans.find((s) => s.name === name)!;
    const invoke = one('lambda.invoke');
    const process = (id: string) =>
      spans.find((s) => s.name === 'sqs.process' && s.attributes['messaging.message.id'] === id)!;
    expect(invoke.kindName).toBe('SERVER');
    expect(invoke.attributes['faas.trigger']).toBe('pubsub');
    expect([process('ok').traceId, process('ok').parentSpanId]).toEqual([
      upstreams[0]!.traceId,
      upstreams[0]!.spanId,
    ]);
    expect(process('bad').traceId).toBe(upstreams[1]!.traceId);
    expect(process('bad').status.code).toBe(SpanStatusCode.ERROR);
    expect(process('plain').parentSpanId).toBe(invoke.spanId);
    expect(one('save ok').parentSpanId).toBe(process('ok').spanId);
    expect(one('sqs.batch').parentSpanId).toBe(invoke.spanId);
    expect(one('sqs.batch').links).toHaveLength(3);
    expect(one('sqs.batch').resource['service.name']).toBe('orders-consumer');
  });

  it('uses telemetry built earlier by initTelemetry', async () => {
    const telemetry = initTelemetry(telemetryOptions());
    const handler = sqsBatchHandler(async () => {}, { parenting: 'invocation' });

    await handler(
      sqsEvent([sqsRecord({ upstream: { kind: 'w3c', ...newUpstream() } })]),
      lambdaContext(),
    );

    const spans = await receiver.waitForSpans(3);
    const invoke = spans.find((s) => s.name === 'lambda.invoke')!;
    expect(spans.find((s) => s.name === 'sqs.process')!.parentSpanId).toBe(invoke.spanId);
    expect(telemetry.enabled).toBe(true);
  });

  it('exports every span of a 10,000-record batch through the kit telemetry, links split by the default limit', async () => {
    const records = Array.from({ length: 10_000 }, (_, i) =>
      sqsRecord({ messageId: `r${i}`, upstream: { kind: 'w3c', ...newUpstream() } }),
    );
    const handler = sqsBatchHandler(async () => {}, {
      telemetryOptions: { ...telemetryOptions(), flush: { capMs: 20_000 } },
    });

    const result = await handler(sqsEvent(records), lambdaContext());

    expect(result.batchItemFailures).toEqual([]);
    const spans = await receiver.waitForSpans(10_080, { timeoutMs: 30_000 });
    const batches = spans.filter((s) => s.name === 'sqs.batch');
    expect(spans.filter((s) => s.name === 'sqs.process')).toHaveLength(10_000);
    expect(batches).toHaveLength(79);
    const linked = new Set(batches.flatMap((b) => b.links.map((l) => l.spanId)));
    expect(linked.size).toBe(10_000);
  });

  it('throws a KitError at setup for a missing handler or an invalid option', () => {
    expect(() => sqsBatchHandler(undefined as never)).toThrow(KitError);
    expect(() => sqsBatchHandler(async () => {}, { concurrency: 0 })).toThrow(KitError);
  });
});
