import type { KitConfig, RecordContextSource, RecordParenting } from '@lambda-otel-kit/core';
import type { Span, TextMapPropagator, Tracer } from '@opentelemetry/api';
import type { Context, SQSRecord } from 'aws-lambda';

/** Which envelope to unwrap before handing a record's payload to the record handler. */
export type EnvelopeMode = 'none' | 'sns' | 'eventbridge' | 'auto';

/** What happened to one record: it ran and succeeded, ran and failed, or never started. */
export type RecordOutcome = 'success' | 'failure' | 'skipped';

/**
 * Why a record was not started (it is reported in `batchItemFailures` so SQS redelivers it):
 * an earlier record of its FIFO message group failed, a failure stopped the whole FIFO batch,
 * or the invocation's remaining time fell below the margin.
 */
export type SkipReason = 'fifo-group-failed' | 'fifo-batch-stopped' | 'deadline';

/** After a FIFO failure: stop only that message group (default) or the whole batch. */
export type FifoFailureScope = 'group' | 'batch';

/** What the record handler receives besides the record itself. */
export interface RecordInfo {
  /** The record's `sqs.process` span (also the active span while the handler runs). */
  span: Span;
  /** The body, or the SNS `Message` / EventBridge `detail` when an envelope was unwrapped. */
  payload: unknown;
  /** The envelope that was unwrapped, if any. */
  envelope: 'sns' | 'eventbridge' | undefined;
  /** Position of the record in the batch. */
  index: number;
  /** Where the record's upstream context came from, `undefined` when it carried none. */
  contextSource: RecordContextSource | undefined;
  /** The Lambda context of the invocation. */
  lambdaContext: Context;
}

/** The user's code for one record: throw (or reject) to mark the record failed. */
export type SqsRecordHandler = (record: SQSRecord, info: RecordInfo) => unknown;

/** Options of the batch consumer; each beats the matching configuration value. */
export interface SqsBatchOptions {
  /** Parent of `sqs.process`: the record's upstream context (default) or `lambda.invoke`. Default `config.recordParenting`. */
  parenting?: RecordParenting;
  /** Record-context sources tried in order. Default `config.recordContextOrder`. */
  contextOrder?: readonly RecordContextSource[];
  /**
   * Start no record once `getRemainingTimeInMillis()` is below this. Default twice
   * `config.flush.marginMs` (`LAMBDA_OTEL_FLUSH_MARGIN_MS`), so the last record and the flush can
   * finish before the flush guard's own deadline (`remaining < marginMs`) cuts the invocation off.
   */
  deadlineMarginMs?: number;
  /** Records processed at once (order is kept within a FIFO message group). Default 1. */
  concurrency?: number;
  /** Throw an `AggregateError` (failing the whole invocation) when every record failed. Default false. */
  throwOnFullFailure?: boolean;
  /** What a FIFO failure stops: its message group (default) or the whole batch. */
  fifoFailureScope?: FifoFailureScope;
  /** Envelope to unwrap into `info.payload`. Default `none` (the raw body). */
  envelope?: EnvelopeMode;
}

/** The part of the kit's configuration the batch consumer reads. */
export type SqsBatchConfig = Pick<
  KitConfig,
  'recordContextOrder' | 'recordParenting' | 'flush' | 'spanLimits'
>;

/** Collaborators of {@link processSqsBatch}, passed explicitly. */
export interface ProcessSqsBatchDeps {
  /** The tracer that starts `sqs.process` and `sqs.batch`. */
  tracer: Tracer;
  /** Default `readConfig()` of `@lambda-otel-kit/core`, read at call time. */
  config?: SqsBatchConfig;
  /** The `lambda.invoke` span; default the active span. */
  invocationSpan?: Span;
  /** Reads trace headers from message attributes; default W3C trace-context + baggage. */
  propagator?: TextMapPropagator;
  options?: SqsBatchOptions;
}
