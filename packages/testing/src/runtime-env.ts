import { randomBytes } from 'node:crypto';
import type { LambdaRuntimeOptions } from './runtime-types.js';

/** Naming shared by the runtime and the in-process context. */
export interface FunctionNaming {
  functionName?: string;
  functionVersion?: string;
  region?: string;
  accountId?: string;
}

/** Function ARN reported unless an invocation names another. */
export function defaultFunctionArn(naming: FunctionNaming): string {
  const region = naming.region ?? 'us-east-1';
  const account = naming.accountId ?? '123456789012';
  return `arn:aws:lambda:${region}:${account}:function:${naming.functionName ?? 'local-function'}`;
}

/** A log stream name shaped like Lambda's: `YYYY/MM/DD/[version]<32 hex>`. */
export function defaultLogStreamName(version: string): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

/**
 * The environment a runtime process starts with: what Lambda sets for a function (name,
 * version, memory, log group and stream, region, task root, Runtime API address, handler),
 * over the inherited environment when asked, under `options.env`. Undefined values are dropped.
 * @param options - The runtime's options.
 * @param runtimeApi - `host:port` of the Runtime API.
 * @returns A complete environment for `spawn`.
 * @example
 * lambdaRuntimeEnv({ handler: 'index.handler', taskRoot: '/var/task' }, '127.0.0.1:9001');
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
export function lambdaRuntimeEnv(
  options: LambdaRuntimeOptions,
  runtimeApi: string,
): Record<string, string> {
  const functionName = options.functionName ?? 'local-function';
  const version = options.functionVersion ?? '$LATEST';
  const region = options.region ?? 'us-east-1';
  const merged: Record<string, string | undefined> = {
    ...(options.inheritEnv ? process.env : { PATH: process.env.PATH }),
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(options.memoryMb ?? 128),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: defaultLogStreamName(version),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    LAMBDA_TASK_ROOT: options.taskRoot,
    _HANDLER: options.handler,
    ...options.env,
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined) env[key] = value;
  }
  return env;
}
