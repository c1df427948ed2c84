import type { RecordParenting } from '@lambda-otel-kit/core';
import { SPAN_NAMES } from '@lambda-otel-kit/core';
import type { ExtractedContext } from '@lambda-otel-kit/propagators';
import {
  type Context,
  isSpanContextValid,
  type Link,
  type Span,
  SpanKind,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { SQSRecord } from 'aws-lambda';
import { recordAttributes, SQS_ATTR } from './attributes.js';

/** What {@link startRecordSpan} needs besides the record. */
export interface RecordSpanOptions {
  /** The context holding the `lambda.invoke` span (or none). */
  invocationContext: Context;
  /** The record's extraction result, made with `invocationContext` as base. */
  extracted: ExtractedContext;
  parenting: RecordParenting;
  queueName: string | undefined;
}

/** A started `sqs.process` span and the context to run the record's handler in. */
export interface StartedRecordSpan {
  span: Span;
  context: Context;
}

function link(context: Context | undefined, role: string): Link[] {
  const spanContext = context && trace.getSpanContext(context);
  if (!spanContext || !isSpanContextValid(spanContext)) return [];
  return [{ context: spanContext, attributes: { [SQS_ATTR.LINK_ROLE]: role } }];
}

/**
 * Starts the CONSUMER `sqs.process` span of one record. With parenting `upstream` its parent is
 * the record's upstream context (when it has one, else `lambda.invoke`) and it links to
 * `lambda.invoke`; with `invocation` its parent is `lambda.invoke` and it links upstream.
 * Contexts of other traces found in the record are linked as `upstream` too. Baggage of the
 * record's upstream context is kept in both shapes.
 *
 * @param tracer - The tracer to start the span with.
 * @param record - The SQS record.
 * @param options - Invocation context, extraction result, parenting, queue name.
 * @returns The span, and a context with it active.
 * @example
 * ```ts
 * const { span, context: ctx } = startRecordSpan(tracer, record, { invocationContext, extracted, parenting: 'upstream', queueName });
 * ```
 */
export function startRecordSpan(
  tracer: Tracer,
  record: SQSRecord,
  options: RecordSpanOptions,
): StartedRecordSpan {
  const { extracted, invocationContext } = options;
  const hasUpstream = extracted.source !== undefined;
  const invocationSpan = trace.getSpan(invocationContext);
  let parent: Context;
  const links: Link[] = [];
  if (hasUpstream && options.parenting === 'upstream') {
    parent = extracted.context;
    links.push(...link(invocationContext, 'invocation'));
  } else {
    parent = invocationSpan
      ? trace.setSpan(extracted.context, invocationSpan)
      : trace.deleteSpan(extracted.context);
    if (hasUpstream) links.push(...link(extracted.context, 'upstream'));
  }
  for (const other of extracted.links ?? []) {
    links.push({ context: other, attributes: { [SQS_ATTR.LINK_ROLE]: 'upstream' } });
  }
  const span = tracer.startSpan(
    SPAN_NAMES.sqsProcess,
    {
      kind: SpanKind.CONSUMER,
      attributes: recordAttributes(record, options.queueName, extracted.source),
      links,
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}
