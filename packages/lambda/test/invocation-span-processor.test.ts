import type { OtlpConfig } from '@lambda-otel-kit/core';
import { type OtlpReceiver, startOtlpReceiver } from '@lambda-otel-kit/testing';
import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type Sampler,
  SamplingDecision,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOtlpExporter } from '../src/exporter.js';
import { InvocationSpanProcessor } from '../src/invocation-span-processor.js';

/** One SQS invocation of `records` records: lambda.invoke, a span per record, sqs.batch. */
function runInvocation(processor: SpanProcessor, records: number, sampler?: Sampler): void {
  const provider = new BasicTracerProvider({ spanProcessors: [processor], sampler });
  const tracer = provider.getTracer('processor-test');
  const invoke = tracer.startSpan('lambda.invoke', { kind: SpanKind.SERVER }, ROOT_CONTEXT);
  const parent = trace.setSpan(ROOT_CONTEXT, invoke);
  for (let i = 0; i < records; i++) {
    tracer.startSpan('sqs.process', { kind: SpanKind.CONSUMER }, parent).end();
  }
  tracer.startSpan('sqs.batch', { kind: SpanKind.CONSUMER }, parent).end();
  invoke.end();
}

/** Keeps spans named `kept`; records the others without sampling them (RECORD only). */
const recordOnlyUnlessKept: Sampler = {
  shouldSample: (_context, _traceId, name) => ({
    decision: name === 'kept' ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.RECORD,
  }),
  toString: () => 'RecordOnlyUnlessKept',
};

const failingExporter = (fail: 'throw' | 'result'): SpanExporter => ({
  export: (_spans, done) => {
    if (fail === 'throw') throw new Error('exporter exploded');
    done({ code: ExportResultCode.FAILED, error: new Error('backend said no') });
  },
  shutdown: async () => {},
});

describe('InvocationSpanProcessor', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver({ protocols: ['http'] });
  });
  afterEach(() => {
    receiver.setFault('none');
    receiver.clear();
  });
  afterAll(() => receiver.close());

  const otlp = (timeoutMs = 10_000): OtlpConfig => ({
    protocol: 'http/protobuf',
    url: receiver.tracesUrl ?? '',
    headers: {},
    timeoutMs,
    compression: 'none',
  });

  it('delivers all 10,002 spans of a 10,000-record invocation, where the SDK’s batch processor drops most', async () => {
    const ours = new InvocationSpanProcessor(createOtlpExporter(otlp()), {
      maxExportBatchSize: 512,
    });
    const sdk = new BatchSpanProcessor(await createOtlpExporter(otlp()));

    runInvocation(ours, 10_000);
    await ours.forceFlush();
    const delivered = receiver.spans.length;
    const uniqueIds = new Set(receiver.spans.map((s) => s.spanId)).size;
    receiver.clear();
    runInvocation(sdk, 10_000);
    await sdk.forceFlush();
    const deliveredBySdk = receiver.spans.length;
    await Promise.all([ours.shutdown(), sdk.shutdown()]);

    expect([delivered, uniqueIds, ours.exported, ours.failed]).toEqual([10_002, 10_002, 10_002, 0]);
    // The SDK sends its first 512 at once, queues 2,048 more while that export runs, drops the rest.
    expect(deliveredBySdk).toBe(512 + 2_048);
  });

  it('exports a full batch in the background, before any flush, and the rest on flush', async () => {
    const processor = new InvocationSpanProcessor(createOtlpExporter(otlp()), {
      maxExportBatchSize: 100,
    });

    runInvocation(processor, 248);
    const early = await receiver.waitForSpans(200);
    const pendingBeforeFlush = processor.pending;
    await processor.forceFlush();

    expect(early).toHaveLength(200);
    expect(pendingBeforeFlush).toBe(50);
    expect(receiver.spans).toHaveLength(250);
    expect(receiver.requests.map((r) => r.spanCount)).toEqual([100, 100, 50]);
  });

  it('does not export spans that were recorded but not sampled', async () => {
    const processor = new InvocationSpanProcessor(createOtlpExporter(otlp()), {
      maxExportBatchSize: 512,
    });
    const provider = new BasicTracerProvider({
      spanProcessors: [processor],
      sampler: recordOnlyUnlessKept,
    });
    const tracer = provider.getTracer('processor-test');
    const dropped = tracer.startSpan('recorded only');
    const recorded = dropped.isRecording();
    dropped.end();
    tracer.startSpan('kept').end();

    await processor.forceFlush();

    expect(recorded).toBe(true);
    expect(receiver.spans.map((s) => s.name)).toEqual(['kept']);
    expect(processor.exported).toBe(1);
  });

  it('makes forceFlush wait for exports already running in the background', async () => {
    receiver.setFault({ kind: 'delay', ms: 300 });
    const processor = new InvocationSpanProcessor(createOtlpExporter(otlp()), {
      maxExportBatchSize: 10,
    });
    runInvocation(processor, 8); // 10 spans: one background export, nothing left buffered
    const started = performance.now();

    await processor.forceFlush();
    const waited = performance.now() - started;

    expect(processor.pending).toBe(0);
    expect(receiver.spans).toHaveLength(10);
    expect(waited).toBeGreaterThan(250);
  });

  it('counts the spans as failed, and never rejects, when the exporter cannot be loaded', async () => {
    const processor = new InvocationSpanProcessor(Promise.reject(new Error('no such module')), {
      maxExportBatchSize: 4,
    });

    runInvocation(processor, 8);

    await expect(processor.forceFlush()).resolves.toBeUndefined();
    await expect(processor.shutdown()).resolves.toBeUndefined();
    expect([processor.exported, processor.failed]).toEqual([0, 10]);
  });

  it.each([
    ['throws', 'throw'],
    ['reports a failure', 'result'],
  ] as const)('never rejects when the exporter %s', async (_name, fail) => {
    const processor = new InvocationSpanProcessor(failingExporter(fail), { maxExportBatchSize: 3 });

    runInvocation(processor, 5);

    await expect(processor.forceFlush()).resolves.toBeUndefined();
    expect([processor.exported, processor.failed, processor.pending]).toEqual([0, 7, 0]);
  });

  it('counts spans the backend refused as failed, and still delivers later ones', async () => {
    // An export timeout below the exporter's first retry backoff (800 ms at least) makes the
    // 503 fail at once instead of being retried for seconds.
    const processor = new InvocationSpanProcessor(createOtlpExporter(otlp(750)), {
      maxExportBatchSize: 512,
    });
    receiver.setFault({ kind: 'unavailable' });
    runInvocation(processor, 1);
    await processor.forceFlush();
    receiver.setFault('none');

    runInvocation(processor, 1);
    await processor.forceFlush();

    expect([processor.exported, processor.failed]).toEqual([3, 3]);
    expect(receiver.spans).toHaveLength(3);
  });

  it('flushes on shutdown and ignores spans that end afterwards', async () => {
    const processor = new InvocationSpanProcessor(createOtlpExporter(otlp()), {
      maxExportBatchSize: 512,
    });
    runInvocation(processor, 2);

    await processor.shutdown();
    runInvocation(processor, 2);
    await processor.forceFlush();

    expect(receiver.spans).toHaveLength(4);
    expect(processor.pending).toBe(0);
  });
});
