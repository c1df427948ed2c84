import { boundedFlush } from './bounded-flush.js';
import { flushBudget } from './flush-budget.js';
import { describeError, reportDebug, reportOnce } from './report.js';
import type {
  FlushOutcome,
  InvocationGuard,
  InvocationGuardOptions,
  SettleOutcome,
} from './types.js';

/** The longest delay `setTimeout` accepts (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

type GuardState = 'armed' | 'deadline' | 'settled' | 'disposed';

/**
 * Arms the flush guard of one invocation: a settle path and a deadline path, of which at most one
 * flushes.
 *
 * - Deadline path: a timer fires at `remaining − margin` (read once, now). Unless the handler has
 *   settled by then, it calls `onDeadline()` (end the open spans as timed out there) and flushes
 *   within `min(cap, remaining)`, the time still left before the hard deadline. The timer is
 *   `unref`ed, so it never keeps the process alive nor delays a callback handler's response
 *   (`callbackWaitsForEmptyEventLoop`). It is not armed when `remaining ≤ margin` at creation.
 * - Settle path: `settle()`, called once the handler has settled and its spans are ended, clears
 *   the timer and flushes within `min(cap, remaining − margin)`.
 *
 * Nothing here throws: failures of `flush`, `onDeadline` or `getRemainingTimeInMillis` go to
 * `diag`. Create one guard per invocation, at its start.
 *
 * @param options - The flush, cap and margin (milliseconds), the time-left reader, the deadline hook.
 * @returns The guard; call `settle()` after the handler, or `dispose()` to drop it.
 * @see The package README, "Behaviour".
 * @example
 * ```ts
 * const guard = createInvocationGuard({
 *   flush: () => processor.forceFlush(),
 *   capMs: 2000,
 *   marginMs: 500,
 *   getRemainingTimeInMillis: () => context.getRemainingTimeInMillis(),
 *   onDeadline: () => endInvocationSpanAsTimedOut(),
 * });
 * try {
 *   return await handler(event, context);
 * } finally {
 *   endInvocationSpan();
 *   await guard.settle(); // never rejects
 * }
 * ```
 */
export function createInvocationGuard(options: InvocationGuardOptions): InvocationGuard {
  const { flush, capMs, marginMs, onDeadline, getRemainingTimeInMillis, breaker } = options;
  let state: GuardState = 'armed';
  let settled: Promise<SettleOutcome> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const readRemaining = (): number | undefined => {
    if (getRemainingTimeInMillis === undefined) return undefined;
    try {
      const remaining = getRemainingTimeInMillis();
      if (typeof remaining === 'number' && Number.isFinite(remaining)) return remaining;
      reportOnce('remaining-invalid', 'getRemainingTimeInMillis() did not return a finite number');
    } catch (error) {
      reportOnce('remaining-threw', `getRemainingTimeInMillis() threw: ${describeError(error)}`);
    }
    return undefined;
  };

  const budgetFor = (marginMsNow: number, cap: number): number => {
    const remainingMs = readRemaining();
    return remainingMs === undefined
      ? flushBudget({ remainingMs: cap, capMs: cap, marginMs: 0 })
      : flushBudget({ remainingMs, capMs: cap, marginMs: marginMsNow });
  };

  /** Flushes within `budget` and lets the breaker learn from the outcome. */
  const flushWithin = async (budget: number): Promise<FlushOutcome> => {
    const outcome = await boundedFlush(flush, budget);
    try {
      breaker?.record(outcome);
    } catch (error) {
      reportOnce('breaker-record-threw', `breaker.record() threw: ${describeError(error)}`);
    }
    return outcome;
  };

  /** The settle flush's cap: the breaker's answer when there is one and it is sane. */
  const settleCap = (): number => {
    if (breaker === undefined) return capMs;
    try {
      const cap = breaker.capFor(capMs);
      return Number.isFinite(cap) ? Math.min(Math.max(cap, 0), capMs) : capMs;
    } catch (error) {
      reportOnce('breaker-cap-threw', `breaker.capFor() threw: ${describeError(error)}`);
      return capMs;
    }
  };

  const clearDeadline = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const fireDeadline = (): void => {
    timer = undefined;
    if (state !== 'armed') return;
    state = 'deadline';
    reportDebug('deadline reached before the handler settled; ending open spans and flushing');
    runOnDeadline(onDeadline);
    // The last chance before the hard deadline: the full cap, whatever the breaker says.
    void flushWithin(budgetFor(0, capMs));
  };

  const initial = readRemaining();
  if (initial !== undefined) {
    const delay = initial - Math.max(0, marginMs);
    if (delay > 0) {
      timer = setTimeout(fireDeadline, Math.min(delay, MAX_TIMER_MS));
      timer.unref();
    } else {
      reportOnce(
        'deadline-not-armed',
        `time left (${Math.round(initial)} ms) is not above the margin (${marginMs} ms); ` +
          'the deadline path is not armed',
      );
    }
  }

  return {
    settle(): Promise<SettleOutcome> {
      if (settled !== undefined) return settled;
      clearDeadline();
      if (state !== 'armed') {
        settled = Promise.resolve(skipped(state === 'deadline'));
      } else {
        state = 'settled';
        settled = flushWithin(budgetFor(marginMs, settleCap())).then(
          (outcome: FlushOutcome): SettleOutcome => ({ ...outcome, deadlineReached: false }),
        );
      }
      return settled;
    },
    dispose(): void {
      clearDeadline();
      if (state === 'armed') state = 'disposed';
    },
    get deadlineReached(): boolean {
      return state === 'deadline';
    },
  };
}

function skipped(deadlineReached: boolean): SettleOutcome {
  return { status: 'skipped', durationMs: 0, budgetMs: 0, deadlineReached };
}

function runOnDeadline(onDeadline: (() => void) | undefined): void {
  if (onDeadline === undefined) return;
  try {
    const returned: unknown = onDeadline();
    if (returned instanceof Promise) {
      returned.catch((error: unknown) => {
        reportOnce('on-deadline-failed', `onDeadline rejected: ${describeError(error)}`);
      });
    }
  } catch (error) {
    reportOnce('on-deadline-failed', `onDeadline threw: ${describeError(error)}`);
  }
}
