import { ATTR, ATTR_VALUES, SPAN_NAMES } from '@lambda-otel-kit/core';
import {
  type Context,
  diag,
  type Span,
  type SpanContext,
  SpanKind,
  type Tracer,
} from '@opentelemetry/api';
import { OPERATIONS, queueAttributes, SQS_ATTR } from './attributes.js';
import type { RecordOutcome } from './types.js';

/** What {@link startBatchSpans} needs. */
export interface BatchSpansOptions {
  /** The context holding `lambda.invoke`: every `sqs.batch` span is its child. */
  invocationContext: Context;
  queueName: string | undefined;
  /** Records in the batch. */
  count: number;
  /** Links one span may hold (`OTEL_SPAN_LINK_COUNT_LIMIT`); the batch is split to fit. */
  linkLimit: number;
}

/** The `sqs.batch` span(s) of one invocation. */
export interface BatchSpans {
  /** How many `sqs.batch` spans the batch was split into. */
  readonly parts: number;
  /** Links record `index`'s `sqs.process` span from the batch span covering it. */
  link(index: number, spanContext: SpanContext, messageId: string | undefined): void;
  /** Counts record `index`'s outcome on the batch span covering it. */
  outcome(index: number, outcome: RecordOutcome): void;
  /** Writes the counts and ends every part. */
  end(): void;
}

/**
 * Starts the CONSUMER `sqs.batch` span(s), children of `lambda.invoke`, that will link every
 * record's `sqs.process` span. When the batch has more records than one span may hold links,
 * it is split into parts of `linkLimit` records, each marked `lambda_otel.batch.part` /
 * `lambda_otel.batch.parts`, so no link is ever dropped.
 *
 * @param tracer - The tracer to start the spans with.
 * @param options - Invocation context, queue, record count and link limit.
 * @example
 * ```ts
 * const batch = startBatchSpans(tracer, { invocationContext, queueName: 'orders', count: 10, linkLimit: 128 });
 * ```
 */
export function startBatchSpans(tracer: Tracer, options: BatchSpansOptions): BatchSpans {
  const { count } = options;
  const perPart = Math.max(1, Math.floor(options.linkLimit) || 1);
  const parts = count === 0 ? 0 : Math.ceil(count / perPart);
  if (parts > 1) {
    diag.debug(
      `lambda-otel-kit: ${count} records exceed ${perPart} links per span; sqs.batch is split into ${parts} spans`,
    );
  }
  const spans: Span[] = [];
  const failed = new Array<number>(parts).fill(0);
  const skipped = new Array<number>(parts).fill(0);
  for (let part = 0; part < parts; part += 1) {
    const size = Math.min(perPart, count - part * perPart);
    const span = tracer.startSpan(
      SPAN_NAMES.sqsBatch,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          ...queueAttributes(options.queueName),
          [ATTR.MESSAGING_OPERATION_TYPE]: ATTR_VALUES.MESSAGING_OPERATION_TYPE_PROCESS,
          [ATTR.MESSAGING_OPERATION_NAME]: OPERATIONS.process,
          [ATTR.MESSAGING_BATCH_MESSAGE_COUNT]: size,
          [SQS_ATTR.BATCH_TOTAL_COUNT]: count,
          [SQS_ATTR.BATCH_PART]: part + 1,
          [SQS_ATTR.BATCH_PARTS]: parts,
        },
      },
      options.invocationContext,
    );
    spans.push(span);
  }
  const partOf = (index: number) => Math.floor(index / perPart);
  return {
    parts,
    link(index, spanContext, messageId) {
      const attributes =
        messageId === undefined
          ? { [SQS_ATTR.LINK_ROLE]: 'record' }
          : { [SQS_ATTR.LINK_ROLE]: 'record', [ATTR.MESSAGING_MESSAGE_ID]: messageId };
      spans[partOf(index)]?.addLink({ context: spanContext, attributes });
    },
    outcome(index, outcome) {
      const part = partOf(index);
      if (part >= parts) return;
      if (outcome === 'failure') failed[part]! += 1;
      if (outcome === 'skipped') skipped[part]! += 1;
    },
    end() {
      spans.forEach((span, part) => {
        span.setAttribute(ATTR.KIT_FAILED_RECORD_COUNT, failed[part]! + skipped[part]!);
        span.setAttribute(SQS_ATTR.BATCH_SKIPPED_COUNT, skipped[part]!);
        span.end();
      });
    },
  };
}
