import type { SNSEvent, SNSEventRecord, SNSMessageAttributes } from 'aws-lambda';
import {
  arnParts,
  asList,
  bodyText,
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  isoTime,
} from './defaults.js';
import { type IdSource, toIdSource } from './ids.js';
import { snsCarrier } from './sqs-attributes.js';
import type { CommonEventOptions, SnsUpstream } from './types.js';

/** Options of {@link snsRecord} and {@link snsNotification}. */
export interface SnsMessageOptions extends CommonEventOptions {
  /** The message; objects are JSON-encoded. Default `"{}"`. */
  message?: string | object;
  subject?: string;
  /** Topic ARN; its region wins over `region`. */
  topicArn?: string;
  /** Topic name when no ARN is given; default `order-events`. */
  topicName?: string;
  messageId?: string;
  /** Upstream context(s), written as message attributes. */
  upstream?: SnsUpstream | readonly SnsUpstream[];
  /** Extra message attributes, added after the upstream ones. */
  messageAttributes?: SNSMessageAttributes;
  /** Publish time in epoch ms; default now (or the seeded clock). */
  timestamp?: number;
}

/**
 * The SNS notification JSON that SNS delivers to SQS (without raw delivery) and to HTTP
 * endpoints. Note the `…URL` spelling, unlike the Lambda event's `…Url`.
 */
export interface SnsNotification {
  Type: 'Notification';
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL: string;
  MessageAttributes?: SNSMessageAttributes;
}

/** Pieces shared by the Lambda SNS record and the notification JSON. */
interface SnsParts {
  region: string;
  topicArn: string;
  subscriptionArn: string;
  notification: SnsNotification;
}

function snsParts(options: SnsMessageOptions, ids: IdSource): SnsParts {
  const region0 = options.region ?? DEFAULT_REGION;
  const account = options.accountId ?? DEFAULT_ACCOUNT;
  const topicArn =
    options.topicArn ?? `arn:aws:sns:${region0}:${account}:${options.topicName ?? 'order-events'}`;
  const region = arnParts(topicArn)?.region ?? region0;
  const subscriptionArn = `${topicArn}:${ids.uuid()}`;
  const attributes = { ...snsCarrier(asList(options.upstream)), ...options.messageAttributes };
  const notification: SnsNotification = {
    Type: 'Notification',
    MessageId: options.messageId ?? ids.uuid(),
    TopicArn: topicArn,
    // Written here, not after, so the JSON keeps SNS's key order.
    ...(options.subject !== undefined && { Subject: options.subject }),
    Message: bodyText(options.message, '{}'),
    Timestamp: isoTime(options.timestamp ?? ids.nowMs()),
    SignatureVersion: '1',
    Signature: ids.base64(256),
    SigningCertURL: `https://sns.${region}.amazonaws.com/SimpleNotificationService-${ids.hex(32)}.pem`,
    UnsubscribeURL: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
  };
  if (Object.keys(attributes).length > 0) notification.MessageAttributes = attributes;
  return { region, topicArn, subscriptionArn, notification };
}

/**
 * The notification JSON object SNS sends to an SQS queue without raw message delivery.
 *
 * @param options - see {@link SnsMessageOptions}.
 * @returns the envelope; `JSON.stringify` it to get an SQS body.
 * @example
 * ```ts
 * const body = JSON.stringify(snsNotification({ message: 'hi', upstream: { kind: 'w3c', ...up } }));
 * ```
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html
 */
export function snsNotification(options: SnsMessageOptions = {}): SnsNotification {
  return snsParts(options, toIdSource(options.seed)).notification;
}

/**
 * One SNS record as Lambda delivers it.
 *
 * @param options - see {@link SnsMessageOptions}.
 * @returns an `SNSEventRecord` from `@types/aws-lambda`.
 * @example
 * ```ts
 * snsRecord({ message: { id: 1 }, upstream: { kind: 'datadog-binary', ...up } });
 * ```
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
export function snsRecord(options: SnsMessageOptions = {}): SNSEventRecord {
  const { subscriptionArn, notification: n } = snsParts(options, toIdSource(options.seed));
  const record: SNSEventRecord = {
    EventVersion: '1.0',
    EventSubscriptionArn: subscriptionArn,
    EventSource: 'aws:sns',
    Sns: {
      SignatureVersion: n.SignatureVersion,
      Timestamp: n.Timestamp,
      Signature: n.Signature,
      SigningCertUrl: n.SigningCertURL,
      MessageId: n.MessageId,
      Message: n.Message,
      MessageAttributes: n.MessageAttributes ?? {},
      Type: n.Type,
      UnsubscribeUrl: n.UnsubscribeURL,
      TopicArn: n.TopicArn,
    },
  };
  if (n.Subject !== undefined) record.Sns.Subject = n.Subject;
  return record;
}

/**
 * An SNS event. Lambda delivers one record per invocation; more are allowed for tests.
 *
 * @param options - record options, or `records` for several.
 * @returns an `SNSEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * snsEvent({ message: 'hello', seed: 3 });
 * ```
 */
export function snsEvent(
  options: SnsMessageOptions & { records?: readonly SnsMessageOptions[] } = {},
): SNSEvent {
  const { records, ...shared } = options;
  const ids = toIdSource(options.seed);
  const list = records ?? [{}];
  return { Records: list.map((entry) => snsRecord({ ...shared, ...entry, seed: ids })) };
}
