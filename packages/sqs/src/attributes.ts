import { ATTR, ATTR_VALUES } from '@lambda-otel-kit/core';
import type { Attributes } from '@opentelemetry/api';
import type { SQSRecord } from 'aws-lambda';

/**
 * Attribute keys and values this package writes that `@lambda-otel-kit/core` does not define
 * (yet). Keys under `lambda_otel.` are the kit's own; the others are semantic-convention keys.
 *
 * @example
 * ```ts
 * span.setAttribute(SQS_ATTR.RECEIVE_COUNT, 2);
 * ```
 */
export const SQS_ATTR = {
  /** `ApproximateReceiveCount` of the record (no convention key exists). */
  RECEIVE_COUNT: 'lambda_otel.sqs.receive_count',
  /** Size of the record body in bytes (UTF-8). */
  MESSAGE_BODY_SIZE: 'messaging.message.body.size',
  /** On a skipped `sqs.process`: a {@link SkipReason}. */
  SKIP_REASON: 'lambda_otel.record.skip_reason',
  /** On `sqs.batch`: 1-based part number when the links were split across several spans. */
  BATCH_PART: 'lambda_otel.batch.part',
  /** On `sqs.batch`: how many `sqs.batch` spans the batch was split into (1 when not split). */
  BATCH_PARTS: 'lambda_otel.batch.parts',
  /** On `sqs.batch`: records of the whole invocation (each part counts its own records in `messaging.batch.message_count`). */
  BATCH_TOTAL_COUNT: 'lambda_otel.batch.total_message_count',
  /** On `sqs.batch`: how many of its records were never started. */
  BATCH_SKIPPED_COUNT: 'lambda_otel.batch.skipped_count',
  /** On `send` / `create` spans: what the context injection did (`complete`, `partial`, `aws-trace-header`, `none`). */
  INJECTION: 'lambda_otel.sqs.injection',
  /** On links: what the linked span is — `invocation`, `upstream` or `record`. */
  LINK_ROLE: 'lambda_otel.link.role',
} as const;

/**
 * Operation names written in `messaging.operation.name` / `messaging.operation.type`.
 *
 * @example
 * ```ts
 * span.setAttribute('messaging.operation.type', OPERATIONS.send);
 * ```
 */
export const OPERATIONS = { process: 'process', send: 'send', create: 'create' } as const;

/**
 * `lambda_otel.context.source` when a record carried no upstream context.
 *
 * @example
 * ```ts
 * span.attributes['lambda_otel.context.source'] === NO_CONTEXT_SOURCE; // the record had no context
 * ```
 */
export const NO_CONTEXT_SOURCE = 'none';

/**
 * Attributes shared by every SQS span of one queue.
 *
 * @param queueName - The queue, `undefined` when unknown (the attribute is then left out).
 * @example
 * ```ts
 * queueAttributes('orders'); // { 'messaging.system': 'aws_sqs', 'messaging.destination.name': 'orders' }
 * ```
 */
export function queueAttributes(queueName: string | undefined): Attributes {
  const attributes: Attributes = { [ATTR.MESSAGING_SYSTEM]: ATTR_VALUES.MESSAGING_SYSTEM_AWS_SQS };
  if (queueName !== undefined) attributes[ATTR.MESSAGING_DESTINATION_NAME] = queueName;
  return attributes;
}

/**
 * The attributes of one record's `sqs.process` span.
 *
 * @param record - The Lambda SQS record.
 * @param queueName - The queue, from the record's ARN.
 * @param source - Where its upstream context came from, `undefined` for none.
 * @example
 * ```ts
 * tracer.startSpan('sqs.process', { attributes: recordAttributes(record, 'orders', 'datadog') });
 * ```
 */
export function recordAttributes(
  record: SQSRecord,
  queueName: string | undefined,
  source: string | undefined,
): Attributes {
  // Built by assignment, not spread: this runs once per record, and spreading computed keys
  // costs several microseconds each time.
  const attributes = queueAttributes(queueName);
  attributes[ATTR.MESSAGING_OPERATION_TYPE] = ATTR_VALUES.MESSAGING_OPERATION_TYPE_PROCESS;
  attributes[ATTR.MESSAGING_OPERATION_NAME] = OPERATIONS.process;
  attributes[ATTR.KIT_CONTEXT_SOURCE] = source ?? NO_CONTEXT_SOURCE;
  if (typeof record?.messageId === 'string') {
    attributes[ATTR.MESSAGING_MESSAGE_ID] = record.messageId;
  }
  const system = record?.attributes as Partial<SQSRecord['attributes']> | undefined;
  const count = Number(system?.ApproximateReceiveCount);
  if (Number.isSafeInteger(count) && count > 0) attributes[SQS_ATTR.RECEIVE_COUNT] = count;
  if (typeof system?.MessageGroupId === 'string') {
    attributes[ATTR.KIT_SQS_MESSAGE_GROUP_ID] = system.MessageGroupId;
  }
  if (typeof record?.body === 'string') {
    attributes[SQS_ATTR.MESSAGE_BODY_SIZE] = Buffer.byteLength(record.body, 'utf8');
  }
  return attributes;
}
