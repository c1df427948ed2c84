import { spawn } from 'node:child_process';

/** How a runtime process ended. */
export interface RuntimeExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A runtime interface client running as a child process. */
export interface RuntimeProcess {
  readonly pid: number | undefined;
  /** Epoch ms of the spawn. */
  readonly spawnedAt: number;
  /** Settles when the process has exited and its output is drained. */
  readonly exited: Promise<RuntimeExit>;
  /** Kills the process (SIGKILL: Lambda does not ask a timed-out runtime to stop). */
  kill(): void;
}

/** Options of {@link spawnRuntimeProcess}. */
export interface RuntimeProcessOptions {
  /** Path of the runtime client's entry script. */
  clientPath: string;
  handler: string;
  /** The complete environment of the process. */
  env: Record<string, string>;
  onStdout(text: string): void;
  onStderr(text: string): void;
}

/**
 * Starts `node <clientPath> <handler>` with exactly the given environment, stdout and stderr
 * piped to the callbacks.
 * @param options - Entry script, handler string, environment and output sinks.
 * @returns A handle to kill the process and wait for its exit.
 * @example
 * const proc = spawnRuntimeProcess({ clientPath, handler: 'index.handler', env, onStdout, onStderr });
 * proc.kill();
 * await proc.exited;
 */
export function spawnRuntimeProcess(options: RuntimeProcessOptions): RuntimeProcess {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [options.clientPath, options.handler], {
    env: options.env,
    cwd: options.env.LAMBDA_TASK_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', options.onStdout);
  child.stderr.setEncoding('utf8').on('data', options.onStderr);
  const exited = new Promise<RuntimeExit>((resolve) => {
    child.once('error', (error) => {
      options.onStderr(`${String(error)}\n`);
      resolve({ code: null, signal: null });
    });
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    pid: child.pid,
    spawnedAt,
    exited,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
