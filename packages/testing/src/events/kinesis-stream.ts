import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { bodyText, DEFAULT_ACCOUNT, DEFAULT_REGION } from './defaults.js';
import { toIdSource } from './ids.js';
import type { CommonEventOptions } from './types.js';

/** Options of {@link kinesisStreamRecord}. */
export interface KinesisStreamRecordOptions extends CommonEventOptions {
  /** The record payload before base64; objects are JSON-encoded. Default `"{}"`. */
  data?: string | object;
  /** Default `partition-1`. */
  partitionKey?: string;
  /** Default `events`. */
  stream?: string;
  /** Default 56 random digits. */
  sequenceNumber?: string;
}

/**
 * One Kinesis Data Streams record (`data` base64-encoded). Kinesis records carry no
 * trace context of their own.
 *
 * @param options - see {@link KinesisStreamRecordOptions}.
 * @returns a `KinesisStreamRecord` from `@types/aws-lambda`.
 * @example
 * ```ts
 * kinesisStreamRecord({ data: { click: 1 }, partitionKey: 'user-7' });
 * ```
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
export function kinesisStreamRecord(options: KinesisStreamRecordOptions = {}): KinesisStreamRecord {
  const ids = toIdSource(options.seed);
  const region = options.region ?? DEFAULT_REGION;
  const account = options.accountId ?? DEFAULT_ACCOUNT;
  const sequenceNumber = options.sequenceNumber ?? ids.digits(56);
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: options.partitionKey ?? 'partition-1',
      sequenceNumber,
      data: Buffer.from(bodyText(options.data, '{}')).toString('base64'),
      approximateArrivalTimestamp: ids.nowMs() / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000000:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${account}:role/lambda-kinesis-role`,
    awsRegion: region,
    eventSourceARN: `arn:aws:kinesis:${region}:${account}:stream/${options.stream ?? 'events'}`,
  };
}

/**
 * A Kinesis stream event (one batch).
 *
 * @param options - shared record options plus `records` (default one record).
 * @returns a `KinesisStreamEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * kinesisStreamEvent({ stream: 'clicks', records: [{ data: 'a' }, { data: 'b' }] });
 * ```
 */
export function kinesisStreamEvent(
  options: KinesisStreamRecordOptions & { records?: readonly KinesisStreamRecordOptions[] } = {},
): KinesisStreamEvent {
  const { records, ...shared } = options;
  const ids = toIdSource(options.seed);
  return {
    Records: (records ?? [{}]).map((r) => kinesisStreamRecord({ ...shared, ...r, seed: ids })),
  };
}
