import type { FifoFailureScope, SkipReason } from './types.js';

/** What the scheduler calls; indexes are positions in the batch. */
export interface ScheduleHooks {
  /** Asked before each start; a reason stops every record not yet started (the deadline). */
  gate(): SkipReason | undefined;
  /** Runs one record; resolves `true` on success (a rejection counts as a failure). */
  run(index: number): Promise<boolean>;
  /** Called once for each record that is never started. */
  skip(index: number, reason: SkipReason): void;
}

/** How records are ordered and what a failure stops. */
export interface ScheduleOptions {
  /** Message group of each record (FIFO), `undefined` for records without ordering. */
  lanes: ReadonlyArray<string | undefined>;
  /** Records in flight at most. */
  concurrency: number;
  /** What a failure in a lane stops. */
  fifoFailureScope: FifoFailureScope;
}

/**
 * Runs records in batch order with at most `concurrency` in flight. Records of the same lane
 * (FIFO message group) run one at a time, in order; after a failure in a lane, the rest of that
 * lane (or, with scope `batch`, of the whole batch) is skipped. Once `gate()` names a reason,
 * nothing more starts and every record not started is skipped with that reason. Every index is
 * either run or skipped, exactly once.
 *
 * @param options - Lanes, concurrency and FIFO scope.
 * @param hooks - Gate, run and skip callbacks.
 * @example
 * ```ts
 * await scheduleRecords({ lanes: ['a', 'a', 'b'], concurrency: 2, fifoFailureScope: 'group' }, hooks);
 * ```
 */
export async function scheduleRecords(
  options: ScheduleOptions,
  hooks: ScheduleHooks,
): Promise<void> {
  const { lanes } = options;
  const count = lanes.length;
  const taken = new Uint8Array(count);
  const busy = new Set<string>();
  const failed = new Set<string>();
  let head = 0;
  let stopped: SkipReason | undefined;
  let inFlight = 0;
  let wake: (() => void) | undefined;

  const skip = (index: number, reason: SkipReason) => {
    taken[index] = 1;
    hooks.skip(index, reason);
  };
  const skipRest = (reason: SkipReason) => {
    for (let i = head; i < count; i += 1) if (!taken[i]) skip(i, reason);
    head = count;
  };
  /** The next record that may start now, `undefined` if none may (or none is left). */
  const takeNext = (): number | undefined => {
    while (head < count && taken[head]) head += 1;
    if (stopped) skipRest(stopped);
    for (let i = head; i < count; i += 1) {
      if (taken[i]) continue;
      const lane = lanes[i];
      if (lane !== undefined && failed.has(lane)) {
        skip(i, 'fifo-group-failed');
        continue;
      }
      if (lane !== undefined && busy.has(lane)) continue;
      const reason = hooks.gate();
      if (reason) {
        stopped = reason;
        skipRest(reason);
        return undefined;
      }
      taken[i] = 1;
      return i;
    }
    return undefined;
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = takeNext();
      if (index === undefined) {
        while (head < count && taken[head]) head += 1;
        if (head >= count || inFlight === 0) return;
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      const lane = lanes[index];
      if (lane !== undefined) busy.add(lane);
      inFlight += 1;
      const ok = await hooks.run(index).catch(() => false);
      inFlight -= 1;
      if (lane !== undefined) {
        busy.delete(lane);
        if (!ok && options.fifoFailureScope === 'batch') stopped ??= 'fifo-batch-stopped';
        else if (!ok) failed.add(lane);
      }
      const waiting = wake;
      wake = undefined;
      waiting?.();
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, count));
  await Promise.all(Array.from({ length: workers }, worker));
  skipRest(stopped ?? 'deadline');
}
