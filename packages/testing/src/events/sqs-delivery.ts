import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import type { SentSqsMessage, SqsWireAttribute } from '../sqs-endpoint-types.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './defaults.js';
import { toIdSource } from './ids.js';
import { sqsRecord } from './sqs.js';
import type { CommonEventOptions } from './types.js';

/** Options of {@link sqsEventFromMessages} and {@link sqsRecordFromMessage}. */
export interface SqsDeliveryOptions extends CommonEventOptions {
  /** The queue ARN of every record; default derived from each message's queue URL. */
  queueArn?: string;
  /** `ApproximateReceiveCount`; default 1. */
  receiveCount?: number;
}

/**
 * Message attributes as the SQS API carries them (`{ DataType, StringValue }`), as a Lambda SQS
 * record shows them (`{ dataType, stringValue, stringListValues, binaryListValues }`).
 *
 * @param attributes - `MessageAttributes` of a `SendMessage` request.
 * @returns the record's `messageAttributes`.
 * @example
 * ```ts
 * lambdaMessageAttributes({ tenant: { DataType: 'String', StringValue: 'acme' } }).tenant?.stringValue; // 'acme'
 * ```
 */
export function lambdaMessageAttributes(
  attributes: Readonly<Record<string, SqsWireAttribute>>,
): SQSMessageAttributes {
  const mapped: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    mapped[name] = {
      dataType: value.DataType,
      stringListValues: [],
      binaryListValues: [],
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: value.BinaryValue } : {}),
    };
  }
  return mapped;
}

/**
 * The ARN of the queue a queue URL names: `https://sqs.<region>.amazonaws.com/<account>/<name>`
 * or any URL whose last two path segments are account and name (a local endpoint's).
 *
 * @param queueUrl - a `QueueUrl`.
 * @param region - used when the host names none; default `us-east-1`.
 * @returns `arn:aws:sqs:<region>:<account>:<name>`, or undefined when the URL names no queue.
 * @example
 * ```ts
 * queueArnOf('http://127.0.0.1:4566/000000000000/orders'); // 'arn:aws:sqs:us-east-1:000000000000:orders'
 * ```
 */
export function queueArnOf(queueUrl: string, region = DEFAULT_REGION): string | undefined {
  let url: URL;
  try {
    url = new URL(queueUrl);
  } catch {
    return undefined;
  }
  const [account, name] = url.pathname.split('/').filter(Boolean).slice(-2);
  if (!account || !name || !/^\d{12}$/.test(account)) return undefined;
  const host = /^sqs\.([a-z0-9-]+)\.amazonaws\.com/.exec(url.hostname);
  return `arn:aws:sqs:${host?.[1] ?? region}:${account}:${name}`;
}

/**
 * The SQS record Lambda would deliver for a message a producer sent: same message id, body and
 * message attributes (in the record's shape), the `AWSTraceHeader` system attribute under
 * `attributes.AWSTraceHeader`, FIFO group and deduplication id, the send time.
 *
 * @param message - a message the SQS endpoint stand-in accepted.
 * @param options - see {@link SqsDeliveryOptions}.
 * @returns an `SQSRecord` from `@types/aws-lambda`.
 * @example
 * ```ts
 * const record = sqsRecordFromMessage(endpoint.messages[0]!);
 * ```
 */
export function sqsRecordFromMessage(
  message: SentSqsMessage,
  options: SqsDeliveryOptions = {},
): SQSRecord {
  const region = options.region ?? DEFAULT_REGION;
  const queueArn =
    options.queueArn ??
    queueArnOf(message.queueUrl, region) ??
    `arn:aws:sqs:${region}:${options.accountId ?? DEFAULT_ACCOUNT}:orders`;
  const traceHeader = message.messageSystemAttributes.AWSTraceHeader?.StringValue;
  return sqsRecord({
    ...options,
    queueArn,
    body: message.body,
    messageId: message.messageId,
    messageAttributes: lambdaMessageAttributes(message.messageAttributes),
    sentTimestamp: message.sentTimestamp,
    ...(traceHeader !== undefined ? { attributes: { AWSTraceHeader: traceHeader } } : {}),
    ...(message.messageGroupId !== undefined ? { messageGroupId: message.messageGroupId } : {}),
    ...(message.messageDeduplicationId !== undefined
      ? { deduplicationId: message.messageDeduplicationId }
      : {}),
  });
}

/**
 * The SQS event (one batch) Lambda would deliver for messages a producer sent, in order: what
 * an event source mapping hands a consumer after a producer's `SendMessage` calls.
 *
 * @param messages - messages the SQS endpoint stand-in accepted (`endpoint.messages`).
 * @param options - see {@link SqsDeliveryOptions}.
 * @returns an `SQSEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * const result = await consumer.invoke(sqsEventFromMessages(endpoint.messages));
 * ```
 */
export function sqsEventFromMessages(
  messages: readonly SentSqsMessage[],
  options: SqsDeliveryOptions = {},
): SQSEvent {
  const ids = toIdSource(options.seed);
  return {
    Records: messages.map((message) => sqsRecordFromMessage(message, { ...options, seed: ids })),
  };
}
