import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  dynamoDbStreamEvent,
  dynamoDbStreamRecord,
  toAttributeValue,
} from '../../src/events/dynamodb-stream.js';

describe('toAttributeValue', () => {
  it('writes DynamoDB attribute values for each JSON-like type', () => {
    expect(
      toAttributeValue({ s: 'a', n: 1, b: true, z: null, l: [1, 'x'], m: { k: 2n } }),
    ).toStrictEqual({
      M: {
        s: { S: 'a' },
        n: { N: '1' },
        b: { BOOL: true },
        z: { NULL: true },
        l: { L: [{ N: '1' }, { S: 'x' }] },
        m: { M: { k: { N: '2' } } },
      },
    });
  });
});

describe('dynamoDbStreamRecord', () => {
  it('builds an insert record with keys and images', () => {
    // Act
    const record = dynamoDbStreamRecord({
      keys: { pk: 'order#1' },
      newImage: { pk: 'order#1', qty: 2 },
      oldImage: { pk: 'order#1', qty: 1 },
      seed: 1,
    });

    // Assert
    expectTypeOf(record).toEqualTypeOf<DynamoDBRecord>();
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: { pk: { S: 'order#1' } },
        NewImage: { pk: { S: 'order#1' }, qty: { N: '2' } },
        OldImage: { qty: { N: '1' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
        ApproximateCreationDateTime: 1_717_243_200,
      },
    });
    expect(record.eventSourceARN).toMatch(
      /^arn:aws:dynamodb:us-east-1:123456789012:table\/Orders\/stream\/2024-06-01T12:00:00\.000$/,
    );
  });

  it.each([
    ['KEYS_ONLY', false, false],
    ['NEW_IMAGE', true, false],
    ['OLD_IMAGE', false, true],
  ] as const)('keeps only the images a %s stream carries', (view, hasNew, hasOld) => {
    // Act
    const record = dynamoDbStreamRecord({
      streamViewType: view,
      newImage: { a: 1 },
      oldImage: { a: 0 },
    });

    // Assert
    expect(record.dynamodb?.NewImage !== undefined).toBe(hasNew);
    expect(record.dynamodb?.OldImage !== undefined).toBe(hasOld);
  });
});

describe('dynamoDbStreamEvent', () => {
  it('holds one record per option object', () => {
    // Act
    const event = dynamoDbStreamEvent({
      records: [{ eventName: 'INSERT' }, { eventName: 'REMOVE' }],
    });

    // Assert
    expectTypeOf(event).toEqualTypeOf<DynamoDBStreamEvent>();
    expect(event.Records.map((r) => r.eventName)).toStrictEqual(['INSERT', 'REMOVE']);
  });
});
