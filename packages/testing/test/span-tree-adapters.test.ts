import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { fromReadableSpans } from '../src/span-tree-adapters.js';
import { assertTreeShape } from '../src/span-tree-assert.js';

describe('fromReadableSpans', () => {
  it('turns spans of the real SDK into tree records that assert like received ones', async () => {
    // Arrange
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'memory' }),
      spanProcessors: [new SimpleSpanProcessor(memory)],
    });
    const tracer = provider.getTracer('t');
    const root = tracer.startSpan('lambda.invoke', { kind: SpanKind.SERVER, startTime: [1, 0] });
    const child = tracer.startSpan(
      'sqs.process',
      {
        kind: SpanKind.CONSUMER,
        startTime: [1, 500],
        links: [{ context: root.spanContext(), attributes: { why: 'test' } }],
      },
      trace.setSpan(ROOT_CONTEXT, root),
    );
    child.addEvent('parsed', { size: 3 }, [1, 600]);
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'bad' });
    child.end([1, 900]);
    root.end([2, 0]);

    // Act
    const records = fromReadableSpans(memory.getFinishedSpans());
    await provider.shutdown();

    // Assert
    expect(records.find((r) => r.name === 'sqs.process')).toMatchObject({
      traceId: root.spanContext().traceId,
      parentSpanId: root.spanContext().spanId,
      kind: SpanKind.CONSUMER,
      startTimeUnixNano: 1_000_000_500n,
      endTimeUnixNano: 1_000_000_900n,
      status: { code: SpanStatusCode.ERROR, message: 'bad' },
      events: [{ name: 'parsed', timeUnixNano: 1_000_000_600n, attributes: { size: 3 } }],
      resource: { 'service.name': 'memory' },
    });
    assertTreeShape(records, {
      name: 'lambda.invoke',
      kind: 'SERVER',
      children: [
        {
          name: 'sqs.process',
          status: 'ERROR',
          links: [{ name: 'lambda.invoke', attributes: { why: 'test' } }],
        },
      ],
    });
  });

  it('reads the SDK 1.x parentSpanId field too', () => {
    // Act
    const [record] = fromReadableSpans([
      {
        name: 'old',
        kind: 0,
        spanContext: () => ({ traceId: 'a'.repeat(32), spanId: '1'.repeat(16) }),
        parentSpanId: '2'.repeat(16),
        startTime: [0, 0],
        endTime: [0, 1],
        attributes: {},
        links: [],
        status: { code: 0 },
        events: [],
      },
    ]);

    // Assert
    expect(record?.parentSpanId).toBe('2'.repeat(16));
    expect(record && 'resource' in record).toBe(false);
  });
});
