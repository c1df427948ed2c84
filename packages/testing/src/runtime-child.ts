import type { ServedBy } from './runtime-outcomes.js';
import type { RuntimeProcess } from './runtime-process.js';
import type { LambdaError } from './runtime-types.js';

/** One runtime process as the controller tracks it. */
export interface Child {
  proc: RuntimeProcess;
  /** Epoch ms of its first `/next` poll: the end of its init. */
  readyAt: number | undefined;
  /** Invocations dispatched to it so far. */
  served: number;
  initError: LambdaError | undefined;
  /** Timers to clear when it exits. */
  timers: NodeJS.Timeout[];
  initDone?: () => void;
}

/** An invocation and the process it went to. */
export interface Served {
  child: Child;
  coldStart: boolean;
  /** The deadline timer. */
  timer?: NodeJS.Timeout;
}

/** Tracks a fresh process; `initialized` settles at its first poll or its exit. */
export function newChild(proc: RuntimeProcess): { child: Child; initialized: Promise<void> } {
  const child: Child = { proc, readyAt: undefined, served: 0, initError: undefined, timers: [] };
  const initialized = new Promise<void>((done) => {
    child.initDone = done;
  });
  return { child, initialized };
}

/** What an invocation result says about the process that served it. */
export function servedBy({ child, coldStart }: Served): ServedBy {
  const { proc, readyAt } = child;
  const initDurationMs = readyAt === undefined ? undefined : readyAt - proc.spawnedAt;
  return { pid: proc.pid, coldStart, initDurationMs };
}
