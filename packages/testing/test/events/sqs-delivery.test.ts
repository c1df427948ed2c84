import { describe, expect, it } from 'vitest';
import { md5OfMessageAttributes } from '../../src/events/sqs-attributes.js';
import {
  lambdaMessageAttributes,
  queueArnOf,
  sqsEventFromMessages,
  sqsRecordFromMessage,
} from '../../src/events/sqs-delivery.js';
import type { SentSqsMessage } from '../../src/sqs-endpoint-types.js';

const sent = (overrides: Partial<SentSqsMessage> = {}): SentSqsMessage => ({
  messageId: '0f2b5c1e-7a8d-4c35-9b0e-2f6a1d3c4b5a',
  queueUrl: 'http://127.0.0.1:4566/123456789012/orders',
  body: '{"orderId":"o-1"}',
  messageAttributes: {},
  messageSystemAttributes: {},
  sentTimestamp: 1_700_000_000_000,
  action: 'SendMessage',
  ...overrides,
});

describe('lambdaMessageAttributes', () => {
  it('maps string and binary attributes to the record shape', () => {
    // Act
    const mapped = lambdaMessageAttributes({
      traceparent: { DataType: 'String', StringValue: '00-abc' },
      _datadog: { DataType: 'Binary', BinaryValue: 'e30=' },
    });

    // Assert
    expect(mapped).toEqual({
      traceparent: {
        dataType: 'String',
        stringValue: '00-abc',
        stringListValues: [],
        binaryListValues: [],
      },
      _datadog: {
        dataType: 'Binary',
        binaryValue: 'e30=',
        stringListValues: [],
        binaryListValues: [],
      },
    });
  });
});

describe('queueArnOf', () => {
  it.each([
    [
      'https://sqs.eu-west-1.amazonaws.com/111122223333/orders',
      'arn:aws:sqs:eu-west-1:111122223333:orders',
    ],
    [
      'http://127.0.0.1:4566/000000000000/jobs.fifo',
      'arn:aws:sqs:us-east-1:000000000000:jobs.fifo',
    ],
    ['http://localhost/orders', undefined],
    ['http://localhost/abc/orders', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, arn) => {
    // Act / Assert
    expect(queueArnOf(url)).toBe(arn);
  });
});

describe('sqsRecordFromMessage', () => {
  it('delivers the message id, body and attributes as Lambda would', () => {
    // Arrange
    const message = sent({
      messageAttributes: {
        traceparent: {
          DataType: 'String',
          StringValue: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        },
      },
    });

    // Act
    const record = sqsRecordFromMessage(message, { seed: 1 });

    // Assert
    expect(record).toMatchObject({
      messageId: message.messageId,
      body: message.body,
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
      awsRegion: 'us-east-1',
      attributes: { SentTimestamp: '1700000000000', ApproximateReceiveCount: '1' },
      messageAttributes: lambdaMessageAttributes(message.messageAttributes),
      md5OfMessageAttributes: md5OfMessageAttributes(
        lambdaMessageAttributes(message.messageAttributes),
      ),
    });
    expect(record.attributes.AWSTraceHeader).toBeUndefined();
  });

  it('puts the AWSTraceHeader system attribute into attributes.AWSTraceHeader', () => {
    // Arrange
    const header = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    const message = sent({
      messageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: header } },
    });

    // Act
    const record = sqsRecordFromMessage(message);

    // Assert
    expect(record.attributes.AWSTraceHeader).toBe(header);
    expect(record.messageAttributes).toEqual({});
  });

  it('keeps the FIFO group and deduplication id, and honours the options', () => {
    // Arrange
    const message = sent({ messageGroupId: 'g1', messageDeduplicationId: 'd1' });

    // Act
    const record = sqsRecordFromMessage(message, {
      queueArn: 'arn:aws:sqs:eu-west-1:111122223333:orders.fifo',
      receiveCount: 3,
    });

    // Assert
    expect(record.eventSourceARN).toBe('arn:aws:sqs:eu-west-1:111122223333:orders.fifo');
    expect(record.awsRegion).toBe('eu-west-1');
    expect(record.attributes).toMatchObject({
      MessageGroupId: 'g1',
      MessageDeduplicationId: 'd1',
      ApproximateReceiveCount: '3',
    });
  });
});

describe('sqsEventFromMessages', () => {
  it('delivers every message in order, each with its own receipt handle', () => {
    // Arrange
    const messages = ['a', 'b', 'c'].map((body, i) => sent({ body, messageId: `m-${i}` }));

    // Act
    const event = sqsEventFromMessages(messages, { seed: 7 });

    // Assert
    expect(event.Records.map((r) => [r.messageId, r.body])).toEqual([
      ['m-0', 'a'],
      ['m-1', 'b'],
      ['m-2', 'c'],
    ]);
    expect(new Set(event.Records.map((r) => r.receiptHandle)).size).toBe(3);
    expect(sqsEventFromMessages(messages, { seed: 7 })).toEqual(event);
  });
});
