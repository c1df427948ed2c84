import { extractRecordContext } from '@lambda-otel-kit/propagators';
import { context, diag, trace } from '@opentelemetry/api';
import type {
  Context,
  SQSBatchItemFailure,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import { resolveBatchSettings } from './batch-settings.js';
import { startBatchSpans } from './batch-spans.js';
import { unwrapPayload } from './envelope.js';
import { parseSqsArn, type SqsQueue } from './queue-arn.js';
import { markRecordFailed, markRecordSkipped, markRecordSucceeded } from './record-outcome.js';
import { scheduleRecords } from './record-scheduler.js';
import { startRecordSpan } from './record-span.js';
import type { ProcessSqsBatchDeps, RecordOutcome, SqsRecordHandler } from './types.js';

/**
 * `parseSqsArn` for the records of one batch: they nearly always share one ARN, so the last
 * answer is kept (two regex runs per record add up on batches of thousands).
 */
function queueParser(): (arn: unknown) => SqsQueue | undefined {
  let lastArn: unknown;
  let last: SqsQueue | undefined;
  return (arn) => {
    if (arn !== lastArn || last === undefined) {
      last = parseSqsArn(arn);
      lastArn = arn;
    }
    return last;
  };
}

/** The FIFO message group of a record, `undefined` for a standard-queue record. */
function laneOf(
  record: SQSRecord,
  queueOf: (arn: unknown) => SqsQueue | undefined,
): string | undefined {
  const group = (record?.attributes as Partial<SQSRecord['attributes']> | undefined)
    ?.MessageGroupId;
  const queue = queueOf(record?.eventSourceARN);
  const fifo = queue ? queue.fifo : typeof group === 'string';
  return fifo ? (typeof group === 'string' ? group : '') : undefined;
}

function remainingMs(lambdaContext: Context | undefined): number {
  try {
    const remaining = lambdaContext?.getRemainingTimeInMillis?.();
    return typeof remaining === 'number' && !Number.isNaN(remaining) ? remaining : Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * Processes one SQS batch: a `sqs.process` CONSUMER span per record (parented on the record's
 * upstream context, or on `lambda.invoke` — see `parenting`), active while `recordHandler`
 * runs; one `sqs.batch` CONSUMER span (split when the link limit requires) linking every
 * record. A record whose handler throws or rejects gets ERROR status and is reported in
 * `batchItemFailures`, with every record never started (FIFO group after a failure, or the
 * deadline margin reached): exactly the records SQS must redeliver.
 *
 * @param event - The Lambda SQS event.
 * @param lambdaContext - The Lambda context (its remaining time drives the deadline).
 * @param recordHandler - The user's code for one record.
 * @param deps - Tracer, configuration, invocation span, propagator and options.
 * @returns The partial batch response for `ReportBatchItemFailures`.
 * @throws AggregateError of the records' errors, only with `throwOnFullFailure` when every record failed.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting
 * @example
 * ```ts
 * const result = await processSqsBatch(event, context, async (record) => save(record.body), { tracer });
 * ```
 */
export async function processSqsBatch(
  event: SQSEvent,
  lambdaContext: Context,
  recordHandler: SqsRecordHandler,
  deps: ProcessSqsBatchDeps,
): Promise<SQSBatchResponse> {
  const settings = resolveBatchSettings(deps.options, deps.config);
  const records: SQSRecord[] | undefined = Array.isArray(event?.Records)
    ? event.Records
    : undefined;
  if (!records) {
    diag.warn('lambda-otel-kit: the event has no Records array; no SQS record was processed');
    return { batchItemFailures: [] };
  }
  const { tracer } = deps;
  const invocationContext = deps.invocationSpan
    ? trace.setSpan(context.active(), deps.invocationSpan)
    : context.active();
  const queueOf = queueParser();
  const queueName = queueOf(records[0]?.eventSourceARN)?.queueName;
  const batch = startBatchSpans(tracer, {
    invocationContext,
    queueName,
    count: records.length,
    linkLimit: settings.linkLimit,
  });
  const outcomes = new Array<RecordOutcome>(records.length);
  const errors: unknown[] = [];

  const begin = (index: number) => {
    const record = records[index]!;
    const extracted = extractRecordContext(record, {
      order: settings.contextOrder,
      context: invocationContext,
      ...(deps.propagator ? { propagator: deps.propagator } : {}),
    });
    const started = startRecordSpan(tracer, record, {
      invocationContext,
      extracted,
      parenting: settings.parenting,
      queueName: queueOf(record?.eventSourceARN)?.queueName ?? queueName,
    });
    const messageId = typeof record?.messageId === 'string' ? record.messageId : undefined;
    batch.link(index, started.span.spanContext(), messageId);
    return { record, started, source: extracted.source };
  };
  const settle = (index: number, outcome: RecordOutcome) => {
    outcomes[index] = outcome;
    batch.outcome(index, outcome);
  };

  await scheduleRecords(
    {
      lanes: records.map((record) => laneOf(record, queueOf)),
      concurrency: settings.concurrency,
      fifoFailureScope: settings.fifoFailureScope,
    },
    {
      gate: () => (remainingMs(lambdaContext) < settings.deadlineMarginMs ? 'deadline' : undefined),
      skip: (index, reason) => {
        const { started } = begin(index);
        markRecordSkipped(started.span, reason);
        started.span.end();
        settle(index, 'skipped');
      },
      run: async (index) => {
        const { record, started, source } = begin(index);
        const { span } = started;
        try {
          const { payload, envelope } = unwrapPayload(record?.body, settings.envelope);
          const info = { span, payload, envelope, index, contextSource: source, lambdaContext };
          await context.with(started.context, async () => recordHandler(record, info));
          markRecordSucceeded(span);
          settle(index, 'success');
          return true;
        } catch (error) {
          markRecordFailed(span, error);
          errors.push(error);
          settle(index, 'failure');
          return false;
        } finally {
          span.end();
        }
      },
    },
  );
  batch.end();

  const batchItemFailures: SQSBatchItemFailure[] = [];
  records.forEach((record, index) => {
    if (outcomes[index] !== 'success') {
      batchItemFailures.push({ itemIdentifier: String(record?.messageId ?? '') });
    }
  });
  if (
    settings.throwOnFullFailure &&
    records.length > 0 &&
    batchItemFailures.length === records.length &&
    errors.length > 0
  ) {
    throw new AggregateError(errors, `all ${records.length} SQS records failed`);
  }
  return { batchItemFailures };
}
