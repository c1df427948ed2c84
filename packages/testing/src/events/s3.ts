import { createHash } from 'node:crypto';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { DEFAULT_REGION, isoTime } from './defaults.js';
import { toIdSource } from './ids.js';
import type { CommonEventOptions } from './types.js';

/** Options of {@link s3Record}. */
export interface S3RecordOptions extends CommonEventOptions {
  /** Default `my-bucket`. */
  bucket?: string;
  /** Object key as S3 sends it (URL-encoded, spaces as `+`). Default `uploads/report.csv`. */
  key?: string;
  /** Object size in bytes; default 1024. */
  size?: number;
  /** Default `ObjectCreated:Put`. */
  eventName?: string;
  versionId?: string;
  /** Event time in epoch ms; default now (or the seeded clock). */
  time?: number;
}

/**
 * One S3 event notification record. S3 notifications carry no trace context.
 *
 * @param options - see {@link S3RecordOptions}.
 * @returns an `S3EventRecord` from `@types/aws-lambda`.
 * @example
 * ```ts
 * s3Record({ bucket: 'invoices', key: '2024/06/01.pdf' });
 * ```
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
export function s3Record(options: S3RecordOptions = {}): S3EventRecord {
  const ids = toIdSource(options.seed);
  const bucket = options.bucket ?? 'my-bucket';
  const key = options.key ?? 'uploads/report.csv';
  const principal = `AWS:AIDA${ids.chars(17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  const upper = '0123456789ABCDEF';
  const record: S3EventRecord = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: options.region ?? DEFAULT_REGION,
    eventTime: isoTime(options.time ?? ids.nowMs()),
    eventName: options.eventName ?? 'ObjectCreated:Put',
    userIdentity: { principalId: principal },
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: {
      'x-amz-request-id': ids.chars(16, upper),
      'x-amz-id-2': ids.base64(57),
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'on-upload',
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: ids.chars(14, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') },
        arn: `arn:aws:s3:::${bucket}`,
      },
      object: {
        key,
        size: options.size ?? 1024,
        eTag: createHash('md5').update(key).digest('hex'),
        sequencer: ids.chars(18, upper),
      },
    },
  };
  if (options.versionId !== undefined) record.s3.object.versionId = options.versionId;
  return record;
}

/**
 * An S3 event with one record per option object (default: one record).
 *
 * @param options - shared record options plus `records`.
 * @returns an `S3Event` from `@types/aws-lambda`.
 * @example
 * ```ts
 * s3Event({ bucket: 'b', records: [{ key: 'a.txt' }, { key: 'b.txt' }] });
 * ```
 */
export function s3Event(
  options: S3RecordOptions & { records?: readonly S3RecordOptions[] } = {},
): S3Event {
  const { records, ...shared } = options;
  const ids = toIdSource(options.seed);
  return { Records: (records ?? [{}]).map((r) => s3Record({ ...shared, ...r, seed: ids })) };
}
