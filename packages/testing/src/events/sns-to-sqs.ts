import type { SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { asList } from './defaults.js';
import { toIdSource } from './ids.js';
import { type SnsMessageOptions, snsNotification } from './sns.js';
import { sqsRecord } from './sqs.js';
import type { SnsUpstream, SnsUpstreamKind, Upstream } from './types.js';

/**
 * An SNS→SQS message's upstream context: the SNS kinds travel as SNS message attributes;
 * `xray` becomes the SQS record's `AWSTraceHeader` (SNS active tracing).
 */
export type SnsToSqsUpstream = Upstream<SnsUpstreamKind | 'xray'>;

/** Options of {@link snsToSqsRecord}. */
export interface SnsToSqsOptions extends Omit<SnsMessageOptions, 'upstream'> {
  /**
   * Raw message delivery: the SQS body is the bare message and SNS attributes become SQS
   * message attributes. Default false: the body is the notification JSON.
   */
  raw?: boolean;
  upstream?: SnsToSqsUpstream | readonly SnsToSqsUpstream[];
  /** The subscribed queue's ARN. */
  queueArn?: string;
  /** The SQS message id (the SNS one is `messageId`). */
  sqsMessageId?: string;
}

/**
 * An SQS record of a message that SNS fanned out to the queue.
 *
 * @param options - see {@link SnsToSqsOptions}.
 * @returns an `SQSRecord`; without raw delivery `JSON.parse(record.body)` is a
 *   {@link SnsNotification} with `Type: "Notification"` and `TopicArn`.
 * @example
 * ```ts
 * const record = snsToSqsRecord({ message: 'hi', upstream: { kind: 'w3c', ...up } });
 * JSON.parse(record.body).MessageAttributes.traceparent.Value; // '00-…'
 * ```
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html
 */
export function snsToSqsRecord(options: SnsToSqsOptions = {}): SQSRecord {
  const { raw, upstream, queueArn, sqsMessageId, ...sns } = options;
  const ids = toIdSource(options.seed);
  const upstreams = asList(upstream);
  const notification = snsNotification({
    ...sns,
    seed: ids,
    upstream: upstreams.filter((u): u is SnsUpstream => u.kind !== 'xray'),
  });
  const xray = upstreams.filter((u): u is Upstream<'xray'> => u.kind === 'xray');
  const messageAttributes: SQSMessageAttributes = {};
  if (raw) {
    for (const [name, attribute] of Object.entries(notification.MessageAttributes ?? {})) {
      messageAttributes[name] =
        attribute.Type === 'Binary'
          ? {
              binaryValue: attribute.Value,
              stringListValues: [],
              binaryListValues: [],
              dataType: 'Binary',
            }
          : {
              stringValue: attribute.Value,
              stringListValues: [],
              binaryListValues: [],
              dataType: attribute.Type,
            };
    }
  }
  return sqsRecord({
    seed: ids,
    ...(options.region !== undefined && { region: options.region }),
    ...(options.accountId !== undefined && { accountId: options.accountId }),
    ...(queueArn !== undefined && { queueArn }),
    ...(sqsMessageId !== undefined && { messageId: sqsMessageId }),
    body: raw ? notification.Message : JSON.stringify(notification),
    messageAttributes,
    upstream: xray,
  });
}
