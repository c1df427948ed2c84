import { isRecord } from './object-carrier.js';

/** The SNS notification JSON an SQS body holds when a topic delivers without raw delivery. */
export interface SnsNotificationLike {
  Type: 'Notification';
  TopicArn: string;
  Message?: unknown;
  MessageId?: unknown;
  /** `{ name: { Type, Value } }`, binary values in base64 */
  MessageAttributes?: unknown;
}

/** An EventBridge event, delivered directly or as an SQS body. */
export interface EventBridgeEventLike {
  'detail-type': string;
  source?: unknown;
  detail?: unknown;
}

/** Bodies longer than this are not envelopes worth parsing for trace context. */
const MAX_BODY_LENGTH = 256 * 1024;

/** @internal Parses a JSON object from a string (or passes an object through); else `undefined`. */
export function jsonObject(body: unknown): Record<string, unknown> | undefined {
  if (isRecord(body)) return body;
  if (typeof body !== 'string' || body.length > MAX_BODY_LENGTH) return undefined;
  const text = body.trimStart();
  if (!text.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Recognizes an SNS notification envelope (an SQS body from a topic without raw delivery):
 * a JSON object with `Type: "Notification"` and a string `TopicArn`.
 *
 * @param body - The SQS record `body` (string) or an already parsed object.
 * @returns The envelope, or `undefined` when the body is not one.
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html
 * @example
 * ```ts
 * parseSnsEnvelope(record.body)?.MessageAttributes;
 * ```
 */
export function parseSnsEnvelope(body: unknown): SnsNotificationLike | undefined {
  // Every record of a batch is tried: skip the JSON parse for bodies that cannot be one.
  if (typeof body === 'string' && !body.includes('"TopicArn"')) return undefined;
  const object = jsonObject(body);
  if (object?.Type !== 'Notification' || typeof object.TopicArn !== 'string') {
    return undefined;
  }
  return object as unknown as SnsNotificationLike;
}

/**
 * Recognizes an EventBridge event (delivered directly or as an SQS body): a JSON object with a
 * string `detail-type`.
 *
 * @param body - The event, or an SQS record `body`.
 * @returns The event, or `undefined` when the body is not one.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html
 * @example
 * ```ts
 * parseEventBridgeEnvelope(record.body)?.detail;
 * ```
 */
export function parseEventBridgeEnvelope(body: unknown): EventBridgeEventLike | undefined {
  if (typeof body === 'string' && !body.includes('"detail-type"')) return undefined;
  const object = jsonObject(body);
  if (!object || typeof object['detail-type'] !== 'string') return undefined;
  return object as unknown as EventBridgeEventLike;
}

/**
 * @internal The EventBridge event a message body carries: the body itself (EventBridge → SQS)
 * or the `Message` of an SNS notification in it (EventBridge → SNS → SQS, as dd-trace reads it).
 */
export function eventBridgeInBody(body: unknown): EventBridgeEventLike | undefined {
  return (
    parseEventBridgeEnvelope(body) ?? parseEventBridgeEnvelope(parseSnsEnvelope(body)?.Message)
  );
}
