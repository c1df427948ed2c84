import { createHash } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { sqsEvent, sqsRecord } from '../../src/events/sqs.js';
import { md5OfMessageAttributes, stringAttribute } from '../../src/events/sqs-attributes.js';
import type { SqsUpstreamKind } from '../../src/events/types.js';
import {
  datadogCarrier,
  extractW3c,
  extractXray,
  UP,
  UP_DATADOG,
  UP_IDS,
} from '../support/propagation.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('sqsRecord', () => {
  it('builds a standard-queue record as Lambda delivers it', () => {
    // Act
    const record = sqsRecord({ body: { orderId: 42 }, seed: 1 });

    // Assert
    expectTypeOf(record).toEqualTypeOf<SQSRecord>();
    expect(record).toMatchObject({
      body: '{"orderId":42}',
      md5OfBody: md5('{"orderId":42}'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
      awsRegion: 'us-east-1',
      messageAttributes: {},
    });
    expect(record.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.receiptHandle).toMatch(/^AQEB/);
    expect(record.attributes).toStrictEqual({
      ApproximateReceiveCount: '1',
      SentTimestamp: '1717243200000',
      SenderId: expect.stringMatching(/^AIDA/),
      ApproximateFirstReceiveTimestamp: '1717243200003',
    });
    expect(record.md5OfMessageAttributes).toBeUndefined();
    expect(sqsRecord({ body: { orderId: 42 }, seed: 1 })).toStrictEqual(record);
  });

  it('builds a FIFO record with group, sequence number and content-based deduplication id', () => {
    // Act
    const record = sqsRecord({ body: 'a', messageGroupId: 'customer-7', seed: 2 });

    // Assert
    expect(record.eventSourceARN).toMatch(/:orders\.fifo$/);
    expect(record.attributes).toMatchObject({
      MessageGroupId: 'customer-7',
      SequenceNumber: expect.stringMatching(/^[1-9]\d{19}$/),
      MessageDeduplicationId: createHash('sha256').update('a').digest('hex'),
    });
  });

  it.each<[SqsUpstreamKind, (record: SQSRecord) => unknown]>([
    ['w3c', (r) => extractW3c({ traceparent: r.messageAttributes.traceparent?.stringValue ?? '' })],
    [
      'datadog-string',
      (r) => datadogCarrier({ string: r.messageAttributes._datadog?.stringValue }),
    ],
    [
      'datadog-binary',
      (r) => datadogCarrier({ base64: r.messageAttributes._datadog?.binaryValue }),
    ],
    ['xray', (r) => extractXray(r.attributes.AWSTraceHeader ?? '')],
  ])('carries a %s upstream context readable by its own parser', (kind, read) => {
    // Act
    const record = sqsRecord({ body: 'x', upstream: { kind, ...UP } });

    // Assert
    const read_ = read(record);
    if (kind.startsWith('datadog')) {
      expect(read_).toMatchObject({
        'x-datadog-trace-id': UP_DATADOG.traceId,
        'x-datadog-parent-id': UP_DATADOG.parentId,
      });
    } else {
      expect(read_).toMatchObject(UP_IDS);
    }
    expect(record.md5OfMessageAttributes).toBe(md5OfMessageAttributes(record.messageAttributes));
  });

  it('carries nothing for the none kind', () => {
    // Act
    const record = sqsRecord({ body: 'x', upstream: { kind: 'none', ...UP } });

    // Assert
    expect(record.messageAttributes).toStrictEqual({});
    expect(record.attributes.AWSTraceHeader).toBeUndefined();
  });

  it('adds the caller’s attributes after the upstream ones and applies overrides', () => {
    // Act
    const record = sqsRecord({
      upstream: { kind: 'w3c', ...UP },
      messageAttributes: { tenant: stringAttribute('acme') },
      attributes: { ApproximateReceiveCount: '3' },
      queueArn: 'arn:aws:sqs:eu-west-1:111122223333:payments',
      messageId: 'm-1',
    });

    // Assert
    expect(Object.keys(record.messageAttributes)).toStrictEqual(['traceparent', 'tenant']);
    expect(record.attributes.ApproximateReceiveCount).toBe('3');
    expect(record.awsRegion).toBe('eu-west-1');
    expect(record.messageId).toBe('m-1');
  });
});

describe('sqsEvent', () => {
  it('builds a batch from a count, bodies or per-record options', () => {
    // Act
    const counted = sqsEvent({ records: 3, seed: 1 });
    const mixed = sqsEvent({
      seed: 1,
      queueName: 'jobs',
      records: ['a', { body: 'b', upstream: { kind: 'xray', ...UP } }],
    });

    // Assert
    expectTypeOf(counted).toEqualTypeOf<SQSEvent>();
    expect(counted.Records.map((r) => r.body)).toStrictEqual([
      'message 1',
      'message 2',
      'message 3',
    ]);
    expect(new Set(counted.Records.map((r) => r.messageId)).size).toBe(3);
    expect(mixed.Records.map((r) => r.eventSourceARN)).toStrictEqual([
      'arn:aws:sqs:us-east-1:123456789012:jobs',
      'arn:aws:sqs:us-east-1:123456789012:jobs',
    ]);
    expect(mixed.Records[1]?.attributes.AWSTraceHeader).toMatch(/^Root=/);
    expect(mixed.Records[0]?.attributes.AWSTraceHeader).toBeUndefined();
  });

  it('gives a FIFO batch increasing sequence numbers and a default group', () => {
    // Act
    const event = sqsEvent({
      fifo: true,
      seed: 4,
      records: [{ body: 'a', messageGroupId: 'g1' }, 'b', 'c'],
    });
    const sequence = event.Records.map((r) => BigInt(r.attributes.SequenceNumber ?? '0'));

    // Assert
    expect(event.Records.map((r) => r.attributes.MessageGroupId)).toStrictEqual([
      'g1',
      'group-1',
      'group-1',
    ]);
    expect(sequence[0]! < sequence[1]! && sequence[1]! < sequence[2]!).toBe(true);
    expect(event.Records.every((r) => r.eventSourceARN.endsWith('.fifo'))).toBe(true);
  });
});
