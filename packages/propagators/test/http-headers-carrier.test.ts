import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompositePropagator } from '../src/composite-propagator.js';
import {
  httpHeadersGetter,
  httpHeadersSetter,
  lambdaHttpEventGetter,
} from '../src/http-headers-carrier.js';
import { anyValue, baseContext, expectUnchangedOrValid, numRuns } from './support/arbitraries.js';
import {
  apiGatewayV1Event,
  apiGatewayV2Event,
  traceparent,
  upstreamContext,
} from './support/events.js';

const up = upstreamContext({ seed: 7 });
const w3c = createCompositePropagator(['tracecontext', 'baggage']);

describe('httpHeadersGetter', () => {
  it('reads header names without regard to case and keeps repeated values whole', () => {
    // Arrange
    const headers = { TraceParent: 'a', 'set-cookie': ['x', 'y'] };
    // Act / Assert
    expect(httpHeadersGetter.get(headers, 'traceparent')).toBe('a');
    expect(httpHeadersGetter.get(headers, 'Set-Cookie')).toEqual(['x', 'y']);
    expect(httpHeadersGetter.keys(headers)).toEqual(['TraceParent', 'set-cookie']);
  });

  it('never throws (fuzz)', () => {
    fc.assert(
      fc.property(anyValue, fc.string(), (carrier, key) => {
        httpHeadersGetter.get(carrier, key);
        httpHeadersGetter.keys(carrier);
      }),
      { numRuns },
    );
  });
});

describe('httpHeadersSetter', () => {
  it('writes lowercase names', () => {
    const headers: Record<string, string> = {};
    httpHeadersSetter.set(headers, 'X-Amzn-Trace-Id', 'v');
    expect(headers).toEqual({ 'x-amzn-trace-id': 'v' });
  });
});

describe('lambdaHttpEventGetter', () => {
  it('reads an API Gateway v2 event', () => {
    // Arrange
    const event = apiGatewayV2Event({ upstream: { kind: 'w3c', ...up } });
    // Act
    const ctx = w3c.extract(ROOT_CONTEXT, event, lambdaHttpEventGetter);
    // Assert
    expect(trace.getSpanContext(ctx)?.traceId).toBe(up.traceId);
  });

  it('reads an API Gateway v1 event, multiValueHeaders first', () => {
    // Arrange
    const event = apiGatewayV1Event({ upstream: { kind: 'w3c', ...up } });
    // Act
    const ctx = w3c.extract(ROOT_CONTEXT, event, lambdaHttpEventGetter);
    // Assert
    expect(event.multiValueHeaders).toBeDefined();
    expect(trace.getSpanContext(ctx)?.spanId).toBe(up.spanId);
  });

  it('sees a repeated traceparent in multiValueHeaders and refuses it', () => {
    // Arrange
    const event = {
      headers: { TraceParent: traceparent(up) },
      multiValueHeaders: { TraceParent: [traceparent(up), traceparent({ ...up, sampled: false })] },
    };
    // Act / Assert
    expect(lambdaHttpEventGetter.get(event, 'traceparent')).toHaveLength(2);
    expect(w3c.extract(ROOT_CONTEXT, event, lambdaHttpEventGetter)).toBe(ROOT_CONTEXT);
  });

  it('lists the header names of both maps once', () => {
    expect(
      lambdaHttpEventGetter.keys({ headers: { a: '1', b: '2' }, multiValueHeaders: { a: ['1'] } }),
    ).toEqual(['a', 'b']);
    expect(lambdaHttpEventGetter.keys('x')).toEqual([]);
    expect(lambdaHttpEventGetter.get(null, 'a')).toBeUndefined();
  });

  it('never throws and never yields an invalid context (fuzz)', () => {
    const event = fc.record({ headers: anyValue, multiValueHeaders: anyValue });
    fc.assert(
      fc.property(fc.oneof(event, anyValue), (carrier) => {
        expectUnchangedOrValid(w3c.extract(baseContext, carrier, lambdaHttpEventGetter));
      }),
      { numRuns },
    );
  });
});
