import { describe, expect, it } from 'vitest';
import { type ScheduleOptions, scheduleRecords } from '../src/record-scheduler.js';
import type { SkipReason } from '../src/types.js';

async function schedule(
  options: ScheduleOptions,
  fails: ReadonlySet<number> = new Set(),
  gate: () => SkipReason | undefined = () => undefined,
) {
  const events: string[] = [];
  await scheduleRecords(options, {
    gate,
    run: async (i) => {
      events.push(`run ${i}`);
      await new Promise((resolve) => setImmediate(resolve));
      return !fails.has(i);
    },
    skip: (i, reason) => void events.push(`skip ${i} ${reason}`),
  });
  return events;
}

describe('scheduleRecords', () => {
  it('runs records without lanes in order, one at a time by default', async () => {
    const events = await schedule(
      { lanes: [undefined, undefined, undefined], concurrency: 1, fifoFailureScope: 'group' },
      new Set([1]),
    );
    expect(events).toEqual(['run 0', 'run 1', 'run 2']);
  });

  it('skips the rest of a lane after a failure, other lanes go on', async () => {
    const events = await schedule(
      { lanes: ['a', 'a', 'b', 'a', 'b'], concurrency: 1, fifoFailureScope: 'group' },
      new Set([1]),
    );
    expect(events).toEqual(['run 0', 'run 1', 'run 2', 'skip 3 fifo-group-failed', 'run 4']);
  });

  it('stops every lane after a failure with scope batch', async () => {
    const events = await schedule(
      { lanes: ['a', 'b', 'a', 'b'], concurrency: 1, fifoFailureScope: 'batch' },
      new Set([0]),
    );
    expect(events).toEqual([
      'run 0',
      'skip 1 fifo-batch-stopped',
      'skip 2 fifo-batch-stopped',
      'skip 3 fifo-batch-stopped',
    ]);
  });

  it('skips every record not started once the gate names a reason', async () => {
    let starts = 0;
    const events = await schedule(
      {
        lanes: [undefined, undefined, undefined, undefined],
        concurrency: 2,
        fifoFailureScope: 'group',
      },
      new Set(),
      () => (starts++ >= 2 ? 'deadline' : undefined),
    );
    expect(events.filter((e) => e.startsWith('run')).sort()).toEqual(['run 0', 'run 1']);
    expect(events.filter((e) => e.startsWith('skip'))).toEqual([
      'skip 2 deadline',
      'skip 3 deadline',
    ]);
  });

  it('never runs two records of one lane at once, while other lanes run beside it', async () => {
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    let most = 0;
    const lanes = ['a', 'a', 'a', 'b', 'c', 'b'];
    await scheduleRecords(
      { lanes, concurrency: 3, fifoFailureScope: 'group' },
      {
        gate: () => undefined,
        skip: () => {},
        run: async (i) => {
          const lane = lanes[i]!;
          if (inFlight.has(lane)) overlaps.push(lane);
          inFlight.add(lane);
          most = Math.max(most, inFlight.size);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight.delete(lane);
          return true;
        },
      },
    );
    expect(overlaps).toEqual([]);
    expect(most).toBe(3);
  });

  it('counts a run that rejects as a failure of its lane and goes on', async () => {
    const events: string[] = [];
    await scheduleRecords(
      { lanes: ['a', 'a', 'b'], concurrency: 1, fifoFailureScope: 'group' },
      {
        gate: () => undefined,
        run: async (i) => {
          events.push(`run ${i}`);
          if (i === 0) throw new Error('instrumentation broke');
          return true;
        },
        skip: (i, reason) => void events.push(`skip ${i} ${reason}`),
      },
    );
    expect(events).toEqual(['run 0', 'skip 1 fifo-group-failed', 'run 2']);
  });

  it('does nothing for an empty batch', async () => {
    expect(await schedule({ lanes: [], concurrency: 4, fifoFailureScope: 'group' })).toEqual([]);
  });
});
