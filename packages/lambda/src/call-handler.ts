import type { Context } from 'aws-lambda';

/**
 * Any Lambda handler: async (`(event, context) => Promise`), or callback style
 * (`(event, context, callback) => void`), as the Node.js runtime accepts them.
 */
export type AnyHandler<TEvent = unknown, TResult = unknown> = (
  event: TEvent,
  context: Context,
  callback: (error?: unknown, result?: TResult) => void,
) => unknown;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * Calls a handler of either style and returns a promise of its outcome, exactly as the runtime
 * would see it: the resolved value or the callback's result, or the rejection, the synchronous
 * throw or the callback's error. The first of callback and returned promise wins, as in the
 * runtime. A callback-style handler (three declared parameters) that returns something other
 * than a promise is awaited through its callback only.
 *
 * @param handler - the user's handler.
 * @param event - the invocation event.
 * @param context - the Lambda context.
 * @example
 * ```ts
 * const result = await callHandler((event, context, callback) => callback(null, 'ok'), {}, context);
 * ```
 */
export function callHandler<TEvent, TResult>(
  handler: AnyHandler<TEvent, TResult>,
  event: TEvent,
  context: Context,
): Promise<TResult> {
  return new Promise<TResult>((resolve, reject) => {
    const callback = (error?: unknown, result?: TResult): void => {
      if (error !== undefined && error !== null) reject(error);
      else resolve(result as TResult);
    };
    const returned = handler(event, context, callback);
    if (isThenable(returned)) returned.then(resolve as (value: unknown) => void, reject);
    else if (handler.length < 3) resolve(returned as TResult);
  });
}
