import type { EventBridgeEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { eventBridgeEvent, eventBridgeToSqsRecord } from '../../src/events/eventbridge.js';
import { extractW3c, UP, UP_DATADOG, UP_IDS } from '../support/propagation.js';

describe('eventBridgeEvent', () => {
  it('builds an event with the EventBridge envelope', () => {
    // Act
    const event = eventBridgeEvent({ detail: { orderId: 7 }, seed: 1 });

    // Assert
    expectTypeOf(event).toMatchTypeOf<EventBridgeEvent<string, { orderId: number }>>();
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'OrderPlaced',
      source: 'com.example.orders',
      account: '123456789012',
      region: 'us-east-1',
      time: '2024-06-01T12:00:00Z',
      resources: [],
      detail: { orderId: 7 },
    });
  });

  it('puts dd-trace’s _datadog object inside detail', () => {
    // Act
    const event = eventBridgeEvent({
      detail: { orderId: 7 },
      busName: 'orders-bus',
      upstream: { kind: 'datadog', ...UP },
      time: 1_717_243_200_000,
    });

    // Assert
    expect(event.detail.orderId).toBe(7);
    expect(event.detail._datadog).toMatchObject({
      'x-datadog-trace-id': UP_DATADOG.traceId,
      'x-datadog-parent-id': UP_DATADOG.parentId,
      'x-datadog-start-time': '1717243200000',
      'x-datadog-resource-name': 'orders-bus',
    });
  });

  it('puts W3C keys inside detail, and nothing for none', () => {
    // Act
    const w3c = eventBridgeEvent({ upstream: { kind: 'w3c', ...UP, tracestate: 'v=1' } });
    const none = eventBridgeEvent({ detail: { a: 1 }, upstream: { kind: 'none' } });

    // Assert
    expect(extractW3c(w3c.detail as Record<string, string>)).toMatchObject(UP_IDS);
    expect(w3c.detail.tracestate).toBe('v=1');
    expect(none.detail).toStrictEqual({ a: 1 });
  });
});

describe('eventBridgeToSqsRecord', () => {
  it('puts the event in an SQS body, where detail-type and detail._datadog are found', () => {
    // Act
    const record = eventBridgeToSqsRecord({
      region: 'eu-west-1',
      upstream: { kind: 'datadog', ...UP },
      sqsMessageId: 'm-9',
    });
    const body = JSON.parse(record.body);

    // Assert
    expectTypeOf(record).toEqualTypeOf<SQSRecord>();
    expect(body['detail-type']).toBe('OrderPlaced');
    expect(body.detail._datadog['x-datadog-parent-id']).toBe(UP_DATADOG.parentId);
    expect(record).toMatchObject({
      messageId: 'm-9',
      awsRegion: 'eu-west-1',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:orders',
      messageAttributes: {},
    });
  });
});
