import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { withoutLambdaEnvFallback } from '../src/context-hints.js';
import { httpHeadersGetter } from '../src/http-headers-carrier.js';
import { LAMBDA_TRACE_ENV, XRayLambdaPropagator } from '../src/xray-lambda-propagator.js';
import { anyValue, baseContext, expectUnchangedOrValid, numRuns } from './support/arbitraries.js';

const ENV_HEADER = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
const CARRIER_HEADER = 'Root=1-66666666-bd862e3fe1be46a994272793;Parent=1111111111111111;Sampled=0';
const propagator = new XRayLambdaPropagator();

describe('LAMBDA_TRACE_ENV', () => {
  it('is the runtime variable', () => {
    expect(LAMBDA_TRACE_ENV).toBe('_X_AMZN_TRACE_ID');
  });
});

describe('XRayLambdaPropagator', () => {
  it('prefers a valid carrier header over _X_AMZN_TRACE_ID', () => {
    // Arrange
    vi.stubEnv(LAMBDA_TRACE_ENV, ENV_HEADER);
    // Act
    const ctx = propagator.extract(
      ROOT_CONTEXT,
      { 'x-amzn-trace-id': CARRIER_HEADER },
      httpHeadersGetter,
    );
    // Assert
    expect(trace.getSpanContext(ctx)?.spanId).toBe('1111111111111111');
  });

  it.each<[string, Record<string, string>]>([
    ['no header', {}],
    ['an invalid header', { 'x-amzn-trace-id': 'Root=junk' }],
  ])('falls back to _X_AMZN_TRACE_ID with %s', (_name, carrier) => {
    // Arrange
    vi.stubEnv(LAMBDA_TRACE_ENV, ENV_HEADER);
    // Act
    const ctx = propagator.extract(ROOT_CONTEXT, carrier, httpHeadersGetter);
    // Assert
    expect(trace.getSpanContext(ctx)).toEqual({
      traceId: '5759e988bd862e3fe1be46a994272793',
      spanId: '53995c3f42cd8ad8',
      traceFlags: 1,
      isRemote: true,
    });
  });

  it('reads the variable at each extraction', () => {
    // Arrange
    vi.stubEnv(LAMBDA_TRACE_ENV, ENV_HEADER);
    const first = propagator.extract(ROOT_CONTEXT, {}, httpHeadersGetter);
    vi.stubEnv(LAMBDA_TRACE_ENV, CARRIER_HEADER);
    // Act
    const second = propagator.extract(ROOT_CONTEXT, {}, httpHeadersGetter);
    // Assert
    expect(trace.getSpanContext(first)?.spanId).toBe('53995c3f42cd8ad8');
    expect(trace.getSpanContext(second)?.spanId).toBe('1111111111111111');
  });

  it('gives the context unchanged when the variable is unset, invalid or the chain turned the fallback off', () => {
    vi.stubEnv(LAMBDA_TRACE_ENV, '');
    expect(propagator.extract(ROOT_CONTEXT, {}, httpHeadersGetter)).toBe(ROOT_CONTEXT);
    vi.stubEnv(LAMBDA_TRACE_ENV, 'Root=1-zz');
    expect(propagator.extract(ROOT_CONTEXT, {}, httpHeadersGetter)).toBe(ROOT_CONTEXT);
    vi.stubEnv(LAMBDA_TRACE_ENV, ENV_HEADER);
    const quiet = withoutLambdaEnvFallback(ROOT_CONTEXT);
    expect(propagator.extract(quiet, {}, httpHeadersGetter)).toBe(quiet);
  });

  it('injects and lists fields as X-Ray', () => {
    // Arrange
    const carrier: Record<string, string> = {};
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '5759e988bd862e3fe1be46a994272793',
      spanId: '53995c3f42cd8ad8',
      traceFlags: 1,
    });
    // Act
    propagator.inject(ctx, carrier, {
      set: (c, k, v) => {
        (c as Record<string, string>)[k] = v;
      },
    });
    // Assert
    expect(carrier).toEqual({ 'x-amzn-trace-id': ENV_HEADER });
    expect(propagator.fields()).toEqual(['x-amzn-trace-id']);
  });

  it('never throws and never yields an invalid context (fuzz)', () => {
    vi.stubEnv(LAMBDA_TRACE_ENV, ENV_HEADER);
    fc.assert(
      fc.property(anyValue, (carrier) => {
        expectUnchangedOrValid(propagator.extract(baseContext, carrier, httpHeadersGetter));
      }),
      { numRuns },
    );
  });
});
