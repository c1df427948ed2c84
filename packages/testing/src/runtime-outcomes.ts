import type { RuntimeExit } from './runtime-process.js';
import type { InvocationOutcome, InvokeResult, LambdaError } from './runtime-types.js';

const seconds = (ms: number) => (ms / 1000).toFixed(2);

function exitText({ code, signal }: RuntimeExit): string {
  return signal ? `signal: ${signal}` : `exit status ${code ?? 'unknown'}`;
}

/**
 * The error document the runtime client posts for a thrown or rejected value: an `Error`'s
 * name, message and stack lines, or `typeof` and `String()` of anything else.
 * @param error - What the handler threw, rejected with, or passed to its callback.
 * @returns The error as Lambda reports it.
 * @example
 * toLambdaError(new TypeError('bad')); // { errorType: 'TypeError', errorMessage: 'bad', trace: [...] }
 */
export function toLambdaError(error: unknown): LambdaError {
  try {
    if (error instanceof Error) {
      return {
        errorType: String(error.name),
        errorMessage: String(error.message),
        trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: 'The error could not be read', trace: [] };
  }
}

/** The error Lambda reports when an invocation runs past its deadline. */
export function timeoutError(requestId: string, timeoutMs: number): LambdaError {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${seconds(timeoutMs)} seconds`,
  };
}

/** The error Lambda reports when the runtime process dies during an invocation. */
export function exitError(requestId: string, exit: RuntimeExit): LambdaError {
  return {
    errorType: 'Runtime.ExitError',
    errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${exitText(exit)}`,
  };
}

/** The error reported when the runtime process dies during init without posting one. */
export function initExitError(exit: RuntimeExit): LambdaError {
  return {
    errorType: 'Runtime.ExitError',
    errorMessage: `Runtime exited during init with error: ${exitText(exit)}`,
  };
}

/** The error reported when init does not reach the first `/next` poll in time. */
export function initTimeoutError(initTimeoutMs: number): LambdaError {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `Init did not finish within ${seconds(initTimeoutMs)} seconds`,
  };
}

/** Facts about the process that served an invocation. */
export interface ServedBy {
  pid: number | undefined;
  coldStart: boolean;
  initDurationMs: number | undefined;
}

/**
 * Turns an emulator outcome into the result `invoke()` returns.
 * @param requestId - The invocation's request id.
 * @param outcome - How it ended.
 * @param by - The process that served it, when one did.
 * @returns The invocation result.
 */
export function toInvokeResult<TResponse>(
  requestId: string,
  outcome: InvocationOutcome,
  by: ServedBy | undefined,
): InvokeResult<TResponse> {
  const result: InvokeResult<TResponse> = {
    requestId,
    ok: outcome.kind === 'response',
    durationMs: outcome.dispatchedAt === undefined ? 0 : outcome.at - outcome.dispatchedAt,
    timedOut: outcome.kind === 'error' && outcome.timedOut === true,
  };
  if (outcome.kind === 'response') result.response = outcome.response as TResponse;
  else result.error = outcome.error;
  if (by) {
    result.coldStart = by.coldStart;
    if (by.coldStart && by.initDurationMs !== undefined) result.initDurationMs = by.initDurationMs;
    if (by.pid !== undefined) result.pid = by.pid;
  }
  return result;
}
