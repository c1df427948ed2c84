import { defaultTextMapSetter, ROOT_CONTEXT, type SpanContext, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSamplingDeferred } from '../src/context-hints.js';
import {
  DatadogPropagator,
  datadogToSpanContext,
  spanContextToDatadog,
} from '../src/datadog-propagator.js';
import { httpHeadersGetter } from '../src/http-headers-carrier.js';
import { KitTraceState } from '../src/trace-state.js';
import {
  anyValue,
  baseContext,
  expectUnchangedOrValid,
  headerish,
  hexId,
  numRuns,
  word,
} from './support/arbitraries.js';
import { datadogHeaders } from './support/events.js';

const TRACE = '640cfd8d00000000abcdef0123456789';
const SPAN = '00f067aa0ba902b7';
const propagator = new DatadogPropagator();

function inject(context: Parameters<DatadogPropagator['inject']>[0]): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagator.inject(context, carrier, defaultTextMapSetter);
  return carrier;
}

describe('datadogToSpanContext', () => {
  it.each<[number | undefined, number, string | undefined]>([
    [-1, 0, 's:-1'],
    [0, 0, 's:0'],
    [1, 1, 's:1'],
    [2, 1, 's:2'],
    [undefined, 0, undefined],
  ])('priority %s → flags %i and dd member %s', (samplingPriority, traceFlags, member) => {
    // Act
    const spanContext = datadogToSpanContext({
      traceId: TRACE,
      spanId: SPAN,
      samplingPriority,
      origin: undefined,
      tags: {},
    });
    // Assert
    expect(spanContext).toMatchObject({ traceId: TRACE, spanId: SPAN, traceFlags, isRemote: true });
    expect(spanContext.traceState?.get('dd')).toBe(member);
  });
});

describe('spanContextToDatadog', () => {
  const base: SpanContext = { traceId: TRACE, spanId: SPAN, traceFlags: 1 };
  it.each<[number, string | undefined, boolean, number | undefined]>([
    [1, undefined, false, 1],
    [0, undefined, false, 0],
    [1, 's:2', false, 2],
    [0, 's:-1', false, -1],
    [1, 's:-1', false, 1],
    [0, 's:2', false, 0],
    [1, 's:2', true, undefined],
  ])(
    'flags %i with dd=%s (deferred %s) → priority %s',
    (traceFlags, member, deferred, priority) => {
      // Arrange
      const traceState = member ? new KitTraceState([['dd', member]]) : undefined;
      // Act
      const datadog = spanContextToDatadog({ ...base, traceFlags, traceState }, deferred);
      // Assert
      expect(datadog.samplingPriority).toBe(priority);
    },
  );
});

describe('DatadogPropagator', () => {
  it('keeps a 128-bit trace started by Datadog across a hop', () => {
    // Arrange
    const headers = datadogHeaders({
      traceId: TRACE,
      spanId: SPAN,
      sampled: true,
      samplingPriority: 2,
      origin: 'rum',
    });
    // Act
    const ctx = propagator.extract(ROOT_CONTEXT, headers, httpHeadersGetter);
    // Assert
    expect(trace.getSpanContext(ctx)).toMatchObject({
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
    });
    expect(inject(ctx)).toEqual({
      'x-datadog-trace-id': headers['x-datadog-trace-id'],
      'x-datadog-parent-id': headers['x-datadog-parent-id'],
      'x-datadog-sampling-priority': '2',
      'x-datadog-origin': 'rum',
      'x-datadog-tags': '_dd.p.tid=640cfd8d00000000,_dd.p.dm=-4',
    });
  });

  it('keeps priority and origin on a child span started by the SDK', () => {
    // Arrange
    const tracer = new BasicTracerProvider().getTracer('test');
    const parent = propagator.extract(
      ROOT_CONTEXT,
      datadogHeaders({
        traceId: TRACE,
        spanId: SPAN,
        sampled: false,
        samplingPriority: -1,
        origin: 'synthetics',
      }),
      httpHeadersGetter,
    );
    const span = tracer.startSpan('child', {}, parent);
    // Act
    const headers = inject(trace.setSpan(parent, span));
    span.end();
    // Assert
    expect(headers['x-datadog-parent-id']).toBe(
      BigInt(`0x${span.spanContext().spanId}`).toString(),
    );
    expect(headers['x-datadog-sampling-priority']).toBe('-1');
    expect(headers['x-datadog-origin']).toBe('synthetics');
    expect(headers['x-datadog-tags']).toBe('_dd.p.tid=640cfd8d00000000');
  });

  it('keeps the 128-bit id of an OTel trace', () => {
    // Arrange
    const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE, spanId: SPAN, traceFlags: 1 });
    // Act
    const back = propagator.extract(ROOT_CONTEXT, inject(ctx), httpHeadersGetter);
    // Assert
    expect(trace.getSpanContext(back)?.traceId).toBe(TRACE);
  });

  it('marks headers without a priority as deferred and injects them without one', () => {
    // Act
    const ctx = propagator.extract(
      ROOT_CONTEXT,
      { 'x-datadog-trace-id': '1', 'x-datadog-parent-id': '2' },
      httpHeadersGetter,
    );
    // Assert
    expect(isSamplingDeferred(ctx)).toBe(true);
    expect(trace.getSpanContext(ctx)?.traceFlags).toBe(0);
    expect(inject(ctx)['x-datadog-sampling-priority']).toBeUndefined();
  });

  it('reads header names without regard to case and the first of repeated values', () => {
    // Act
    const ctx = propagator.extract(
      ROOT_CONTEXT,
      { 'X-Datadog-Trace-Id': ['5', '6'], 'X-DATADOG-PARENT-ID': '7' },
      httpHeadersGetter,
    );
    // Assert
    expect(trace.getSpanContext(ctx)?.traceId).toBe(`${'0'.repeat(31)}5`);
  });

  it('injects nothing when the trace id cannot be carried or tracing is suppressed', () => {
    // Arrange
    const lowZero = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: `640cfd8d00000000${'0'.repeat(16)}`,
      spanId: SPAN,
      traceFlags: 1,
    });
    const valid = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
    });
    // Act / Assert
    expect(inject(lowZero)).toEqual({});
    expect(inject(suppressTracing(valid))).toEqual({});
    expect(inject(ROOT_CONTEXT)).toEqual({});
  });

  it('lists its fields', () => {
    expect(propagator.fields()).toHaveLength(5);
  });

  it('round-trips span contexts with priorities -1/0/1/2 (fuzz)', () => {
    const input = fc.record({
      traceId: fc.tuple(hexId(16), hexId(16)).map(([a, b]) => a + b),
      spanId: hexId(16),
      priority: fc.integer({ min: -1, max: 2 }),
    });
    fc.assert(
      fc.property(input, ({ traceId, spanId, priority }) => {
        const headers = datadogHeaders({
          traceId,
          spanId,
          sampled: priority > 0,
          samplingPriority: priority,
        });
        const ctx = propagator.extract(ROOT_CONTEXT, headers, httpHeadersGetter);
        const out = inject(ctx);
        expect(trace.getSpanContext(ctx)?.traceId).toBe(traceId);
        expect(out['x-datadog-sampling-priority']).toBe(String(priority));
        expect(out['x-datadog-trace-id']).toBe(headers['x-datadog-trace-id']);
      }),
      { numRuns },
    );
  });

  it('never throws, never yields an invalid context, leaves garbage unchanged (fuzz)', () => {
    const value = fc.oneof(headerish, word('0123456789', 21), anyValue);
    const carrier = fc.record({
      'x-datadog-trace-id': value,
      'x-datadog-parent-id': value,
      'x-datadog-sampling-priority': value,
      'x-datadog-tags': value,
    });
    fc.assert(
      fc.property(carrier, (headers) => {
        expectUnchangedOrValid(propagator.extract(baseContext, headers, httpHeadersGetter));
      }),
      { numRuns },
    );
    fc.assert(
      fc.property(anyValue, (headers) => {
        expect(propagator.extract(baseContext, headers, httpHeadersGetter)).toBe(baseContext);
      }),
      { numRuns },
    );
  });
});
