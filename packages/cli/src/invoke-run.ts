import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { OtlpProtocol } from '@lambda-otel-kit/core';
import {
  type InProcessHandler,
  type InvokeResult,
  invokeInProcess,
  type OtlpReceiver,
  type ReceivedRequest,
  type ReceivedSpan,
  startLambdaRuntime,
  startOtlpReceiver,
} from '@lambda-otel-kit/testing';
import type { HandlerRef } from './handler-ref.js';

/** What {@link runInvocation} needs. */
export interface RunOptions {
  handler: HandlerRef;
  event: unknown;
  clientContext?: Record<string, unknown> | undefined;
  /** Variables for the function (env file, `--env`), over this process's environment. */
  env: Record<string, string>;
  protocol: OtlpProtocol;
  /** Call the handler in this process instead of under the runtime client. */
  inProcess: boolean;
  /** Function timeout in milliseconds. */
  timeoutMs: number;
  /** How long to wait for the invocation's spans after its answer, in milliseconds. */
  waitMs: number;
}

/** What one run produced. */
export interface RunOutcome {
  requestId: string;
  result: InvokeResult;
  spans: ReceivedSpan[];
  requests: ReceivedRequest[];
  /** What the function wrote to stdout and stderr (not masked). */
  output: string;
  /** The environment the function started with: this process's, the given one, the receiver's endpoint. */
  functionEnv: Record<string, string | undefined>;
}

/** Points the function at the embedded receiver, whatever its environment says. */
function receiverEnv(receiver: OtlpReceiver, protocol: OtlpProtocol): Record<string, string> {
  const grpc = protocol === 'grpc';
  const base = (grpc ? receiver.grpcUrl : receiver.httpUrl) ?? '';
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: base,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: grpc ? base : (receiver.tracesUrl ?? ''),
    OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol,
  };
}

async function inProcess(options: RunOptions, env: Record<string, string>, requestId: string) {
  for (const [name, value] of Object.entries(env)) process.env[name] = value;
  let output = '';
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture = (chunk: unknown, ...rest: unknown[]) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
    const done = rest.find((item) => typeof item === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    let handler: unknown;
    try {
      const module = (await import(pathToFileURL(options.handler.modulePath).href)) as Record<
        string,
        unknown
      >;
      handler =
        module[options.handler.exportName] ??
        (module.default as Record<string, unknown> | undefined)?.[options.handler.exportName];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const result: InvokeResult = {
        requestId,
        ok: false,
        error: { errorType: 'Runtime.ImportModuleError', errorMessage: message },
        durationMs: 0,
        timedOut: false,
      };
      return { result, output };
    }
    if (typeof handler !== 'function') {
      const result: InvokeResult = {
        requestId,
        ok: false,
        error: {
          errorType: 'Runtime.HandlerNotFound',
          errorMessage: `${options.handler.runtimeHandler} is undefined or not exported`,
        },
        durationMs: 0,
        timedOut: false,
      };
      return { result, output };
    }
    const result = await invokeInProcess(handler as InProcessHandler, options.event, {
      requestId,
      timeoutMs: options.timeoutMs,
      ...(options.clientContext && { clientContext: options.clientContext }),
    });
    return { result, output };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  }
}

async function underRuntime(options: RunOptions, env: Record<string, string>, requestId: string) {
  const runtime = await startLambdaRuntime({
    handler: options.handler.runtimeHandler,
    taskRoot: options.handler.taskRoot,
    env,
    inheritEnv: true,
    timeoutMs: options.timeoutMs,
  });
  try {
    const result = await runtime.invoke(options.event, {
      requestId,
      ...(options.clientContext && { clientContext: options.clientContext }),
    });
    return { result, output: `${runtime.stdout}${runtime.stderr}` };
  } finally {
    await runtime.stop();
  }
}

/**
 * Runs one invocation of a handler with an embedded OTLP receiver: under the real
 * `aws-lambda-ric` behind the Runtime API emulator (a child process, as in the image), or in
 * this process. The function's endpoint and protocol variables point at the receiver.
 *
 * @param options - handler, event, environment, protocol and timings.
 * @returns the result, the spans and export requests received, the function's output.
 * @example
 * ```ts
 * const run = await runInvocation({ handler, event, env: {}, protocol: 'http/protobuf', inProcess: false, timeoutMs: 3000, waitMs: 1000 });
 * ```
 */
export async function runInvocation(options: RunOptions): Promise<RunOutcome> {
  const grpc = options.protocol === 'grpc';
  const receiver = await startOtlpReceiver({ protocols: [grpc ? 'grpc' : 'http'] });
  const requestId = randomUUID();
  try {
    const env = { ...options.env, ...receiverEnv(receiver, options.protocol) };
    const functionEnv = { ...process.env, ...env };
    const run = options.inProcess
      ? await inProcess(options, env, requestId)
      : await underRuntime(options, env, requestId);
    const isMine = (span: ReceivedSpan) =>
      span.name === 'lambda.invoke' && span.attributes['faas.invocation_id'] === requestId;
    await receiver
      .waitForSpans((spans) => spans.some(isMine), { timeoutMs: options.waitMs })
      .then(() => new Promise((resolve) => setTimeout(resolve, 100)))
      .catch(() => undefined);
    return {
      requestId,
      result: run.result,
      spans: [...receiver.spans],
      requests: [...receiver.requests],
      output: run.output,
      functionEnv,
    };
  } finally {
    await receiver.close();
  }
}
