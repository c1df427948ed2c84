import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createInvocationGuard } from '../src/invocation-guard.js';
import { settleAfter } from '../src/settle-after.js';
import type { InvocationGuard, SettleOutcome } from '../src/types.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);

const flushedOutcome: SettleOutcome = {
  status: 'flushed',
  durationMs: 1,
  budgetMs: 100,
  deadlineReached: false,
};

function recordingGuard(order: string[]): Pick<InvocationGuard, 'settle'> {
  return {
    settle: async () => {
      order.push('settle');
      return flushedOutcome;
    },
  };
}

describe('settleAfter', () => {
  it('settles the guard after the work and returns the work value unchanged', async () => {
    // Arrange
    const order: string[] = [];
    const value = { statusCode: 200, body: 'ok' };

    // Act
    const result = await settleAfter(recordingGuard(order), async () => {
      order.push('work');
      return value;
    });

    // Assert
    expect(result).toBe(value);
    expect(order).toEqual(['work', 'settle']);
  });

  it('rethrows the very error the work threw, after settling', async () => {
    // Arrange
    const order: string[] = [];
    const error = new Error('handler failed');

    // Act
    const settled = settleAfter(recordingGuard(order), Promise.reject(error));

    // Assert
    await expect(settled).rejects.toBe(error);
    expect(order).toEqual(['settle']);
  });

  it('turns a synchronous throw of the work function into the same rejection', async () => {
    // Arrange
    const order: string[] = [];
    const error = new TypeError('not a function');

    // Act
    const settled = settleAfter(recordingGuard(order), () => {
      throw error;
    });

    // Assert
    await expect(settled).rejects.toBe(error);
    expect(order).toEqual(['settle']);
  });

  it.each([
    {
      label: 'rejects',
      guard: { settle: () => Promise.reject(new Error('settle broke')) },
    },
    {
      label: 'throws',
      guard: {
        settle: (): Promise<SettleOutcome> => {
          throw new Error('settle broke');
        },
      },
    },
  ])('keeps the result when a guard $label', async ({ guard }) => {
    // Act
    const result = await settleAfter(guard, Promise.resolve('result'));

    // Assert
    expect(result).toBe('result');
  });

  it('hands back the value within the budget when the flush never settles', async () => {
    // Arrange
    const deadline = Date.now() + 10_000;
    const guard = createInvocationGuard({
      flush: () => new Promise(() => undefined),
      capMs: 100,
      marginMs: 500,
      getRemainingTimeInMillis: () => deadline - Date.now(),
    });

    // Act
    const started = performance.now();
    const result = await settleAfter(guard, Promise.resolve('done'));
    const elapsed = performance.now() - started;

    // Assert
    expect(result).toBe('done');
    expect(elapsed).toBeLessThanOrEqual(100 + 20);
  });

  it('passes any value or error through unchanged, whatever the flush does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.boolean(),
        fc.constantFrom('resolve', 'reject', 'throw', 'value'),
        async (payload, workFails, flushBehaviour) => {
          // Arrange
          const guard = createInvocationGuard({
            flush: vi.fn(() => {
              if (flushBehaviour === 'throw') throw new Error('flush threw');
              if (flushBehaviour === 'reject') return Promise.reject(new Error('flush rejected'));
              if (flushBehaviour === 'value') return 42;
              return Promise.resolve();
            }),
            capMs: 50,
            marginMs: 0,
          });
          const work = workFails ? Promise.reject(payload) : Promise.resolve(payload);

          // Act
          const result = await settleAfter(guard, work).then(
            (value) => ({ ok: true, value }),
            (error: unknown) => ({ ok: false, value: error }),
          );

          // Assert
          expect(result.ok).toBe(!workFails);
          expect(Object.is(result.value, payload)).toBe(true);
        },
      ),
      { numRuns },
    );
  });
});
