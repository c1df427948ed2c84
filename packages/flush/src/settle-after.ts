import { describeError, reportOnce } from './report.js';
import type { InvocationGuard } from './types.js';

/**
 * Waits for the handler's work, then for `guard.settle()`, and hands back the work's own value or
 * rethrows its own error, unchanged, whatever the flush did.
 *
 * The bridge between a handler and its guard: end the invocation's spans inside `work`, so the
 * flush that follows exports them.
 *
 * @param guard - The invocation's guard (anything with a `settle()`).
 * @param work - The handler's promise, or a function returning it (a synchronous throw is treated
 *   as a rejection).
 * @returns A promise settling exactly as `work` did, after the bounded flush.
 * @see The package README, "Behaviour".
 * @example
 * ```ts
 * const guard = createInvocationGuard({ flush, capMs: 2000, marginMs: 500, getRemainingTimeInMillis });
 * return settleAfter(guard, async () => {
 *   try {
 *     return await handler(event, context);
 *   } finally {
 *     span.end();
 *   }
 * });
 * ```
 */
export async function settleAfter<T>(
  guard: Pick<InvocationGuard, 'settle'>,
  work: PromiseLike<T> | (() => PromiseLike<T> | T),
): Promise<T> {
  try {
    return await (typeof work === 'function' ? work() : work);
  } finally {
    await settleQuietly(guard);
  }
}

async function settleQuietly(guard: Pick<InvocationGuard, 'settle'>): Promise<void> {
  try {
    await guard.settle();
  } catch (error) {
    reportOnce('settle-failed', `settle() failed: ${describeError(error)}`);
  }
}
