/**
 * How a bounded flush ended.
 *
 * - `flushed`: the flush promise resolved within the budget.
 * - `timed-out`: the budget ran out first; the flush goes on in the background, unawaited.
 * - `failed`: the flush threw or its promise rejected within the budget.
 * - `skipped`: the budget was zero (no time left before the margin), so nothing was started.
 */
export type FlushStatus = 'flushed' | 'timed-out' | 'failed' | 'skipped';

/** The result of one bounded flush; never an exception. */
export interface FlushOutcome {
  /** How the flush ended. */
  readonly status: FlushStatus;
  /** Time spent waiting, in milliseconds (monotonic clock). */
  readonly durationMs: number;
  /** The budget the flush was given, in milliseconds, after clamping. */
  readonly budgetMs: number;
  /** What the flush threw or rejected with, when `status` is `failed`. */
  readonly error?: unknown;
}

/**
 * Exports what is buffered, e.g. `() => processor.forceFlush()`. May return a promise; a
 * promise that never settles is tolerated.
 */
export type FlushFunction = () => PromiseLike<unknown> | unknown;

/** Inputs of {@link flushBudget}, all in milliseconds. */
export interface FlushBudgetInput {
  /** Time left in the invocation, as `context.getRemainingTimeInMillis()` reports it. */
  readonly remainingMs: number;
  /** The longest a flush may take, whatever the time left (`LAMBDA_OTEL_FLUSH_CAP_MS`). */
  readonly capMs: number;
  /** Time kept free before the deadline (`LAMBDA_OTEL_FLUSH_MARGIN_MS`). */
  readonly marginMs: number;
}

/** Options of {@link createInvocationGuard}. Numbers are milliseconds. */
export interface InvocationGuardOptions {
  /** Exports what is buffered; called at most once per guard. */
  readonly flush: FlushFunction;
  /** The longest a flush may take (the kit's default is 2000). */
  readonly capMs: number;
  /** Time kept free before the deadline (the kit's default is 500). */
  readonly marginMs: number;
  /**
   * The invocation's time left, usually `context.getRemainingTimeInMillis`. When absent, throwing
   * or not a finite number, no deadline timer is armed and a settle flush gets `capMs`.
   */
  readonly getRemainingTimeInMillis?: () => number;
  /**
   * Called once when `remaining − margin` is reached before the handler settled, right before the
   * deadline flush: end the open spans there, marked as timed out. Synchronous; whatever it throws
   * (or a promise it returns rejects with) goes to `diag`.
   */
  readonly onDeadline?: () => void;
  /**
   * Shared across invocations: shortens the settle flush while flushes are failing (see
   * `createFlushBreaker`) and learns from every flush's outcome. Without it, every flush gets the
   * full cap.
   */
  readonly breaker?: FlushBreaker;
}

/** Options of `createFlushBreaker`. */
export interface FlushBreakerOptions {
  /** The cap while flushes are failing, in milliseconds (`LAMBDA_OTEL_FLUSH_FAILING_CAP_MS`). */
  readonly failingCapMs: number;
  /** How often one flush still gets the full cap while failing; default 30,000 ms. */
  readonly retryAfterMs?: number;
  /** Monotonic clock in milliseconds; default `performance.now`. */
  readonly now?: () => number;
}

/** Remembers whether flushes are failing, across the invocations of one sandbox. */
export interface FlushBreaker {
  /** True after a flush that did not finish, until one finishes. */
  readonly failing: boolean;
  /** The cap the next settle flush gets: `capMs`, or the failing cap while failing. */
  capFor(capMs: number): number;
  /** Learns from a flush's outcome. */
  record(outcome: FlushOutcome): void;
}

/** The flush outcome seen by the settle path, saying whether the deadline path ran first. */
export type SettleOutcome = FlushOutcome & {
  /** True when the deadline path fired before `settle()` was called. */
  readonly deadlineReached: boolean;
};

/** The per-invocation flush guard returned by {@link createInvocationGuard}. */
export interface InvocationGuard {
  /**
   * Call once the handler has settled (value, throw or callback) and its spans are ended. Flushes
   * within `min(cap, remaining − margin)`; never rejects. Idempotent: later calls return the first
   * call's promise. After the deadline path has fired it does not flush again and resolves at once
   * with `status: 'skipped'` and `deadlineReached: true`.
   */
  settle(): Promise<SettleOutcome>;
  /** Clears the deadline timer without flushing; a later `settle()` resolves as `skipped`. */
  dispose(): void;
  /** True once the deadline path has fired. */
  readonly deadlineReached: boolean;
}
