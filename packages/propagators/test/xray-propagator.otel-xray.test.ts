import {
  type Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type SpanContext,
  trace,
} from '@opentelemetry/api';
import { AWSXRayPropagator } from '@opentelemetry/propagator-aws-xray';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XRayPropagator } from '../src/xray-propagator.js';
import { numRuns, spanContextArb } from './support/arbitraries.js';

/** At least 10,000 contexts, as the issue asks, or FUZZ_RUNS when larger. */
const CONTEXTS = Math.max(numRuns, 10_000);
const ours = new XRayPropagator();
const official = new AWSXRayPropagator();

function inject(propagator: XRayPropagator | AWSXRayPropagator, spanContext: SpanContext) {
  const carrier: Record<string, string> = {};
  propagator.inject(trace.setSpanContext(ROOT_CONTEXT, spanContext), carrier, defaultTextMapSetter);
  return carrier;
}

function seen(context: Context): SpanContext | undefined {
  const spanContext = trace.getSpanContext(context);
  return (
    spanContext && {
      traceId: spanContext.traceId,
      spanId: spanContext.spanId,
      traceFlags: spanContext.traceFlags,
      isRemote: spanContext.isRemote ?? false,
    }
  );
}

describe('XRayPropagator against @opentelemetry/propagator-aws-xray', () => {
  it(`agrees both ways on ${CONTEXTS} random contexts`, () => {
    // Arrange
    const contexts = fc.sample(spanContextArb, { numRuns: CONTEXTS, seed: 7 });
    let oursToOfficial = 0;
    let officialToOurs = 0;
    // Act
    for (const spanContext of contexts) {
      const byOurs = inject(ours, spanContext);
      const byOfficial = inject(official, spanContext);
      if (byOurs['x-amzn-trace-id'] === byOfficial['x-amzn-trace-id']) {
        const a = seen(official.extract(ROOT_CONTEXT, byOurs, defaultTextMapGetter));
        if (JSON.stringify(a) === JSON.stringify(spanContext)) oursToOfficial += 1;
        const b = seen(ours.extract(ROOT_CONTEXT, byOfficial, defaultTextMapGetter));
        if (JSON.stringify(b) === JSON.stringify(spanContext)) officialToOurs += 1;
      }
    }
    // Assert
    expect({ oursToOfficial, officialToOurs }).toEqual({
      oursToOfficial: CONTEXTS,
      officialToOurs: CONTEXTS,
    });
  });

  it.each<[string, string, 'same' | 'ours only']>([
    [
      'Sampled=1',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      'same',
    ],
    [
      'Sampled=0',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
      'same',
    ],
    [
      'Lineage (ignored by both)',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1',
      'same',
    ],
    [
      'parts in another order',
      'Sampled=1;Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793',
      'same',
    ],
    [
      'Sampled=? (official: no context)',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=?',
      'ours only',
    ],
    [
      'no Sampled (official: no context)',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8',
      'ours only',
    ],
    [
      'Root only, Lambda PassThrough (official: no context)',
      'Root=1-5759e988-bd862e3fe1be46a994272793',
      'ours only',
    ],
    [
      'Root and Sampled=1, no Parent (official: no context)',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
      'ours only',
    ],
  ])('%s', (_name, header, expected) => {
    // Act
    const carrier = { 'X-Amzn-Trace-Id': header };
    const fromOfficial = seen(official.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter));
    const fromOurs = seen(ours.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter));
    // Assert
    expect(fromOurs?.traceId).toBe('5759e988bd862e3fe1be46a994272793');
    if (expected === 'same') expect(fromOurs).toEqual(fromOfficial);
    else expect(fromOfficial).toBeUndefined();
  });
});
