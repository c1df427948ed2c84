import { createHash } from 'node:crypto';
import type { SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import {
  arnParts,
  asList,
  bodyText,
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  iamUniqueId,
} from './defaults.js';
import { toIdSource } from './ids.js';
import { md5OfMessageAttributes, sqsCarrier } from './sqs-attributes.js';
import type { CommonEventOptions, SqsUpstream } from './types.js';

/** Options of {@link sqsRecord}. */
export interface SqsRecordOptions extends CommonEventOptions {
  /** Message body; objects are JSON-encoded. Default `"{}"`. */
  body?: string | object;
  messageId?: string;
  /** Queue ARN; its region and account win over `region`/`accountId`. */
  queueArn?: string;
  /** Queue name when no ARN is given; default `orders`, or `orders.fifo` for FIFO records. */
  queueName?: string;
  /** Upstream context(s); several kinds can be combined on one record. */
  upstream?: SqsUpstream | readonly SqsUpstream[];
  /** Extra message attributes (Lambda event shape), added after the upstream ones. */
  messageAttributes?: SQSMessageAttributes;
  /** Overrides for the system attributes. */
  attributes?: Partial<SQSRecordAttributes>;
  /** Makes the record a FIFO record of this message group. */
  messageGroupId?: string;
  /** FIFO sequence number (20 digits); random when omitted. */
  sequenceNumber?: string;
  /** FIFO deduplication id; default the SHA-256 of the body (content-based deduplication). */
  deduplicationId?: string;
  /** `ApproximateReceiveCount`; default 1. */
  receiveCount?: number;
  /** `SentTimestamp` in epoch ms; default now (or the seeded clock). */
  sentTimestamp?: number;
}

/**
 * One SQS record as Lambda delivers it, optionally carrying an upstream trace context.
 *
 * @param options - see {@link SqsRecordOptions}.
 * @returns an `SQSRecord` from `@types/aws-lambda`.
 * @example
 * ```ts
 * const record = sqsRecord({
 *   body: { orderId: 42 },
 *   upstream: { kind: 'datadog-binary', traceId, spanId, sampled: true },
 * });
 * ```
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
export function sqsRecord(options: SqsRecordOptions = {}): SQSRecord {
  const ids = toIdSource(options.seed);
  const fifo = options.messageGroupId !== undefined;
  const region = options.region ?? DEFAULT_REGION;
  const account = options.accountId ?? DEFAULT_ACCOUNT;
  const queueName = options.queueName ?? (fifo ? 'orders.fifo' : 'orders');
  const queueArn = options.queueArn ?? `arn:aws:sqs:${region}:${account}:${queueName}`;
  const body = bodyText(options.body, '{}');
  const carrier = sqsCarrier(asList(options.upstream));
  const messageAttributes = { ...carrier.messageAttributes, ...options.messageAttributes };
  const sent = options.sentTimestamp ?? ids.nowMs();
  const attributes: SQSRecordAttributes = {
    ApproximateReceiveCount: String(options.receiveCount ?? 1),
    SentTimestamp: String(sent),
    SenderId: iamUniqueId(ids),
    ApproximateFirstReceiveTimestamp: String(sent + 3),
  };
  if (carrier.awsTraceHeader !== undefined) attributes.AWSTraceHeader = carrier.awsTraceHeader;
  if (fifo) {
    attributes.SequenceNumber = options.sequenceNumber ?? ids.digits(20);
    attributes.MessageGroupId = options.messageGroupId;
    attributes.MessageDeduplicationId =
      options.deduplicationId ?? createHash('sha256').update(body).digest('hex');
  }
  Object.assign(attributes, options.attributes);
  const record: SQSRecord = {
    messageId: options.messageId ?? ids.uuid(),
    receiptHandle: `AQEB${ids.base64(96)}`,
    body,
    attributes,
    messageAttributes,
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: arnParts(queueArn)?.region ?? region,
  };
  const md5 = md5OfMessageAttributes(messageAttributes);
  if (md5 !== undefined) record.md5OfMessageAttributes = md5;
  return record;
}

/** Options of {@link sqsEvent}: record defaults plus the records themselves. */
export interface SqsEventOptions
  extends Omit<SqsRecordOptions, 'body' | 'messageId' | 'sequenceNumber' | 'deduplicationId'> {
  /** A count, bodies, or per-record options (merged over the event-level ones). */
  records: number | ReadonlyArray<string | SqsRecordOptions>;
  /** Makes every record FIFO; records without a `messageGroupId` get `group-1`. */
  fifo?: boolean;
}

/**
 * An SQS event (one batch) from one queue. FIFO batches get increasing sequence numbers.
 *
 * @param options - see {@link SqsEventOptions}.
 * @returns an `SQSEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * const event = sqsEvent({ seed: 1, records: ['a', { body: 'b', upstream: { kind: 'xray', ...up } }] });
 * const fifo = sqsEvent({ fifo: true, records: [{ body: 'a', messageGroupId: 'g1' }, 'b'] });
 * ```
 */
export function sqsEvent(options: SqsEventOptions): SQSEvent {
  const { records, fifo, ...shared } = options;
  const ids = toIdSource(options.seed);
  const list: SqsRecordOptions[] =
    typeof records === 'number'
      ? Array.from({ length: records }, (_, i) => ({ body: `message ${i + 1}` }))
      : records.map((entry) => (typeof entry === 'string' ? { body: entry } : entry));
  const isFifo = fifo || list.some((r) => r.messageGroupId ?? shared.messageGroupId);
  let sequence = isFifo ? BigInt(ids.digits(20)) : 0n;
  return {
    Records: list.map((entry) => {
      const merged: SqsRecordOptions = { ...shared, ...entry, seed: ids };
      if (isFifo) {
        merged.messageGroupId ??= 'group-1';
        merged.sequenceNumber ??= String(sequence);
        sequence += 1n + BigInt(ids.digits(3));
      }
      return sqsRecord(merged);
    }),
  };
}
