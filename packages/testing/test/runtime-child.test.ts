import { describe, expect, it } from 'vitest';
import { newChild, servedBy } from '../src/runtime-child.js';
import type { RuntimeProcess } from '../src/runtime-process.js';

const proc: RuntimeProcess = {
  pid: 4242,
  spawnedAt: 1000,
  exited: new Promise(() => {}),
  kill: () => {},
};

describe('newChild', () => {
  it('starts untouched and settles `initialized` when init is done', async () => {
    // Arrange
    const { child, initialized } = newChild(proc);
    let settled = false;
    void initialized.then(() => {
      settled = true;
    });

    // Act
    await Promise.resolve();
    const before = settled;
    child.initDone?.();
    await initialized;

    // Assert
    expect(child).toMatchObject({
      proc,
      readyAt: undefined,
      served: 0,
      initError: undefined,
      timers: [],
    });
    expect([before, settled]).toEqual([false, true]);
  });
});

describe('servedBy', () => {
  it('reports pid, cold start and the init duration once the process polled', () => {
    // Arrange
    const { child } = newChild(proc);
    child.readyAt = 1075;

    // Act
    const by = servedBy({ child, coldStart: true });

    // Assert
    expect(by).toEqual({ pid: 4242, coldStart: true, initDurationMs: 75 });
  });

  it('has no init duration for a process that never polled', () => {
    expect(
      servedBy({ child: newChild(proc).child, coldStart: true }).initDurationMs,
    ).toBeUndefined();
  });
});
