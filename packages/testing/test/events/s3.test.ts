import type { S3Event, S3EventRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { s3Event, s3Record } from '../../src/events/s3.js';

describe('s3Record', () => {
  it('builds an object-created record', () => {
    // Act
    const record = s3Record({
      bucket: 'uploads',
      key: 'a+b.csv',
      size: 10,
      versionId: 'v1',
      seed: 1,
    });

    // Assert
    expectTypeOf(record).toEqualTypeOf<S3EventRecord>();
    expect(record).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime: '2024-06-01T12:00:00.000Z',
      s3: {
        bucket: { name: 'uploads', arn: 'arn:aws:s3:::uploads' },
        object: { key: 'a+b.csv', size: 10, versionId: 'v1' },
      },
    });
    expect(record.s3.object.eTag).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('s3Event', () => {
  it('holds one record per option object', () => {
    // Act
    const event = s3Event({ bucket: 'b', records: [{ key: 'a.txt' }, { key: 'b.txt' }] });

    // Assert
    expectTypeOf(event).toEqualTypeOf<S3Event>();
    expect(event.Records.map((r) => `${r.s3.bucket.name}/${r.s3.object.key}`)).toStrictEqual([
      'b/a.txt',
      'b/b.txt',
    ]);
    expect(s3Event().Records).toHaveLength(1);
  });
});
