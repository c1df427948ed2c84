import {
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
  type TextMapPropagator,
  trace,
} from '@opentelemetry/api';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCompositePropagator,
  createPropagator,
  KitCompositePropagator,
} from '../src/composite-propagator.js';
import { getOtherUpstreamContexts } from '../src/context-hints.js';
import { DatadogPropagator } from '../src/datadog-propagator.js';
import { httpHeadersGetter } from '../src/http-headers-carrier.js';
import { TraceContextPropagator } from '../src/trace-context-propagator.js';
import { XRayLambdaPropagator } from '../src/xray-lambda-propagator.js';
import {
  anyValue,
  baseContext,
  expectUnchangedOrValid,
  numRuns,
  word,
} from './support/arbitraries.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';
import {
  b3Headers,
  b3SingleHeader,
  datadogHeaders,
  traceparent,
  xrayTraceHeader,
} from './support/events.js';

const UP = {
  traceId: '640cfd8d00000000abcdef0123456789',
  spanId: '00f067aa0ba902b7',
  sampled: true,
};
const OTHER = {
  traceId: '11111111111111112222222222222222',
  spanId: '3333333333333333',
  sampled: true,
};

let diagSpy: ReturnType<typeof spyOnDiag>;
beforeEach(() => {
  diagSpy = spyOnDiag();
});
afterEach(stopDiagSpy);

function inject(propagator: TextMapPropagator, traceFlags = 1): Record<string, string> {
  const carrier: Record<string, string> = {};
  const ctx = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: UP.traceId,
    spanId: UP.spanId,
    traceFlags,
  });
  propagator.inject(ctx, carrier, defaultTextMapSetter);
  return carrier;
}

describe('createPropagator', () => {
  it.each<[string, unknown]>([
    ['tracecontext', TraceContextPropagator],
    [' Datadog ', DatadogPropagator],
    ['xray-lambda', XRayLambdaPropagator],
  ])('creates %s', (name, type) => {
    expect(createPropagator(name)).toBeInstanceOf(type);
  });

  it.each(['none', 'jaeger', 'toString', ''])('gives undefined for %j', (name) => {
    expect(createPropagator(name)).toBeUndefined();
  });
});

describe('createCompositePropagator', () => {
  it('dedupes, drops none, lets xray-lambda replace xray, and warns once per unknown name', () => {
    // Act
    const composite = createCompositePropagator([
      'xray',
      'TraceContext',
      'tracecontext',
      'none',
      'jaeger',
      'xray-lambda',
      'jaeger',
      '',
    ]);
    createCompositePropagator(['jaeger']);
    // Assert
    expect(composite.names).toEqual(['tracecontext', 'xray-lambda']);
    expect(diagSpy.warnings).toEqual(['lambda-otel-kit: unknown propagator "jaeger" ignored']);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['tracecontext', { traceparent: `00-${UP.traceId}-${UP.spanId}-01` }, ['traceparent']],
    ['baggage', {}, []],
    ['b3', { b3: `${UP.traceId}-${UP.spanId}-1` }, ['b3']],
    [
      'b3multi',
      { 'x-b3-traceid': UP.traceId, 'x-b3-spanid': UP.spanId, 'x-b3-sampled': '1' },
      ['x-b3-traceid'],
    ],
    ['xray', { 'x-amzn-trace-id': xrayTraceHeader(UP) }, ['x-amzn-trace-id']],
    [
      'datadog',
      { 'x-datadog-trace-id': BigInt('0xabcdef0123456789').toString() },
      ['x-datadog-trace-id'],
    ],
  ])('injects %s', (name, expected, fields) => {
    // Act
    const carrier = inject(createCompositePropagator([name]));
    // Assert
    expect(carrier).toMatchObject(expected);
    expect(createCompositePropagator([name]).fields()).toEqual(expect.arrayContaining(fields));
  });

  it.each<[string, Record<string, string>]>([
    ['tracecontext', { traceparent: traceparent(UP) }],
    ['b3', { b3: b3SingleHeader(UP) }],
    ['b3multi', b3Headers(UP)],
    ['xray', { 'x-amzn-trace-id': xrayTraceHeader(UP) }],
    ['datadog', datadogHeaders(UP)],
  ])('extracts %s', (name, headers) => {
    // Act
    const ctx = createCompositePropagator([name]).extract(ROOT_CONTEXT, headers, httpHeadersGetter);
    // Assert
    expect(trace.getSpanContext(ctx)).toMatchObject({
      traceId: UP.traceId,
      spanId: UP.spanId,
      traceFlags: 1,
    });
  });

  it('adds baggage on top of the chosen span context', () => {
    // Act
    const ctx = createCompositePropagator(['tracecontext', 'baggage']).extract(
      ROOT_CONTEXT,
      { traceparent: traceparent(UP), baggage: 'user=alice' },
      httpHeadersGetter,
    );
    // Assert
    expect(trace.getSpanContext(ctx)?.traceId).toBe(UP.traceId);
    expect(propagation.getBaggage(ctx)?.getEntry('user')?.value).toBe('alice');
  });

  it('lets W3C win over Datadog for the same trace with another span id, keeping the dd member', () => {
    // Arrange
    const headers = {
      ...datadogHeaders({ ...UP, samplingPriority: 2, origin: 'rum' }),
      traceparent: `00-${UP.traceId}-aaaaaaaaaaaaaaaa-01`,
      tracestate: 'x=1',
    };
    // Act
    const ctx = createCompositePropagator(['datadog', 'tracecontext']).extract(
      ROOT_CONTEXT,
      headers,
      httpHeadersGetter,
    );
    // Assert
    const spanContext = trace.getSpanContext(ctx);
    expect(spanContext?.spanId).toBe('aaaaaaaaaaaaaaaa');
    expect(spanContext?.traceState?.serialize()).toBe('dd=s:2;o:rum;t.dm:-4,x=1');
    expect(getOtherUpstreamContexts(ctx)).toEqual([]);
  });

  it('chooses the first member for different traces and keeps the other for links', () => {
    // Arrange
    const headers = { ...datadogHeaders(UP), traceparent: traceparent(OTHER) };
    // Act
    const ctx = createCompositePropagator(['datadog', 'tracecontext']).extract(
      ROOT_CONTEXT,
      headers,
      httpHeadersGetter,
    );
    // Assert
    expect(trace.getSpanContext(ctx)?.traceId).toBe(UP.traceId);
    expect(getOtherUpstreamContexts(ctx).map((sc) => sc.traceId)).toEqual([OTHER.traceId]);
  });

  it('skips a member that throws and warns once', () => {
    // Arrange
    const composite = new KitCompositePropagator(['datadog', 'tracecontext']);
    const throwing = {
      get: (_c: unknown, key: string) => {
        if (key.startsWith('x-datadog')) throw new Error('boom');
        return key === 'traceparent' ? traceparent(UP) : undefined;
      },
      keys: () => [],
    };
    // Act
    const ctx = composite.extract(ROOT_CONTEXT, {}, throwing);
    composite.extract(ROOT_CONTEXT, {}, throwing);
    const carrier = {};
    composite.inject(
      trace.setSpanContext(ROOT_CONTEXT, { traceId: UP.traceId, spanId: UP.spanId, traceFlags: 1 }),
      carrier,
      {
        set: () => {
          throw new Error('full');
        },
      },
    );
    // Assert
    expect(trace.getSpanContext(ctx)?.spanId).toBe(UP.spanId);
    expect(diagSpy.warnings).toEqual([
      'lambda-otel-kit: datadog extraction failed: Error: boom',
      'lambda-otel-kit: datadog injection failed: Error: full',
      'lambda-otel-kit: tracecontext injection failed: Error: full',
    ]);
  });

  it('does nothing with an empty list', () => {
    const composite = createCompositePropagator(['none']);
    expect(inject(composite)).toEqual({});
    expect(
      composite.extract(ROOT_CONTEXT, { traceparent: traceparent(UP) }, httpHeadersGetter),
    ).toBe(ROOT_CONTEXT);
  });

  it('never throws, never yields an invalid context, leaves garbage unchanged (fuzz)', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', '');
    const composite = createCompositePropagator([
      'tracecontext',
      'baggage',
      'b3',
      'b3multi',
      'xray-lambda',
      'datadog',
    ]);
    fc.assert(
      fc.property(anyValue, (carrier) => {
        const result = composite.extract(baseContext, carrier, httpHeadersGetter);
        expect(trace.getSpanContext(result)).toBe(trace.getSpanContext(baseContext));
      }),
      { numRuns },
    );
    const headers = fc.dictionary(
      fc.constantFrom(
        'traceparent',
        'b3',
        'x-b3-traceid',
        'x-b3-spanid',
        'x-amzn-trace-id',
        'x-datadog-trace-id',
        'x-datadog-parent-id',
      ),
      fc.oneof(fc.string(), word('0123456789abcdef-', 40)),
    );
    fc.assert(
      fc.property(headers, (carrier) => {
        expectUnchangedOrValid(composite.extract(baseContext, carrier, httpHeadersGetter));
      }),
      { numRuns },
    );
  });
});
