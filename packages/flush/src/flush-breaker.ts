import { reportDebug, reportOnce } from './report.js';
import type { FlushBreaker, FlushBreakerOptions, FlushOutcome } from './types.js';

/** How often a flush still gets the full cap while flushes are failing (30 s). */
export const FULL_CAP_RETRY_MS = 30_000;

/**
 * Creates the breaker that stops a failing backend from costing every invocation the full flush
 * cap. After a flush that did not finish (`timed-out` or `failed`), later flushes get at most
 * `failingCapMs`, until one finishes; every `retryAfterMs` one flush still gets the full cap, so
 * a backend that is slow rather than down is not starved. A `skipped` flush changes nothing.
 *
 * One breaker serves every invocation of a sandbox (it is about the backend, not the invocation).
 * Spans a short flush leaves in flight keep being exported in the background while the sandbox
 * runs; what has not left when it freezes may be lost, as with any flush that runs out of time.
 *
 * @param options - The cap while failing, the full-cap retry interval and a clock (for tests).
 * @returns The breaker, to pass to `createInvocationGuard({ breaker })`.
 * @example
 * ```ts
 * const breaker = createFlushBreaker({ failingCapMs: 100 });
 * const guard = createInvocationGuard({ flush, capMs: 2000, marginMs: 500, breaker });
 * ```
 */
export function createFlushBreaker(options: FlushBreakerOptions): FlushBreaker {
  const failingCapMs = Math.max(0, options.failingCapMs);
  const retryAfterMs = options.retryAfterMs ?? FULL_CAP_RETRY_MS;
  const now = options.now ?? (() => performance.now());
  let failing = false;
  let lastFullCapAt = 0;

  return {
    get failing() {
      return failing;
    },
    capFor(capMs) {
      if (!failing || failingCapMs >= capMs) return capMs;
      if (now() - lastFullCapAt >= retryAfterMs) {
        lastFullCapAt = now();
        return capMs;
      }
      return failingCapMs;
    },
    record(outcome: FlushOutcome) {
      if (outcome.status === 'skipped') return;
      if (outcome.status === 'flushed') {
        if (failing) reportDebug('a flush finished again; flushes get the full cap');
        failing = false;
        return;
      }
      if (!failing) {
        failing = true;
        lastFullCapAt = now();
        reportOnce(
          'flush-failing',
          `a flush did not finish (${outcome.status}); until one does, flushes wait at most ` +
            `${failingCapMs} ms (LAMBDA_OTEL_FLUSH_FAILING_CAP_MS), the full cap once every ` +
            `${Math.round(retryAfterMs / 1000)} s`,
        );
      }
    },
  };
}
