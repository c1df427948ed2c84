import type { RecordContextSource, RecordParenting } from '@lambda-otel-kit/core';
import {
  KitError,
  RECORD_CONTEXT_SOURCES,
  RECORD_PARENTINGS,
  readConfig,
} from '@lambda-otel-kit/core';
import type { EnvelopeMode, FifoFailureScope, SqsBatchConfig, SqsBatchOptions } from './types.js';

/** The package name errors and warnings carry. */
export const SQS_PACKAGE = '@lambda-otel-kit/sqs';

/** Every setting of one batch, options and configuration merged. */
export interface BatchSettings {
  contextOrder: readonly RecordContextSource[];
  parenting: RecordParenting;
  deadlineMarginMs: number;
  concurrency: number;
  throwOnFullFailure: boolean;
  fifoFailureScope: FifoFailureScope;
  envelope: EnvelopeMode;
  linkLimit: number;
}

const ENVELOPES: readonly EnvelopeMode[] = ['none', 'sns', 'eventbridge', 'auto'];
const SCOPES: readonly FifoFailureScope[] = ['group', 'batch'];

function fail(message: string): never {
  throw new KitError(message, { package: SQS_PACKAGE });
}

/**
 * Checks explicit batch options; misuse at setup is the one thing the kit throws for.
 *
 * @param options - The options to check.
 * @throws KitError naming the first invalid option.
 * @example
 * ```ts
 * assertBatchOptions({ concurrency: 4 }); // ok
 * ```
 */
export function assertBatchOptions(options: SqsBatchOptions): void {
  const { concurrency, deadlineMarginMs, parenting, envelope, fifoFailureScope } = options;
  if (concurrency !== undefined && !(Number.isSafeInteger(concurrency) && concurrency >= 1)) {
    fail('concurrency must be an integer of at least 1');
  }
  if (
    deadlineMarginMs !== undefined &&
    !(Number.isFinite(deadlineMarginMs) && deadlineMarginMs >= 0)
  ) {
    fail('deadlineMarginMs must be a finite number of at least 0');
  }
  if (parenting !== undefined && !RECORD_PARENTINGS.includes(parenting)) {
    fail(`parenting must be one of ${RECORD_PARENTINGS.join(', ')}`);
  }
  if (envelope !== undefined && !ENVELOPES.includes(envelope)) {
    fail(`envelope must be one of ${ENVELOPES.join(', ')}`);
  }
  if (fifoFailureScope !== undefined && !SCOPES.includes(fifoFailureScope)) {
    fail(`fifoFailureScope must be one of ${SCOPES.join(', ')}`);
  }
  const order = options.contextOrder;
  if (order !== undefined && !order.every((s) => RECORD_CONTEXT_SOURCES.includes(s))) {
    fail(`contextOrder may only name ${RECORD_CONTEXT_SOURCES.join(', ')}`);
  }
}

/**
 * Merges explicit options over the kit's configuration (read at call time when not given).
 *
 * @param options - Explicit options; they win.
 * @param config - The configuration; default `readConfig()`.
 * @example
 * ```ts
 * resolveBatchSettings({ concurrency: 4 }).parenting; // 'upstream' unless configured otherwise
 * ```
 */
export function resolveBatchSettings(
  options: SqsBatchOptions = {},
  config: SqsBatchConfig = readConfig(),
): BatchSettings {
  assertBatchOptions(options);
  return {
    contextOrder: options.contextOrder ?? config.recordContextOrder,
    parenting: options.parenting ?? config.recordParenting,
    deadlineMarginMs: options.deadlineMarginMs ?? 2 * config.flush.marginMs,
    concurrency: options.concurrency ?? 1,
    throwOnFullFailure: options.throwOnFullFailure ?? false,
    fifoFailureScope: options.fifoFailureScope ?? 'group',
    envelope: options.envelope ?? 'none',
    linkLimit: config.spanLimits.linkCountLimit,
  };
}
