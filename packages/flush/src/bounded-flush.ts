import { describeError, reportDebug, reportOnce } from './report.js';
import type { FlushFunction, FlushOutcome, FlushStatus } from './types.js';

/** The longest delay `setTimeout` accepts (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Runs a flush and waits for it at most `budgetMs`; resolves with how it ended, never rejects.
 *
 * The flush is started synchronously. When it outlasts the budget the returned promise resolves
 * as `timed-out` and the flush goes on unawaited; when it throws or rejects it resolves as
 * `failed`. A budget of zero or less (or `NaN`) resolves as `skipped` without calling `flush`.
 * The budget timer is cleared as soon as the flush settles. It is not `unref`ed: it is what ends
 * the wait for a flush that never settles, and it lasts at most `budgetMs`.
 * Timeouts and failures go to `diag` (warn the first time, debug after).
 *
 * @param flush - Exports what is buffered, e.g. `() => processor.forceFlush()`.
 * @param budgetMs - The longest wait in milliseconds, usually from {@link flushBudget}.
 * @returns The outcome, always resolved.
 * @see The package README, "Behaviour".
 * @example
 * ```ts
 * const outcome = await boundedFlush(() => processor.forceFlush(), 2000);
 * if (outcome.status !== 'flushed') console.log(outcome.status, outcome.durationMs);
 * ```
 */
export function boundedFlush(flush: FlushFunction, budgetMs: number): Promise<FlushOutcome> {
  const started = performance.now();
  const budget = budgetMs > 0 ? Math.min(budgetMs, MAX_TIMER_MS) : 0;
  if (budget === 0) {
    reportDebug('flush skipped: no time left before the margin');
    return Promise.resolve({ status: 'skipped', durationMs: 0, budgetMs: 0 });
  }
  return new Promise<FlushOutcome>((resolve) => {
    let finished = false;
    const finish = (status: FlushStatus, error?: unknown): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const durationMs = performance.now() - started;
      const outcome: FlushOutcome =
        status === 'failed'
          ? { status, durationMs, budgetMs: budget, error }
          : { status, durationMs, budgetMs: budget };
      report(outcome);
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('timed-out'), budget);
    try {
      const pending = flush();
      if (isThenable(pending)) {
        pending.then(
          () => finish('flushed'),
          (error: unknown) => finish('failed', error),
        );
      } else {
        finish('flushed');
      }
    } catch (error) {
      finish('failed', error);
    }
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function report(outcome: FlushOutcome): void {
  const took = `${Math.round(outcome.durationMs)} ms`;
  if (outcome.status === 'timed-out') {
    reportOnce(
      'flush-timed-out',
      `flush did not finish within its ${Math.round(outcome.budgetMs)} ms budget; ` +
        'spans still being exported may arrive late or be lost when the sandbox freezes',
    );
  } else if (outcome.status === 'failed') {
    reportOnce('flush-failed', `flush failed after ${took}: ${describeError(outcome.error)}`);
  } else {
    reportDebug(`flush finished in ${took}`);
  }
}
