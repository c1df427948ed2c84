import { defaultTextMapSetter, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSamplingDeferred, isSyntheticParent } from '../src/context-hints.js';
import { httpHeadersGetter } from '../src/http-headers-carrier.js';
import { objectGetter } from '../src/object-carrier.js';
import { XRAY_HEADER, XRayPropagator } from '../src/xray-propagator.js';
import {
  anyValue,
  baseContext,
  expectUnchangedOrValid,
  headerish,
  mutated,
  numRuns,
  spanContextArb,
} from './support/arbitraries.js';
import { xrayTraceHeader } from './support/events.js';

const ROOT = 'Root=1-5759e988-bd862e3fe1be46a994272793';
const TRACE = '5759e988bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';
const propagator = new XRayPropagator();

function inject(context = ROOT_CONTEXT, using = propagator): Record<string, string> {
  const carrier: Record<string, string> = {};
  using.inject(context, carrier, defaultTextMapSetter);
  return carrier;
}

const extract = (header: string, using = propagator) =>
  using.extract(ROOT_CONTEXT, { 'X-Amzn-Trace-Id': header }, httpHeadersGetter);

describe('XRAY_HEADER', () => {
  it('is the lowercase header name', () => {
    expect(XRAY_HEADER).toBe('x-amzn-trace-id');
  });
});

describe('XRayPropagator', () => {
  it.each<[string, string, number, boolean, string]>([
    [
      'Sampled=1',
      `${ROOT};Parent=${PARENT};Sampled=1`,
      1,
      false,
      `${ROOT};Parent=${PARENT};Sampled=1`,
    ],
    [
      'Sampled=0',
      `${ROOT};Parent=${PARENT};Sampled=0`,
      0,
      false,
      `${ROOT};Parent=${PARENT};Sampled=0`,
    ],
    [
      'Sampled=?',
      `${ROOT};Parent=${PARENT};Sampled=?`,
      0,
      true,
      `${ROOT};Parent=${PARENT};Sampled=?`,
    ],
    [
      'Lineage kept',
      `${ROOT};Parent=${PARENT};Sampled=1;Lineage=a87bd80c:1`,
      1,
      false,
      `${ROOT};Parent=${PARENT};Sampled=1;Lineage=a87bd80c:1`,
    ],
  ])('extracts and re-injects %s', (_name, header, traceFlags, deferred, reinjected) => {
    // Act
    const ctx = extract(header);
    // Assert
    expect(trace.getSpanContext(ctx)).toEqual({
      traceId: TRACE,
      spanId: PARENT,
      traceFlags,
      isRemote: true,
    });
    expect(isSamplingDeferred(ctx)).toBe(deferred);
    expect(inject(ctx)).toEqual({ 'x-amzn-trace-id': reinjected });
  });

  it('keeps the trace id of a Root-only header under a synthetic parent', () => {
    // Act
    const ctx = extract(ROOT);
    // Assert
    expect(trace.getSpanContext(ctx)).toEqual({
      traceId: TRACE,
      spanId: TRACE.slice(16),
      traceFlags: 0,
      isRemote: true,
    });
    expect(isSyntheticParent(ctx)).toBe(true);
    expect(isSamplingDeferred(ctx)).toBe(true);
    expect(inject(ctx)).toEqual({ 'x-amzn-trace-id': `${ROOT};Sampled=?` });
  });

  it('ignores a Root-only header with rootOnly: ignore', () => {
    expect(extract(ROOT, new XRayPropagator({ rootOnly: 'ignore' }))).toBe(ROOT_CONTEXT);
  });

  it('injects the child span with the sampler decision, not the deferred flag', () => {
    // Arrange
    const tracer = new BasicTracerProvider().getTracer('test');
    const parent = extract(`${ROOT};Sampled=?;Lineage=a87bd80c:1`);
    const span = tracer.startSpan('child', {}, parent);
    // Act
    const headers = inject(trace.setSpan(parent, span));
    span.end();
    // Assert
    expect(headers[XRAY_HEADER]).toBe(
      `${ROOT};Parent=${span.spanContext().spanId};Sampled=0;Lineage=a87bd80c:1`,
    );
  });

  it('reads the header under any casing, even through a case-sensitive getter', () => {
    // Act
    const ctx = propagator.extract(
      ROOT_CONTEXT,
      { 'X-AMZN-TRACE-ID': `${ROOT};Parent=${PARENT};Sampled=1` },
      objectGetter,
    );
    const exact = propagator.extract(
      ROOT_CONTEXT,
      { 'X-Amzn-Trace-Id': `${ROOT};Parent=${PARENT}` },
      { get: (c, k) => (c as Record<string, string>)[k], keys: (c) => Object.keys(c as object) },
    );
    // Assert
    expect(trace.getSpanContext(ctx)?.traceId).toBe(TRACE);
    expect(trace.getSpanContext(exact)?.traceId).toBe(TRACE);
  });

  it('injects nothing without a valid context or when tracing is suppressed', () => {
    const valid = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE,
      spanId: PARENT,
      traceFlags: 1,
    });
    expect(inject(ROOT_CONTEXT)).toEqual({});
    expect(inject(suppressTracing(valid))).toEqual({});
  });

  it('lists its field', () => {
    expect(propagator.fields()).toEqual([XRAY_HEADER]);
  });

  it('round-trips any valid span context (fuzz)', () => {
    fc.assert(
      fc.property(spanContextArb, (spanContext) => {
        const back = propagator.extract(
          ROOT_CONTEXT,
          inject(trace.setSpanContext(ROOT_CONTEXT, spanContext)),
          httpHeadersGetter,
        );
        expect(trace.getSpanContext(back)).toEqual(spanContext);
      }),
      { numRuns },
    );
  });

  it('never throws, never yields an invalid context, leaves garbage unchanged (fuzz)', () => {
    const valid = spanContextArb.map((sc) =>
      xrayTraceHeader({ ...sc, sampled: sc.traceFlags === 1 }),
    );
    fc.assert(
      fc.property(fc.oneof(headerish, mutated(valid), anyValue), (header) => {
        expectUnchangedOrValid(
          propagator.extract(baseContext, { [XRAY_HEADER]: header }, httpHeadersGetter),
        );
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
