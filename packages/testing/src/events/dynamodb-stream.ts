import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, isoTime } from './defaults.js';
import { toIdSource } from './ids.js';
import type { CommonEventOptions } from './types.js';

/**
 * Converts a plain value to a DynamoDB `AttributeValue` (strings `S`, numbers and bigints
 * `N`, booleans `BOOL`, null `NULL`, arrays `L`, objects `M`).
 *
 * @param value - a JSON-like value.
 * @returns the attribute value.
 * @example
 * ```ts
 * toAttributeValue({ id: 7 }); // { M: { id: { N: '7' } } }
 * ```
 */
export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: toImage(value as Record<string, unknown>) };
}

function toImage(item: Record<string, unknown>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toAttributeValue(v)]));
}

/** Options of {@link dynamoDbStreamRecord}. */
export interface DynamoDbStreamRecordOptions extends CommonEventOptions {
  /** Default `INSERT`. */
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** Key attributes as plain values; default `{ pk: 'order#1' }`. */
  keys?: Record<string, unknown>;
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
  /** Default `Orders`. */
  table?: string;
  /** Default `NEW_AND_OLD_IMAGES`. */
  streamViewType?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
}

/**
 * One DynamoDB stream record; plain values are converted to `AttributeValue`s. Stream
 * records carry no trace context.
 *
 * @param options - see {@link DynamoDbStreamRecordOptions}.
 * @returns a `DynamoDBRecord` from `@types/aws-lambda`.
 * @example
 * ```ts
 * dynamoDbStreamRecord({ eventName: 'MODIFY', keys: { pk: 'a' }, newImage: { pk: 'a', n: 2 } });
 * ```
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
export function dynamoDbStreamRecord(options: DynamoDbStreamRecordOptions = {}): DynamoDBRecord {
  const ids = toIdSource(options.seed);
  const region = options.region ?? DEFAULT_REGION;
  const account = options.accountId ?? DEFAULT_ACCOUNT;
  const table = options.table ?? 'Orders';
  const now = ids.nowMs();
  const keys = toImage(options.keys ?? { pk: 'order#1' });
  const record: DynamoDBRecord = {
    eventID: ids.hex(32),
    eventName: options.eventName ?? 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(now / 1000),
      Keys: keys,
      SequenceNumber: ids.digits(21),
      SizeBytes: JSON.stringify([keys, options.newImage, options.oldImage]).length,
      StreamViewType: options.streamViewType ?? 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: `arn:aws:dynamodb:${region}:${account}:table/${table}/stream/${isoTime(now).slice(0, 23)}`,
  };
  // The stream view type decides which images a record carries, whatever the caller gave.
  const view = record.dynamodb?.StreamViewType ?? 'NEW_AND_OLD_IMAGES';
  if (options.newImage !== undefined && record.dynamodb && view.startsWith('NEW')) {
    record.dynamodb.NewImage = toImage(options.newImage);
  }
  if (
    options.oldImage !== undefined &&
    record.dynamodb &&
    (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES')
  ) {
    record.dynamodb.OldImage = toImage(options.oldImage);
  }
  return record;
}

/**
 * A DynamoDB stream event (one batch).
 *
 * @param options - shared record options plus `records` (default one record).
 * @returns a `DynamoDBStreamEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * dynamoDbStreamEvent({ records: [{ eventName: 'INSERT' }, { eventName: 'REMOVE' }] });
 * ```
 */
export function dynamoDbStreamEvent(
  options: DynamoDbStreamRecordOptions & { records?: readonly DynamoDbStreamRecordOptions[] } = {},
): DynamoDBStreamEvent {
  const { records, ...shared } = options;
  const ids = toIdSource(options.seed);
  return {
    Records: (records ?? [{}]).map((r) => dynamoDbStreamRecord({ ...shared, ...r, seed: ids })),
  };
}
