import { describe, expect, it } from 'vitest';
import { createColdStartTracker } from '../src/cold-start.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('createColdStartTracker', () => {
  it.each([
    ['on-demand', 'on-demand'],
    ['unset (plain Node base image)', undefined],
    ['blank', ''],
  ])('reports only the first invocation of a %s sandbox as cold', (_name, type) => {
    const clock = manualClock();
    const isColdStart = createColdStartTracker({
      initializationType: type,
      initializedAt: clock.now(),
      now: clock.now,
    });

    clock.advance(150);
    const answers = [isColdStart(), isColdStart(), isColdStart()];

    expect(answers).toEqual([true, false, false]);
  });

  it.each(['provisioned-concurrency', 'snap-start'])(
    'never reports a %s sandbox as cold',
    (type) => {
      const clock = manualClock();
      const isColdStart = createColdStartTracker({
        initializationType: type,
        initializedAt: clock.now(),
        now: clock.now,
      });

      clock.advance(5);
      const answers = [isColdStart(), isColdStart()];

      expect(answers).toEqual([false, false]);
    },
  );

  it('does not count an init long before the first invocation (proactive initialisation)', () => {
    const clock = manualClock();
    const isColdStart = createColdStartTracker({
      initializationType: 'on-demand',
      initializedAt: clock.now(),
      now: clock.now,
    });

    clock.advance(10_001);

    expect(isColdStart()).toBe(false);
  });

  it('counts an init exactly at the limit, and honours a custom limit', () => {
    const clock = manualClock();
    const atLimit = createColdStartTracker({ initializedAt: clock.now(), now: clock.now });
    const shortLimit = createColdStartTracker({
      initializedAt: clock.now(),
      maxInitGapMs: 500,
      now: clock.now,
    });

    clock.advance(10_000);

    expect(atLimit()).toBe(true);
    expect(shortLimit()).toBe(false);
  });

  it('uses the performance clock by default', () => {
    const isColdStart = createColdStartTracker({ initializedAt: performance.now() });

    expect([isColdStart(), isColdStart()]).toEqual([true, false]);
  });

  it('keeps one answer per tracker, so each wrapped handler has its own first invocation', () => {
    const clock = manualClock();
    const options = { initializedAt: clock.now(), now: clock.now };
    const first = createColdStartTracker(options);
    const second = createColdStartTracker(options);

    expect([first(), first(), second()]).toEqual([true, false, true]);
  });
});
