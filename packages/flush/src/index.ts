/**
 * @packageDocumentation
 * Force-flush guard for Lambda invocations: exports spans within the invocation's deadline, never
 * throws, never changes the handler's result.
 */
export { boundedFlush } from './bounded-flush.js';
export { createFlushBreaker, FULL_CAP_RETRY_MS } from './flush-breaker.js';
export { flushBudget } from './flush-budget.js';
export { createInvocationGuard } from './invocation-guard.js';
export { settleAfter } from './settle-after.js';
export type {
  FlushBreaker,
  FlushBreakerOptions,
  FlushBudgetInput,
  FlushFunction,
  FlushOutcome,
  FlushStatus,
  InvocationGuard,
  InvocationGuardOptions,
  SettleOutcome,
} from './types.js';
