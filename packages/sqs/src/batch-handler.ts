import { KitError } from '@lambda-otel-kit/core';
import {
  getTelemetry,
  type InstrumentedHandler,
  initTelemetry,
  instrumentHandler,
  type Telemetry,
  type TelemetryOptions,
} from '@lambda-otel-kit/lambda';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { assertBatchOptions, SQS_PACKAGE } from './batch-settings.js';
import { processSqsBatch } from './process-batch.js';
import type { SqsBatchOptions, SqsRecordHandler } from './types.js';

/** Options of {@link sqsBatchHandler}: the batch options plus the telemetry to use. */
export interface SqsBatchHandlerOptions extends SqsBatchOptions {
  /** The telemetry to use; by default the one `initTelemetry()` built (it is called if needed). */
  telemetry?: Telemetry;
  /** Options for `initTelemetry()` when no telemetry exists yet. */
  telemetryOptions?: TelemetryOptions;
}

/**
 * A complete SQS Lambda handler: `instrumentHandler` (the `lambda.invoke` SERVER span, flush
 * before freeze) around {@link processSqsBatch} with the kit's tracer, configuration and
 * propagator. Return value is the partial batch response; enable `ReportBatchItemFailures` on
 * the event source mapping.
 *
 * @param recordHandler - The user's code for one record; throw or reject to fail the record.
 * @param options - Batch options (parenting, concurrency, deadline margin, FIFO scope, envelope…) and telemetry.
 * @returns The handler to export.
 * @throws KitError at setup when `recordHandler` is not a function or an option is invalid.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 * @example
 * ```ts
 * export const handler = sqsBatchHandler(async (record) => {
 *   await saveOrder(JSON.parse(record.body));
 * });
 * ```
 */
export function sqsBatchHandler(
  recordHandler: SqsRecordHandler,
  options: SqsBatchHandlerOptions = {},
): InstrumentedHandler<SQSEvent, SQSBatchResponse> {
  if (typeof recordHandler !== 'function') {
    throw new KitError('sqsBatchHandler needs a record handler function', { package: SQS_PACKAGE });
  }
  const { telemetry: given, telemetryOptions, ...batchOptions } = options;
  assertBatchOptions(batchOptions);
  const telemetry = given ?? getTelemetry() ?? initTelemetry(telemetryOptions);
  return instrumentHandler<SQSEvent, SQSBatchResponse>(
    (event, lambdaContext) =>
      processSqsBatch(event, lambdaContext, recordHandler, {
        tracer: telemetry.tracer,
        config: telemetry.config,
        propagator: telemetry.propagator,
        options: batchOptions,
      }),
    { telemetry },
  );
}
