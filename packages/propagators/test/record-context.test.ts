import { propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createCompositePropagator } from '../src/composite-propagator.js';
import { isSyntheticParent } from '../src/context-hints.js';
import { DEFAULT_RECORD_CONTEXT_ORDER, extractRecordContext } from '../src/record-context.js';
import type { RecordContextSource } from '../src/types.js';
import { anyValue, baseContext, expectUnchangedOrValid, numRuns } from './support/arbitraries.js';
import {
  eventBridgeEvent,
  eventBridgeToSqsRecord,
  snsRecord,
  snsToSqsRecord,
  sqsRecord,
  upstreamContext,
  xrayTraceHeader,
} from './support/events.js';

const up = upstreamContext({ seed: 21 });
const other = upstreamContext({ seed: 22 });
const third = upstreamContext({ seed: 23 });
const spanOf = (result: ReturnType<typeof extractRecordContext>) =>
  trace.getSpanContext(result.context);

describe('DEFAULT_RECORD_CONTEXT_ORDER', () => {
  it('tries message attributes, _datadog, SNS, EventBridge, then AWSTraceHeader', () => {
    expect(DEFAULT_RECORD_CONTEXT_ORDER).toEqual([
      'message-attributes',
      'datadog',
      'sns',
      'eventbridge',
      'aws-trace-header',
    ]);
  });
});

describe('extractRecordContext', () => {
  it.each<[RecordContextSource, () => unknown]>([
    ['message-attributes', () => sqsRecord({ upstream: { kind: 'w3c', ...up, baggage: 'k=v' } })],
    ['datadog', () => sqsRecord({ upstream: { kind: 'datadog-string', ...up } })],
    ['datadog', () => sqsRecord({ upstream: { kind: 'datadog-binary', ...up } })],
    ['sns', () => snsToSqsRecord({ upstream: { kind: 'w3c', ...up } })],
    ['sns', () => snsToSqsRecord({ upstream: { kind: 'datadog-binary', ...up } })],
    ['eventbridge', () => eventBridgeToSqsRecord({ upstream: { kind: 'w3c', ...up } })],
    ['eventbridge', () => eventBridgeToSqsRecord({ upstream: { kind: 'datadog', ...up } })],
    [
      'eventbridge',
      () => snsToSqsRecord({ message: eventBridgeEvent({ upstream: { kind: 'datadog', ...up } }) }),
    ],
    [
      'eventbridge',
      () => snsRecord({ message: eventBridgeEvent({ upstream: { kind: 'w3c', ...up } }) }),
    ],
    ['aws-trace-header', () => sqsRecord({ upstream: { kind: 'xray', ...up } })],
    ['message-attributes', () => snsRecord({ upstream: { kind: 'w3c', ...up } })],
    ['datadog', () => snsRecord({ upstream: { kind: 'datadog-binary', ...up } })],
    ['message-attributes', () => snsToSqsRecord({ raw: true, upstream: { kind: 'w3c', ...up } })],
  ])('reads %s (%#)', (source, makeRecord) => {
    // Act
    const result = extractRecordContext(makeRecord());
    // Assert
    expect(result.source).toBe(source);
    expect(spanOf(result)).toMatchObject({
      traceId: up.traceId,
      spanId: up.spanId,
      isRemote: true,
    });
    expect(result.links).toBeUndefined();
  });

  it('keeps baggage from message attributes', () => {
    const result = extractRecordContext(
      sqsRecord({ upstream: { kind: 'w3c', ...up, baggage: 'k=v' } }),
    );
    expect(propagation.getBaggage(result.context)?.getEntry('k')?.value).toBe('v');
  });

  it('keeps the trace of a Root-only AWSTraceHeader', () => {
    // Act
    const result = extractRecordContext(
      sqsRecord({ attributes: { AWSTraceHeader: xrayTraceHeader(up, { rootOnly: true }) } }),
    );
    // Assert
    expect(result.source).toBe('aws-trace-header');
    expect(spanOf(result)?.traceId).toBe(up.traceId);
    expect(isSyntheticParent(result.context)).toBe(true);
  });

  it('chooses the first source in order and links the other traces', () => {
    // Arrange
    const record = sqsRecord({
      upstream: [
        { kind: 'w3c', ...up },
        { kind: 'datadog-string', ...other },
        { kind: 'xray', ...third },
      ],
    });
    // Act
    const result = extractRecordContext(record);
    // Assert
    expect(result.source).toBe('message-attributes');
    expect(result.links?.map((link) => link.traceId)).toEqual([other.traceId, third.traceId]);
  });

  it('follows a configured order and ignores sources left out', () => {
    // Arrange
    const record = sqsRecord({
      upstream: [
        { kind: 'w3c', ...up },
        { kind: 'xray', ...third },
      ],
    });
    // Act
    const xrayFirst = extractRecordContext(record, {
      order: ['aws-trace-header', 'message-attributes'],
    });
    const onlyDatadog = extractRecordContext(record, { order: ['datadog'] });
    const none = extractRecordContext(record, { order: [] });
    // Assert
    expect(xrayFirst.source).toBe('aws-trace-header');
    expect(spanOf(xrayFirst)?.traceId).toBe(third.traceId);
    expect(onlyDatadog).toEqual({ context: ROOT_CONTEXT, source: undefined });
    expect(none.source).toBeUndefined();
  });

  it('does not link the same trace twice', () => {
    // Arrange: X-Ray header of the same trace as the W3C attributes
    const record = sqsRecord({
      upstream: [
        { kind: 'w3c', ...up },
        { kind: 'xray', ...up, spanId: other.spanId },
      ],
    });
    // Act / Assert
    expect(extractRecordContext(record).links).toBeUndefined();
  });

  it('uses the given propagator for message attributes', () => {
    // Arrange
    const record = sqsRecord({
      messageAttributes: {
        'x-b3-traceid': {
          dataType: 'String',
          stringValue: up.traceId,
          stringListValues: [],
          binaryListValues: [],
        },
        'x-b3-spanid': {
          dataType: 'String',
          stringValue: up.spanId,
          stringListValues: [],
          binaryListValues: [],
        },
      },
    });
    // Act
    const result = extractRecordContext(record, {
      propagator: createCompositePropagator(['b3multi']),
    });
    // Assert
    expect(result.source).toBe('message-attributes');
  });

  it('never uses the xray-lambda fallback: a record is not the invocation', () => {
    // Arrange
    vi.stubEnv('_X_AMZN_TRACE_ID', xrayTraceHeader(third));
    const propagator = createCompositePropagator(['tracecontext', 'xray-lambda']);
    // Act
    const withDatadog = extractRecordContext(
      sqsRecord({ upstream: { kind: 'datadog-string', ...up } }),
      { propagator },
    );
    const empty = extractRecordContext(sqsRecord(), { propagator });
    // Assert
    expect(withDatadog.source).toBe('datadog');
    expect(spanOf(withDatadog)?.traceId).toBe(up.traceId);
    expect(withDatadog.links).toBeUndefined();
    expect(empty).toEqual({ context: ROOT_CONTEXT, source: undefined });
    expect(propagator.extract(ROOT_CONTEXT, {}, { get: () => undefined, keys: () => [] })).not.toBe(
      ROOT_CONTEXT,
    );
  });

  it('extracts into the given base context', () => {
    const result = extractRecordContext(sqsRecord({ upstream: { kind: 'w3c', ...up } }), {
      context: baseContext,
    });
    expect(spanOf(result)?.traceId).toBe(up.traceId);
    expect(extractRecordContext(sqsRecord(), { context: baseContext }).context).toBe(baseContext);
  });

  it('never throws, never yields an invalid context, leaves garbage unchanged (fuzz)', () => {
    const record = fc.record(
      {
        messageAttributes: fc.oneof(
          anyValue,
          fc.dictionary(fc.constantFrom('traceparent', '_datadog', 'tracestate'), anyValue),
        ),
        attributes: fc.oneof(anyValue, fc.record({ AWSTraceHeader: fc.string() })),
        body: fc.oneof(
          fc.json(),
          anyValue,
          fc.constant(
            '{"Type":"Notification","TopicArn":"a","MessageAttributes":{"traceparent":{"Type":"String","Value":"00-x"}}}',
          ),
        ),
        Sns: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(record, anyValue), (input) => {
        const result = extractRecordContext(input, { context: baseContext });
        expectUnchangedOrValid(result.context);
        if (result.source === undefined) expect(result.context).toBe(baseContext);
      }),
      { numRuns },
    );
  });
});
