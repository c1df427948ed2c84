import { context, INVALID_SPAN_CONTEXT, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlationFields } from '../src/correlation-fields.js';
import { inSpan, installAsyncContext, realTracing } from './support/tracing.js';

const LOW_64 = (1n << 64n) - 1n;
const tracing = realTracing();
let teardown: () => void;

beforeAll(() => {
  teardown = installAsyncContext();
});
afterAll(async () => {
  teardown();
  await tracing.shutdown();
});

describe('correlationFields', () => {
  it('is empty when no span is active', () => {
    expect(correlationFields()).toEqual({});
  });

  it('gives the active sampled span in OTel hex, trace_flags 01', () => {
    // Act
    const [fields, spanContext] = inSpan(tracing.sampled, (span) => [
      correlationFields(),
      span.spanContext(),
    ]);

    // Assert
    expect(fields).toEqual({
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
      trace_flags: '01',
    });
    expect(fields.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(fields.span_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives trace_flags 00 for an unsampled span, whose ids are still valid', () => {
    const fields = inSpan(tracing.unsampled, () => correlationFields());

    expect(fields.trace_flags).toBe('00');
    expect(fields.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('follows the innermost active span', () => {
    // Act
    const [outer, inner, innerId] = inSpan(tracing.sampled, () => {
      const before = correlationFields();
      return inSpan(tracing.sampled, (child) => [
        before,
        correlationFields(),
        child.spanContext().spanId,
      ]);
    });

    // Assert
    expect(inner.trace_id).toBe(outer.trace_id);
    expect(inner.span_id).toBe(innerId);
    expect(inner.span_id).not.toBe(outer.span_id);
  });

  it('keeps the span across an await', async () => {
    const [fields, spanId] = await tracing.sampled.startActiveSpan('async', async (span) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      span.end();
      return [correlationFields(), span.spanContext().spanId] as const;
    });

    expect(fields.span_id).toBe(spanId);
  });

  it('reads an explicit span or context instead of the active one', () => {
    // Arrange
    const span = tracing.sampled.startSpan('explicit');
    const ctx = trace.setSpan(ROOT_CONTEXT, span);

    // Act
    const fromSpan = correlationFields(span);
    const fromContext = context.with(ROOT_CONTEXT, () => correlationFields(ctx));
    span.end();

    // Assert
    expect(fromSpan.span_id).toBe(span.spanContext().spanId);
    expect(fromContext).toEqual(fromSpan);
  });

  it('is empty for an invalid span context', () => {
    expect(correlationFields(trace.wrapSpanContext(INVALID_SPAN_CONTEXT))).toEqual({});
    expect(correlationFields(ROOT_CONTEXT)).toEqual({});
  });

  it('adds Datadog decimal ids (low 64 bits of the trace id) only when asked', () => {
    // Act
    const [plain, datadog] = inSpan(tracing.sampled, () => [
      correlationFields(),
      correlationFields(undefined, { datadog: true }),
    ]);

    // Assert
    expect(plain.dd).toBeUndefined();
    expect(datadog).toMatchObject({ trace_id: plain.trace_id, span_id: plain.span_id });
    expect(datadog.dd).toEqual({
      trace_id: (BigInt(`0x${plain.trace_id}`) & LOW_64).toString(),
      span_id: BigInt(`0x${plain.span_id}`).toString(),
    });
  });

  it('carries the flags of a remote parent it did not sample', () => {
    // Arrange: a span context as a propagator would extract it, flags 00.
    const remote = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: '00f067aa0ba902b7',
      traceFlags: 0,
      isRemote: true,
    });

    // Act
    const fields = correlationFields(remote, { datadog: true });

    // Assert
    expect(fields).toEqual({
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: '00f067aa0ba902b7',
      trace_flags: '00',
      dd: { trace_id: '9532127138774266268', span_id: '67667974448284343' },
    });
  });
});
