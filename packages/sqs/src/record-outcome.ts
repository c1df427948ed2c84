import { ATTR, ATTR_VALUES } from '@lambda-otel-kit/core';
import { type Span, SpanStatusCode } from '@opentelemetry/api';
import { SQS_ATTR } from './attributes.js';
import type { SkipReason } from './types.js';

/**
 * Marks a `sqs.process` span failed: ERROR status with the error's message, the exception
 * recorded as an event, `error.type` and the `failure` outcome.
 *
 * @param span - The record's span.
 * @param error - Whatever the record handler threw or rejected with.
 * @example
 * ```ts
 * markRecordFailed(span, new Error('payment declined'));
 * ```
 */
export function markRecordFailed(span: Span, error: unknown): void {
  const isError = error instanceof Error;
  span.recordException(isError ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: isError ? error.message : String(error) });
  span.setAttribute(ATTR.ERROR_TYPE, isError ? error.name || 'Error' : typeof error);
  span.setAttribute(ATTR.KIT_RECORD_OUTCOME, ATTR_VALUES.RECORD_OUTCOME_FAILURE);
}

/**
 * Marks a `sqs.process` span succeeded (`success` outcome; the status stays unset).
 *
 * @param span - The record's span.
 * @example
 * ```ts
 * markRecordSucceeded(span);
 * ```
 */
export function markRecordSucceeded(span: Span): void {
  span.setAttribute(ATTR.KIT_RECORD_OUTCOME, ATTR_VALUES.RECORD_OUTCOME_SUCCESS);
}

/**
 * Marks a `sqs.process` span of a record that was never started: `skipped` outcome and the
 * reason. Its status stays unset (the record did not fail; it is handed back for redelivery).
 *
 * @param span - The record's span.
 * @param reason - Why it was not started.
 * @example
 * ```ts
 * markRecordSkipped(span, 'deadline');
 * ```
 */
export function markRecordSkipped(span: Span, reason: SkipReason): void {
  span.setAttribute(ATTR.KIT_RECORD_OUTCOME, ATTR_VALUES.RECORD_OUTCOME_SKIPPED);
  span.setAttribute(SQS_ATTR.SKIP_REASON, reason);
}
