import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientContextGetter } from '../src/client-context-carrier.js';
import { createCompositePropagator } from '../src/composite-propagator.js';
import { anyValue, baseContext, numRuns } from './support/arbitraries.js';
import { clientContext, upstreamContext } from './support/events.js';

const up = upstreamContext({ seed: 3 });

describe('clientContextGetter', () => {
  it.each(['w3c', 'datadog', 'xray', 'b3'] as const)('reads a %s context from custom', (kind) => {
    // Arrange
    const propagator = createCompositePropagator(['tracecontext', 'datadog', 'xray', 'b3multi']);
    // Act
    const ctx = propagator.extract(
      ROOT_CONTEXT,
      clientContext({ upstream: { kind, ...up } }),
      clientContextGetter,
    );
    // Assert
    expect(trace.getSpanContext(ctx)?.spanId).toBe(up.spanId);
  });

  it('accepts Custom and any key casing', () => {
    const carrier = { Custom: { TraceParent: 'x' } };
    expect(clientContextGetter.get(carrier, 'traceparent')).toBe('x');
    expect(clientContextGetter.keys(carrier)).toEqual(['TraceParent']);
    expect(clientContextGetter.get(undefined, 'traceparent')).toBeUndefined();
  });

  it('leaves garbage unchanged (fuzz)', () => {
    const propagator = createCompositePropagator(['tracecontext', 'datadog']);
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ custom: anyValue })), (carrier) => {
        expect(propagator.extract(baseContext, carrier, clientContextGetter)).toBe(baseContext);
      }),
      { numRuns },
    );
  });
});
