import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { defaultFunctionArn, defaultLogStreamName } from './runtime-env.js';
import type { LambdaContextOptions } from './runtime-types.js';

/**
 * Builds the `context` object a Lambda runtime passes to a handler, for unit tests:
 * `getRemainingTimeInMillis()` counts down to the deadline (and goes negative past it, as the
 * runtime's does), names and ARN are consistent, and the legacy `done` / `succeed` / `fail`
 * methods report to `onDone`.
 * @param options - Request id, naming, memory, deadline, client context, identity, `onDone`.
 * @returns A `Context` from `@types/aws-lambda`.
 * @example
 * const context = createLambdaContext({ functionName: 'orders', timeoutMs: 1000 });
 * await handler(event, context);
 * @see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
export function createLambdaContext(options: LambdaContextOptions = {}): Context {
  const functionName = options.functionName ?? 'local-function';
  const functionVersion = options.functionVersion ?? '$LATEST';
  const deadlineMs = options.deadlineMs ?? Date.now() + (options.timeoutMs ?? 3000);
  const onDone = options.onDone ?? (() => {});
  const context: Context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion,
    invokedFunctionArn: options.invokedFunctionArn ?? defaultFunctionArn(options),
    memoryLimitInMB: String(options.memoryMb ?? 128),
    awsRequestId: options.requestId ?? randomUUID(),
    logGroupName: options.logGroupName ?? `/aws/lambda/${functionName}`,
    logStreamName: options.logStreamName ?? defaultLogStreamName(functionVersion),
    getRemainingTimeInMillis: () => deadlineMs - Date.now(),
    done: (error?: Error, result?: unknown) => onDone(error ?? null, result),
    fail: (error: Error | string) => onDone(error),
    succeed: (result: unknown) => onDone(null, result),
  };
  if (options.clientContext)
    context.clientContext = options.clientContext as Context['clientContext'];
  if (options.identity) context.identity = options.identity as Context['identity'];
  return context;
}
