import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  trace,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { httpHeadersGetter } from '../src/http-headers-carrier.js';
import {
  TRACEPARENT_HEADER,
  TRACESTATE_HEADER,
  TraceContextPropagator,
} from '../src/trace-context-propagator.js';
import { formatTraceparent } from '../src/traceparent.js';
import {
  anyValue,
  baseContext,
  expectUnchangedOrValid,
  headerish,
  mutated,
  numRuns,
  spanContextArb,
} from './support/arbitraries.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const propagator = new TraceContextPropagator();

function extractHeaders(headers: Record<string, unknown>) {
  return propagator.extract(ROOT_CONTEXT, headers, httpHeadersGetter);
}

function injectHeaders(context = ROOT_CONTEXT): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagator.inject(context, carrier, defaultTextMapSetter);
  return carrier;
}

describe('TRACEPARENT_HEADER', () => {
  it('names the W3C headers', () => {
    expect([TRACEPARENT_HEADER, TRACESTATE_HEADER]).toEqual(['traceparent', 'tracestate']);
  });
});

describe('TraceContextPropagator', () => {
  it('extracts traceparent and tracestate', () => {
    // Act
    const ctx = extractHeaders({
      traceparent: `00-${TRACE}-${SPAN}-01`,
      tracestate: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
    });
    // Assert
    const spanContext = trace.getSpanContext(ctx);
    expect(spanContext).toMatchObject({
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
      isRemote: true,
    });
    expect(spanContext?.traceState?.serialize()).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
  });

  it.each<[string, Record<string, unknown>]>([
    [
      'two traceparent headers',
      { traceparent: [`00-${TRACE}-${SPAN}-01`, `00-${TRACE}-${SPAN}-00`] },
    ],
    [
      'two headers joined by Node',
      { traceparent: `00-${TRACE}-${SPAN}-01, 00-${TRACE}-${SPAN}-01` },
    ],
    ['tracestate without traceparent', { tracestate: 'a=1' }],
    [
      'an invalid traceparent with a valid tracestate',
      { traceparent: `00-${TRACE}-${SPAN}-1`, tracestate: 'a=1' },
    ],
  ])('gives no context for %s', (_name, headers) => {
    expect(extractHeaders(headers)).toBe(ROOT_CONTEXT);
  });

  it('drops an invalid tracestate but keeps the traceparent', () => {
    // Act
    const ctx = extractHeaders({
      traceparent: `00-${TRACE}-${SPAN}-01`,
      tracestate: 'foo=bar=baz',
    });
    // Assert
    expect(trace.getSpanContext(ctx)?.traceId).toBe(TRACE);
    expect(trace.getSpanContext(ctx)?.traceState).toBeUndefined();
  });

  it('re-emits a future version as version 00 with unknown flags cleared', () => {
    // Arrange
    const ctx = extractHeaders({ traceparent: `cc-${TRACE}-${SPAN}-ff-future` });
    // Act
    const headers = injectHeaders(ctx);
    // Assert
    expect(headers.traceparent).toBe(`00-${TRACE}-${SPAN}-03`);
  });

  it('keeps the random trace-id flag on a child span started by the SDK', () => {
    // Arrange
    const tracer = new BasicTracerProvider().getTracer('test');
    const parent = extractHeaders({ traceparent: `00-${TRACE}-${SPAN}-03`, tracestate: 'a=1' });
    const span = tracer.startSpan('child', {}, parent);
    // Act
    const headers = injectHeaders(trace.setSpan(ROOT_CONTEXT, span));
    const fromChildOnly = injectHeaders(trace.setSpan(parent, span));
    span.end();
    // Assert
    expect(span.spanContext().traceFlags).toBe(1);
    expect(headers.traceparent).toBe(`00-${TRACE}-${span.spanContext().spanId}-01`);
    expect(fromChildOnly.traceparent).toBe(`00-${TRACE}-${span.spanContext().spanId}-03`);
    expect(fromChildOnly.tracestate).toBe('a=1');
  });

  it('does not put the random flag on another trace', () => {
    // Arrange
    const parent = extractHeaders({ traceparent: `00-${TRACE}-${SPAN}-03` });
    const other = trace.setSpanContext(parent, {
      traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      spanId: SPAN,
      traceFlags: 1,
    });
    // Act / Assert
    expect(injectHeaders(other).traceparent?.endsWith('-01')).toBe(true);
  });

  it('injects nothing without a valid span context or when tracing is suppressed', () => {
    // Arrange
    const valid = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: 1,
    });
    const invalid = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0'.repeat(32),
      spanId: SPAN,
      traceFlags: 1,
    });
    // Act / Assert
    expect(injectHeaders(ROOT_CONTEXT)).toEqual({});
    expect(injectHeaders(invalid)).toEqual({});
    expect(injectHeaders(suppressTracing(valid))).toEqual({});
  });

  it('lists its fields', () => {
    expect(propagator.fields()).toEqual(['traceparent', 'tracestate']);
  });

  it('round-trips any valid span context (fuzz)', () => {
    fc.assert(
      fc.property(spanContextArb, (spanContext) => {
        const headers = injectHeaders(trace.setSpanContext(ROOT_CONTEXT, spanContext));
        const extracted = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
        expect(trace.getSpanContext(extracted)).toEqual(spanContext);
      }),
      { numRuns },
    );
  });

  it('never throws, never yields an invalid context, leaves garbage unchanged (fuzz)', () => {
    const traceparent = fc.oneof(
      headerish,
      mutated(spanContextArb.map((sc) => formatTraceparent(sc))),
    );
    fc.assert(
      fc.property(traceparent, fc.oneof(headerish, anyValue), (tp, ts) => {
        const result = propagator.extract(
          baseContext,
          { traceparent: tp, tracestate: ts },
          httpHeadersGetter,
        );
        expectUnchangedOrValid(result);
      }),
      { numRuns },
    );
    fc.assert(
      fc.property(anyValue, (carrier) => {
        expect(propagator.extract(baseContext, carrier, httpHeadersGetter)).toBe(baseContext);
      }),
      { numRuns },
    );
  });
});
