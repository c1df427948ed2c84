import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { kinesisStreamEvent, kinesisStreamRecord } from '../../src/events/kinesis-stream.js';

describe('kinesisStreamRecord', () => {
  it('carries the data base64-encoded with a matching event id', () => {
    // Act
    const record = kinesisStreamRecord({ data: { id: 1 }, stream: 'clicks', seed: 1 });

    // Assert
    expectTypeOf(record).toEqualTypeOf<KinesisStreamRecord>();
    expect(Buffer.from(record.kinesis.data, 'base64').toString()).toBe('{"id":1}');
    expect(record.eventID).toBe(`shardId-000000000000:${record.kinesis.sequenceNumber}`);
    expect(record.kinesis.sequenceNumber).toMatch(/^\d{56}$/);
    expect(record.eventSourceARN).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/clicks');
    expect(record.kinesis.approximateArrivalTimestamp).toBe(1_717_243_200);
  });
});

describe('kinesisStreamEvent', () => {
  it('holds one record per option object, with distinct sequence numbers', () => {
    // Act
    const event = kinesisStreamEvent({ seed: 2, records: [{ data: 'a' }, { data: 'b' }] });

    // Assert
    expectTypeOf(event).toEqualTypeOf<KinesisStreamEvent>();
    expect(event.Records).toHaveLength(2);
    expect(event.Records[0]?.kinesis.sequenceNumber).not.toBe(
      event.Records[1]?.kinesis.sequenceNumber,
    );
  });
});
