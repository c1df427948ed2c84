import { randomUUID } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { startRuntimeApiEmulator } from './runtime-api-emulator.js';
import { type Child, newChild, type Served, servedBy } from './runtime-child.js';
import { resolveRuntimeClientPath } from './runtime-client-path.js';
import { defaultFunctionArn, lambdaRuntimeEnv } from './runtime-env.js';
import {
  exitError,
  initExitError,
  initTimeoutError,
  timeoutError,
  toInvokeResult,
} from './runtime-outcomes.js';
import { type RuntimeExit, spawnRuntimeProcess } from './runtime-process.js';
import type {
  InvocationOutcome,
  InvokeOptions,
  LambdaError,
  LambdaRuntime,
  LambdaRuntimeOptions,
} from './runtime-types.js';

/** Time a runtime gets to exit by itself after posting an init error. */
const INIT_ERROR_GRACE_MS = 1000;

/**
 * Runs a handler under the real `aws-lambda-ric` runtime interface client, as a child process
 * behind an emulated Runtime API. Invocations run one at a time, each with its deadline; a
 * timed-out or crashed runtime is killed and the next invocation gets a fresh process (a cold
 * start), as in Lambda. Resolves once the first process finished its init, or failed it.
 * @param options - Handler, task root, environment, timeout, memory and naming of the function.
 * @returns The running runtime; `stop()` it when done.
 * @example
 * const runtime = await startLambdaRuntime({
 *   handler: 'index.handler',
 *   taskRoot: '/path/to/dist',
 *   env: { OTEL_SERVICE_NAME: 'orders' },
 * });
 * const result = await runtime.invoke({ hello: 'world' }, { traceId: 'Root=1-…;Sampled=1' });
 * await runtime.stop();
 * @see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
 */
export async function startLambdaRuntime(options: LambdaRuntimeOptions): Promise<LambdaRuntime> {
  const settings = { ...options, taskRoot: resolvePath(options.taskRoot) };
  const timeoutMs = options.timeoutMs ?? 3000;
  const initTimeoutMs = options.initTimeoutMs ?? 10_000;
  const clientPath = options.runtimeClientPath ?? resolveRuntimeClientPath();
  const waiting: string[] = [];
  const served = new Map<string, Served>();
  const output = { stdout: '', stderr: '' };
  let current: Child | undefined;
  let lastInitError: LambdaError | undefined;
  let stopping: Promise<void> | undefined;

  const sink = (stream: 'stdout' | 'stderr') => (text: string) => {
    output[stream] += text;
    if (options.echo) process[stream].write(text);
  };

  const forget = (requestId: string) => {
    const at = waiting.indexOf(requestId);
    if (at >= 0) waiting.splice(at, 1);
  };

  const kill = (child: Child) => {
    if (current === child) emulator.hold(true);
    child.proc.kill();
  };

  const emulator = await startRuntimeApiEmulator({
    host: options.host,
    port: options.port,
    timeoutMs,
    functionArn: defaultFunctionArn(options),
    listener: {
      onPoll() {
        if (current && current.readyAt === undefined) {
          current.readyAt = Date.now();
          lastInitError = undefined;
          current.initDone?.();
        }
      },
      onDispatch({ requestId, dispatchedAt, deadlineMs }) {
        forget(requestId);
        const child = current as Child;
        const timer = setTimeout(() => {
          const error = timeoutError(requestId, deadlineMs - dispatchedAt);
          const outcome = { kind: 'error', error, timedOut: true, at: Date.now() } as const;
          if (emulator.settle(requestId, outcome)) kill(child);
        }, deadlineMs - Date.now());
        served.set(requestId, { child, coldStart: child.served === 0, timer });
        child.served += 1;
      },
      onInitError(error) {
        const child = current;
        if (!child) return;
        child.initError = error;
        child.timers.push(setTimeout(() => kill(child), INIT_ERROR_GRACE_MS));
      },
    },
  });

  const onExit = (child: Child, exit: RuntimeExit) => {
    for (const timer of child.timers) clearTimeout(timer);
    child.initDone?.();
    if (current === child) current = undefined;
    emulator.hold(true);
    emulator.disconnect();
    if (stopping) return;
    const at = Date.now();
    for (const [requestId, entry] of served) {
      if (entry.child !== child) continue;
      emulator.settle(requestId, { kind: 'error', error: exitError(requestId, exit), at });
    }
    if (child.readyAt === undefined) {
      lastInitError = child.initError ?? initExitError(exit);
      const head = waiting.shift();
      if (head !== undefined) {
        served.set(head, { child, coldStart: true });
        emulator.settle(head, { kind: 'error', error: lastInitError, at });
      }
    }
    if (waiting.length > 0) void spawn();
  };

  const spawn = (): Promise<void> => {
    const proc = spawnRuntimeProcess({
      clientPath,
      handler: settings.handler,
      env: lambdaRuntimeEnv(settings, emulator.runtimeApi),
      onStdout: sink('stdout'),
      onStderr: sink('stderr'),
    });
    const { child, initialized } = newChild(proc);
    const initTimer = setTimeout(() => {
      child.initError ??= initTimeoutError(initTimeoutMs);
      kill(child);
    }, initTimeoutMs);
    child.timers.push(initTimer);
    void initialized.then(() => clearTimeout(initTimer));
    current = child;
    emulator.hold(false);
    void proc.exited.then((exit) => onExit(child, exit));
    return initialized;
  };

  const invoke = async <TResponse>(event: unknown, invokeOptions: InvokeOptions = {}) => {
    if (stopping) throw new Error('@lambda-otel-kit/testing: the Lambda runtime was stopped');
    const requestId = invokeOptions.requestId ?? randomUUID();
    waiting.push(requestId);
    let pending: Promise<InvocationOutcome>;
    try {
      const queueOptions = {
        ...invokeOptions,
        requestId,
        timeoutMs: invokeOptions.timeoutMs ?? timeoutMs,
      };
      pending = emulator.enqueue(event, queueOptions).outcome;
    } catch (error) {
      forget(requestId);
      throw error;
    }
    if (!current) void spawn();
    const outcome = await pending;
    forget(requestId);
    const entry = served.get(requestId);
    served.delete(requestId);
    clearTimeout(entry?.timer);
    return toInvokeResult<TResponse>(requestId, outcome, entry && servedBy(entry));
  };

  await spawn();

  return {
    runtimeApi: emulator.runtimeApi,
    get pid() {
      return current?.proc.pid;
    },
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    get initError() {
      return lastInitError;
    },
    invoke,
    stop() {
      stopping ??= (async () => {
        emulator.hold(true);
        const child = current;
        child?.proc.kill();
        await child?.proc.exited;
        await emulator.close();
      })();
      return stopping;
    },
  };
}
