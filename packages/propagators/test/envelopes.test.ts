import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventBridgeInBody,
  jsonObject,
  parseEventBridgeEnvelope,
  parseSnsEnvelope,
} from '../src/envelopes.js';
import { anyValue, numRuns } from './support/arbitraries.js';
import {
  eventBridgeEvent,
  eventBridgeToSqsRecord,
  snsToSqsRecord,
  sqsRecord,
} from './support/events.js';

describe('jsonObject', () => {
  it.each<[unknown, unknown]>([
    ['{"a":1}', { a: 1 }],
    ['  {"a":1}', { a: 1 }],
    [{ a: 1 }, { a: 1 }],
    ['[1]', undefined],
    ['{broken', undefined],
    ['"x"', undefined],
    [`{"a":"${'x'.repeat(256 * 1024)}"}`, undefined],
    [7, undefined],
  ])('%#', (body, expected) => {
    expect(jsonObject(body)).toEqual(expected);
  });
});

describe('parseSnsEnvelope', () => {
  it('recognizes the notification an SNS topic puts in an SQS body', () => {
    // Arrange
    const record = snsToSqsRecord({ message: 'hi' });
    // Act
    const envelope = parseSnsEnvelope(record.body);
    // Assert
    expect(envelope?.Type).toBe('Notification');
    expect(envelope?.Message).toBe('hi');
  });

  it.each<[string, unknown]>([
    ['raw delivery', snsToSqsRecord({ message: 'hi', raw: true }).body],
    ['no TopicArn', '{"Type":"Notification"}'],
    ['another type', '{"Type":"SubscriptionConfirmation","TopicArn":"arn"}'],
    ['a plain body', sqsRecord({ body: { a: 1 } }).body],
  ])('refuses %s', (_name, body) => {
    expect(parseSnsEnvelope(body)).toBeUndefined();
  });

  it('never throws (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.json()), (body) => {
        parseSnsEnvelope(body);
      }),
      { numRuns },
    );
  });
});

describe('parseEventBridgeEnvelope', () => {
  it('recognizes an event directly and inside an SQS body', () => {
    expect(parseEventBridgeEnvelope(eventBridgeEvent({ detail: { a: 1 } }))?.detail).toEqual({
      a: 1,
    });
    expect(
      parseEventBridgeEnvelope(eventBridgeToSqsRecord({ detail: { a: 1 } }).body)?.detail,
    ).toEqual({ a: 1 });
  });

  it('refuses objects without a string detail-type', () => {
    expect(parseEventBridgeEnvelope({ detail: {} })).toBeUndefined();
    expect(parseEventBridgeEnvelope('{"detail-type":1}')).toBeUndefined();
  });

  it('never throws (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.json()), (body) => {
        parseEventBridgeEnvelope(body);
      }),
      { numRuns },
    );
  });
});

describe('eventBridgeInBody', () => {
  it('finds the event in an SQS body and in an SNS notification in it', () => {
    // Arrange
    const event = eventBridgeEvent({ detail: { a: 1 } });
    // Act / Assert
    expect(eventBridgeInBody(JSON.stringify(event))?.detail).toEqual({ a: 1 });
    expect(eventBridgeInBody(snsToSqsRecord({ message: event }).body)?.detail).toEqual({ a: 1 });
    expect(eventBridgeInBody(snsToSqsRecord({ message: 'plain' }).body)).toBeUndefined();
  });
});
