/**
 * @packageDocumentation
 * SQS batch consumer and producer: per-record `sqs.process` spans on each record's upstream
 * trace, a linked `sqs.batch` span, partial batch failures, FIFO, deadline; context injection
 * for `SendMessage` / `SendMessageBatch`.
 */
export { NO_CONTEXT_SOURCE, OPERATIONS, recordAttributes, SQS_ATTR } from './attributes.js';
export type { SqsBatchHandlerOptions } from './batch-handler.js';
export { sqsBatchHandler } from './batch-handler.js';
export type { BatchSettings } from './batch-settings.js';
export { assertBatchOptions, resolveBatchSettings, SQS_PACKAGE } from './batch-settings.js';
export type { BatchSpans, BatchSpansOptions } from './batch-spans.js';
export { startBatchSpans } from './batch-spans.js';
export type { UnwrappedPayload } from './envelope.js';
export { unwrapPayload } from './envelope.js';
export { processSqsBatch } from './process-batch.js';
export type { ProducerOperation } from './producer-span.js';
export { startProducerSpan } from './producer-span.js';
export type {
  ProducerOptions,
  SendMessageBatchEntryLike,
  SendMessageBatchInputLike,
  SendMessageBatchOutputLike,
  SendMessageInputLike,
  SendMessageOutputLike,
} from './producer-types.js';
export type { PublishInputLike } from './publish-message.js';
export { publishMessage } from './publish-message.js';
export type { SqsQueue } from './queue-arn.js';
export { parseQueueUrl, parseSqsArn, queueNameOf } from './queue-arn.js';
export { markRecordFailed, markRecordSkipped, markRecordSucceeded } from './record-outcome.js';
export type { ScheduleHooks, ScheduleOptions } from './record-scheduler.js';
export { scheduleRecords } from './record-scheduler.js';
export type { RecordSpanOptions, StartedRecordSpan } from './record-span.js';
export { startRecordSpan } from './record-span.js';
export type {
  SdkHandlerContext,
  SdkInitializeMiddleware,
  SdkMiddlewareArgs,
  SdkMiddlewareResult,
  SdkMiddlewareStackLike,
  SdkNextHandler,
  SqsTracingPlugin,
} from './sdk-middleware.js';
export { SQS_TRACING_MIDDLEWARE, sqsTracingMiddleware } from './sdk-middleware.js';
export { sendMessage, sendMessageBatch } from './send-message.js';
export type {
  EnvelopeMode,
  FifoFailureScope,
  ProcessSqsBatchDeps,
  RecordInfo,
  RecordOutcome,
  SkipReason,
  SqsBatchConfig,
  SqsBatchOptions,
  SqsRecordHandler,
} from './types.js';
