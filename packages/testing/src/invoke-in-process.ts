import { randomUUID } from 'node:crypto';
import { createLambdaContext } from './lambda-context.js';
import { timeoutError, toInvokeResult, toLambdaError } from './runtime-outcomes.js';
import type {
  InProcessHandler,
  InvocationOutcome,
  InvokeInProcessOptions,
  InvokeResult,
  LambdaError,
} from './runtime-types.js';

const TRACE_ENV = '_X_AMZN_TRACE_ID';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

/** Serializes a response as the runtime client does, so the caller gets what the wire carries. */
function overTheWire(value: unknown): InvocationOutcome {
  try {
    return {
      kind: 'response',
      response: JSON.parse(JSON.stringify(value ?? null)),
      at: Date.now(),
    };
  } catch {
    const error: LambdaError = {
      errorType: 'Runtime.JSONStringifyError',
      errorMessage: 'Unable to stringify response body',
      trace: [],
    };
    return { kind: 'error', error, at: Date.now() };
  }
}

/**
 * Calls a handler in this process the way a Lambda Node.js runtime does and reports the same
 * result shape as the runtime emulator. The invocation ends with the first of: the returned
 * promise settles, the callback (or legacy `context.done`/`succeed`/`fail`) is called, the
 * handler throws, or the deadline passes (`timedOut`; the handler itself keeps running). A
 * handler declaring fewer than three parameters that returns a plain value answers with it.
 * The response goes through `JSON.stringify`/`JSON.parse`, like the wire.
 *
 * As the runtime client does, `process.env._X_AMZN_TRACE_ID` holds `traceId` (or is unset)
 * while the handler runs; the previous value is put back afterwards.
 * @param handler - An async or callback-style handler.
 * @param event - The event.
 * @param options - Request id, trace id, client context, timeout, naming; see {@link createLambdaContext}.
 * @returns The invocation result; never rejects for a handler failure.
 * @example
 * const result = await invokeInProcess(handler, { hello: 'world' }, { timeoutMs: 1000 });
 * expect(result.ok).toBe(true);
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 */
export function invokeInProcess<TEvent = unknown, TResult = unknown>(
  handler: InProcessHandler<TEvent, TResult>,
  event: TEvent,
  options: InvokeInProcessOptions = {},
): Promise<InvokeResult<TResult>> {
  const requestId = options.requestId ?? randomUUID();
  const timeoutMs = options.timeoutMs ?? 3000;
  const startedAt = Date.now();
  const previousTrace = process.env[TRACE_ENV];
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: InvocationOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (previousTrace === undefined) delete process.env[TRACE_ENV];
      else process.env[TRACE_ENV] = previousTrace;
      resolve(
        toInvokeResult<TResult>(requestId, { ...outcome, dispatchedAt: startedAt }, undefined),
      );
    };
    const fail = (error: unknown) =>
      finish({ kind: 'error', error: toLambdaError(error), at: Date.now() });
    const callback = (error?: unknown, result?: unknown) => {
      if (error === undefined || error === null) finish(overTheWire(result));
      else fail(error);
    };
    const timer = setTimeout(() => {
      const error = timeoutError(requestId, timeoutMs);
      finish({ kind: 'error', error, timedOut: true, at: Date.now() });
    }, timeoutMs);
    const context = createLambdaContext({
      ...options,
      requestId,
      deadlineMs: startedAt + timeoutMs,
      onDone: callback,
    });
    if (options.traceId) process.env[TRACE_ENV] = options.traceId;
    else delete process.env[TRACE_ENV];
    if (options.callbackHandlers === 'reject' && handler.length >= 3) {
      const error = new Error('Callback-based function handlers are not supported by this runtime');
      error.name = 'Runtime.CallbackHandlerDeprecated';
      fail(error);
      return;
    }
    try {
      const returned = handler(event, context, callback);
      if (isThenable(returned)) returned.then((value) => finish(overTheWire(value)), fail);
      else if (handler.length < 3) finish(overTheWire(returned));
    } catch (error) {
      fail(error);
    }
  });
}
