import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompositePropagator } from '../src/composite-propagator.js';
import { MAX_MESSAGE_ATTRIBUTES, plan } from '../src/message-attribute-plan.js';
import type { SdkMessageAttributeValue } from '../src/types.js';
import { numRuns, spanContextArb } from './support/arbitraries.js';

const ctx = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '640cfd8d00000000abcdef0123456789',
  spanId: '00f067aa0ba902b7',
  traceFlags: 1,
});
const attrs = (count: number): Record<string, SdkMessageAttributeValue> =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `user${i}`,
      { DataType: 'String', StringValue: String(i) },
    ]),
  );
const everything = createCompositePropagator([
  'tracecontext',
  'baggage',
  'datadog',
  'xray',
  'b3multi',
]);

describe('MAX_MESSAGE_ATTRIBUTES', () => {
  it('is the SQS limit of 10', () => {
    expect(MAX_MESSAGE_ATTRIBUTES).toBe(10);
  });
});

describe('plan', () => {
  it('packs Datadog headers into one _datadog attribute and X-Ray into AWSTraceHeader', () => {
    // Act
    const result = plan({}, ctx, createCompositePropagator(['datadog', 'xray']), true);
    // Assert
    expect(Object.keys(result.attributes)).toEqual(['_datadog']);
    expect(JSON.parse(result.attributes._datadog?.StringValue ?? '{}')).toMatchObject({
      'x-datadog-trace-id': String(BigInt('0xabcdef0123456789')),
    });
    expect(result.systemAttributes?.AWSTraceHeader?.StringValue).toMatch(
      /^Root=1-640cfd8d-00000000abcdef0123456789;Parent=00f067aa0ba902b7;Sampled=1$/,
    );
    expect(result.outcome).toBe('complete');
  });

  it.each<[number, string[], string]>([
    [0, ['traceparent', '_datadog', 'x-b3-traceid', 'x-b3-spanid', 'x-b3-sampled'], 'complete'],
    [8, ['traceparent', '_datadog'], 'partial'],
    [9, ['traceparent'], 'partial'],
    [10, [], 'aws-trace-header'],
    [12, [], 'aws-trace-header'],
  ])('with %i attributes already set, adds %j (%s)', (count, added, outcome) => {
    // Act
    const result = plan({ MessageAttributes: attrs(count) }, ctx, everything, true);
    // Assert
    const names = Object.keys(result.attributes).filter((name) => !name.startsWith('user'));
    expect(names).toEqual(added);
    expect(result.outcome).toBe(outcome);
    expect(Object.keys(result.attributes).length).toBeLessThanOrEqual(
      Math.max(count, MAX_MESSAGE_ATTRIBUTES),
    );
  });

  it('makes an AWSTraceHeader for the fallback when the propagator has no X-Ray', () => {
    // Act
    const result = plan(
      { MessageAttributes: attrs(10) },
      ctx,
      createCompositePropagator(['tracecontext']),
      true,
    );
    // Assert
    expect(result.outcome).toBe('aws-trace-header');
    expect(result.systemAttributes?.AWSTraceHeader?.StringValue).toContain('Root=1-640cfd8d-');
  });

  it('keeps an AWSTraceHeader the caller set and injects nothing when nothing fits', () => {
    // Arrange
    const caller = { AWSTraceHeader: { DataType: 'String', StringValue: 'mine' } };
    // Act
    const result = plan(
      { MessageAttributes: attrs(10), MessageSystemAttributes: caller },
      ctx,
      everything,
      true,
    );
    // Assert
    expect(result.outcome).toBe('none');
    expect(result.systemAttributes).toBe(caller);
  });

  it('replaces attributes of the same name without using room', () => {
    // Arrange
    const input = {
      MessageAttributes: { ...attrs(9), traceparent: { DataType: 'String', StringValue: 'old' } },
    };
    // Act
    const result = plan(input, ctx, createCompositePropagator(['tracecontext', 'datadog']), true);
    // Assert
    expect(result.attributes.traceparent?.StringValue).toMatch(/^00-640cfd8d/);
    expect(result.outcome).toBe('partial');
    expect(Object.keys(result.attributes)).toHaveLength(10);
  });

  it('has nothing to do without a valid span context', () => {
    const result = plan({}, ROOT_CONTEXT, everything, true);
    expect(result).toMatchObject({ outcome: 'none', hadFields: false, attributes: {} });
  });

  it('never passes 10 attributes it did not receive, and injects something whenever it can (fuzz)', () => {
    fc.assert(
      fc.property(
        spanContextArb,
        fc.nat({ max: 12 }),
        fc.boolean(),
        (spanContext, count, system) => {
          const result = plan(
            { MessageAttributes: attrs(count) },
            trace.setSpanContext(ROOT_CONTEXT, spanContext),
            everything,
            system,
          );
          expect(Object.keys(result.attributes).length).toBeLessThanOrEqual(
            Math.max(count, MAX_MESSAGE_ATTRIBUTES),
          );
          const noRoom = count >= MAX_MESSAGE_ATTRIBUTES;
          expect(result.outcome === 'none').toBe(noRoom && !system);
        },
      ),
      { numRuns },
    );
  });
});
