import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SpanStatusCode } from '@opentelemetry/api';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlushBreaker } from '../src/flush-breaker.js';
import { flushBudget } from '../src/flush-budget.js';
import { createInvocationGuard } from '../src/invocation-guard.js';
import type { SettleOutcome } from '../src/types.js';
import { startGrpcBackend, startHttpBackend } from './support/backends.js';
import { recordDiag } from './support/diag-recorder.js';
import { createPipeline } from './support/pipeline.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const TOLERANCE_MS = 20;
const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A `getRemainingTimeInMillis` for an invocation ending `ms` from now. */
function endsIn(ms: number): () => number {
  const deadline = Date.now() + ms;
  return () => deadline - Date.now();
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!condition() && performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createInvocationGuard', () => {
  it('ends the open span as timed out at remaining − margin and exports it', async () => {
    // Arrange
    const backend = await startHttpBackend('ok');
    cleanups.push(() => backend.close());
    const pipeline = createPipeline('http/protobuf', backend.url);
    cleanups.push(() => pipeline.discard());
    const flush = vi.fn(() => pipeline.processor.forceFlush());
    const span = pipeline.tracer.startSpan('lambda.invoke');
    let firedAfterMs: number | undefined;
    const started = performance.now();

    // Act
    const guard = createInvocationGuard({
      flush,
      capMs: 2000,
      marginMs: 100,
      getRemainingTimeInMillis: endsIn(300),
      onDeadline: () => {
        firedAfterMs = performance.now() - started;
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'invocation timed out' });
        span.end();
      },
    });
    await until(() => backend.bodies.length > 0, 1000);
    const afterDeadline = await guard.settle();

    // Assert
    expect(firedAfterMs).toBeGreaterThanOrEqual(199);
    expect(firedAfterMs).toBeLessThanOrEqual(200 + TOLERANCE_MS);
    expect(guard.deadlineReached).toBe(true);
    expect(backend.bodies).toHaveLength(1);
    expect(backend.bodies[0]?.includes('lambda.invoke')).toBe(true);
    expect(backend.bodies[0]?.includes('invocation timed out')).toBe(true);
    expect(afterDeadline).toEqual({
      status: 'skipped',
      durationMs: 0,
      budgetMs: 0,
      deadlineReached: true,
    });
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('bounds the deadline flush by the time left before the hard deadline', async () => {
    // Arrange
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const onDeadline = vi.fn();
    createInvocationGuard({
      flush: () => new Promise(() => undefined),
      capMs: 2000,
      marginMs: 100,
      getRemainingTimeInMillis: endsIn(300),
      onDeadline,
    });

    // Act
    await vi.advanceTimersByTimeAsync(200);
    const whileFlushing = vi.getTimerCount();
    await vi.advanceTimersByTimeAsync(99);
    const justBeforeDeadline = vi.getTimerCount();
    await vi.advanceTimersByTimeAsync(1);

    // Assert
    expect(onDeadline).toHaveBeenCalledTimes(1);
    expect(whileFlushing).toBe(1);
    expect(justBeforeDeadline).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flushes on settle within min(cap, remaining − margin) and cancels the deadline timer', async () => {
    // Arrange
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const onDeadline = vi.fn();
    const flush = vi.fn(async () => undefined);
    const guard = createInvocationGuard({
      flush,
      capMs: 2000,
      marginMs: 500,
      getRemainingTimeInMillis: endsIn(1500),
      onDeadline,
    });
    const armed = vi.getTimerCount();

    // Act
    const outcome = await guard.settle();
    const timersAfterSettle = vi.getTimerCount();
    await vi.advanceTimersByTimeAsync(5000);

    // Assert
    expect(armed).toBe(1);
    expect(timersAfterSettle).toBe(0);
    expect(outcome).toMatchObject({ status: 'flushed', budgetMs: 1000, deadlineReached: false });
    expect(flush).toHaveBeenCalledTimes(1);
    expect(onDeadline).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('returns the same promise from every settle() and flushes once', async () => {
    // Arrange
    const flush = vi.fn(async () => undefined);
    const guard = createInvocationGuard({
      flush,
      capMs: 100,
      marginMs: 10,
      getRemainingTimeInMillis: endsIn(10_000),
    });

    // Act
    const first = guard.settle();
    const second = guard.settle();
    await first;

    // Assert
    expect(second).toBe(first);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it.each(['http/protobuf', 'grpc'] as const)(
    'settles within its budget + 20 ms when a %s backend never answers',
    async (protocol) => {
      // Arrange
      const backend =
        protocol === 'grpc' ? await startGrpcBackend('hang') : await startHttpBackend('hang');
      cleanups.push(() => backend.close());
      const pipeline = createPipeline(protocol, backend.url);
      cleanups.push(() => pipeline.discard());
      const guard = createInvocationGuard({
        flush: () => pipeline.processor.forceFlush(),
        capMs: 300,
        marginMs: 100,
        getRemainingTimeInMillis: endsIn(10_000),
      });
      pipeline.endSpan('lambda.invoke');

      // Act
      const started = performance.now();
      const outcome = await guard.settle();
      const elapsed = performance.now() - started;

      // Assert
      expect(outcome).toMatchObject({ status: 'timed-out', budgetMs: 300 });
      expect(elapsed).toBeLessThanOrEqual(300 + TOLERANCE_MS);
    },
  );

  it('with a breaker, pays the full cap once for a backend that never answers, then the failing cap until a flush finishes', async () => {
    // Arrange
    const down = await startHttpBackend('hang');
    const up = await startHttpBackend('ok');
    cleanups.push(
      () => down.close(),
      () => up.close(),
    );
    const toDown = createPipeline('http/protobuf', down.url);
    const toUp = createPipeline('http/protobuf', up.url);
    cleanups.push(
      () => toDown.discard(),
      () => toUp.discard(),
    );
    const breaker = createFlushBreaker({ failingCapMs: 40 });
    const invoke = async (pipeline: typeof toDown) => {
      const guard = createInvocationGuard({
        flush: () => pipeline.processor.forceFlush(),
        capMs: 400,
        marginMs: 100,
        getRemainingTimeInMillis: endsIn(10_000),
        breaker,
      });
      pipeline.endSpan('lambda.invoke');
      const started = performance.now();
      const outcome = await guard.settle();
      return { outcome, elapsed: performance.now() - started };
    };

    // Act
    const first = await invoke(toDown);
    const second = await invoke(toDown);
    const recovered = await invoke(toUp);
    const afterRecovery = await invoke(toDown);

    // Assert
    expect(first.outcome).toMatchObject({ status: 'timed-out', budgetMs: 400 });
    expect(second.outcome).toMatchObject({ status: 'timed-out', budgetMs: 40 });
    expect(second.elapsed).toBeLessThanOrEqual(40 + TOLERANCE_MS);
    expect(recovered.outcome).toMatchObject({ status: 'flushed', budgetMs: 40 });
    expect(up.bodies.length).toBeGreaterThan(0);
    expect(afterRecovery.outcome).toMatchObject({ status: 'timed-out', budgetMs: 400 });
  });

  it('settles with the full cap and never rejects when a breaker throws', async () => {
    // Arrange
    const flush = vi.fn(async () => undefined);
    const breaker = {
      failing: true,
      capFor: () => {
        throw new Error('cap broke');
      },
      record: () => {
        throw new Error('record broke');
      },
    };
    const guard = createInvocationGuard({
      flush,
      capMs: 300,
      marginMs: 100,
      getRemainingTimeInMillis: endsIn(10_000),
      breaker,
    });

    // Act
    const outcome = await guard.settle();

    // Assert
    expect(outcome).toMatchObject({ status: 'flushed', budgetMs: 300 });
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('skips the flush, and arms no deadline, when the time left is within the margin', async () => {
    // Arrange
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const flush = vi.fn();
    const guard = createInvocationGuard({
      flush,
      capMs: 2000,
      marginMs: 500,
      getRemainingTimeInMillis: endsIn(400),
    });
    const armed = vi.getTimerCount();

    // Act
    const outcome = await guard.settle();

    // Assert
    expect(armed).toBe(0);
    expect(outcome).toMatchObject({ status: 'skipped', deadlineReached: false });
    expect(flush).not.toHaveBeenCalled();
  });

  it.each([
    { label: 'absent', read: undefined },
    {
      label: 'throwing',
      read: () => {
        throw new Error('no context');
      },
    },
    { label: 'NaN', read: () => Number.NaN },
    { label: 'not a number', read: () => '1000' as unknown as number },
  ])(
    'arms no deadline and gives the settle flush the cap when the time left is $label',
    async ({ read }) => {
      // Arrange
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
      const guard = createInvocationGuard({
        flush: async () => undefined,
        capMs: 700,
        marginMs: 500,
        getRemainingTimeInMillis: read,
      });
      const armed = vi.getTimerCount();

      // Act
      const outcome = await guard.settle();

      // Assert
      expect(armed).toBe(0);
      expect(outcome).toMatchObject({ status: 'flushed', budgetMs: 700 });
    },
  );

  it('still flushes when onDeadline throws, and reports it to diag', async () => {
    // Arrange
    vi.resetModules();
    const fresh = await import('../src/invocation-guard.js');
    const { lines, stop } = recordDiag();
    cleanups.push(stop);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const flush = vi.fn(async () => undefined);
    fresh.createInvocationGuard({
      flush,
      capMs: 2000,
      marginMs: 100,
      getRemainingTimeInMillis: endsIn(300),
      onDeadline: () => {
        throw new Error('span already ended');
      },
    });

    // Act
    await vi.advanceTimersByTimeAsync(200);

    // Assert
    expect(flush).toHaveBeenCalledTimes(1);
    expect(lines).toContainEqual([
      'warn',
      '@lambda-otel-kit/flush: onDeadline threw: Error: span already ended',
    ]);
  });

  it('absorbs a rejecting async onDeadline and a throwing flush on the deadline path', async () => {
    // Arrange
    vi.resetModules();
    const fresh = await import('../src/invocation-guard.js');
    const { lines, stop } = recordDiag();
    cleanups.push(stop);
    const guard = fresh.createInvocationGuard({
      flush: () => {
        throw new Error('flush exploded');
      },
      capMs: 2000,
      marginMs: 20,
      getRemainingTimeInMillis: endsIn(40),
      onDeadline: async () => {
        throw new Error('async hook failed');
      },
    });

    // Act
    await until(() => lines.length >= 3, 1000);

    // Assert
    expect(guard.deadlineReached).toBe(true);
    expect(lines).toContainEqual([
      'warn',
      '@lambda-otel-kit/flush: onDeadline rejected: Error: async hook failed',
    ]);
    expect(lines.some(([, message]) => message.includes('Error: flush exploded'))).toBe(true);
  });

  it('clears the deadline timer on dispose(), after which settle() skips', async () => {
    // Arrange
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const flush = vi.fn();
    const onDeadline = vi.fn();
    const guard = createInvocationGuard({
      flush,
      capMs: 2000,
      marginMs: 500,
      getRemainingTimeInMillis: endsIn(3000),
      onDeadline,
    });

    // Act
    guard.dispose();
    const timersAfterDispose = vi.getTimerCount();
    await vi.advanceTimersByTimeAsync(5000);
    const outcome = await guard.settle();

    // Assert
    expect(timersAfterDispose).toBe(0);
    expect(onDeadline).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ status: 'skipped', deadlineReached: false });
    expect(flush).not.toHaveBeenCalled();
  });

  it('does not keep a process alive with its deadline timer', async () => {
    // Arrange: a script that arms a guard for a 60 s invocation and then has nothing left to do.
    const script = `
      const { createInvocationGuard } = await import(${JSON.stringify(distEntry)});
      const deadline = Date.now() + 60_000;
      createInvocationGuard({
        flush: () => undefined, capMs: 2000, marginMs: 500,
        getRemainingTimeInMillis: () => deadline - Date.now(),
        onDeadline: () => console.log('deadline fired'),
      });`;

    // Act
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '--eval',
      script,
    ]);
    const elapsed = performance.now() - started;

    // Assert
    expect(stdout).toBe('');
    expect(elapsed).toBeLessThan(5000);
  });

  it('flushes at most once, on the right path, within its budget', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -100, max: 5000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom('resolve', 'reject', 'throw', 'hang'),
        async (remainingMs, capMs, marginMs, settleAtMs, flushMs, behaviour) => {
          // Arrange
          const flush = vi.fn(() => {
            if (behaviour === 'throw') throw new Error('sync');
            if (behaviour === 'hang') return new Promise(() => undefined);
            return new Promise((resolve, reject) =>
              setTimeout(
                () => (behaviour === 'resolve' ? resolve(1) : reject(new Error())),
                flushMs,
              ),
            );
          });
          const onDeadline = vi.fn();
          const guard = createInvocationGuard({
            flush,
            capMs,
            marginMs,
            getRemainingTimeInMillis: endsIn(remainingMs),
            onDeadline,
          });
          const deadlineAtMs = remainingMs - marginMs;
          const deadlineFires = deadlineAtMs > 0 && settleAtMs >= deadlineAtMs;
          const settleBudget = deadlineFires
            ? 0
            : flushBudget({ remainingMs: remainingMs - settleAtMs, capMs, marginMs });
          const deadlineBudget = deadlineFires ? Math.min(capMs, marginMs) : 0;
          let outcome: SettleOutcome | undefined;
          let rejected = false;

          // Act
          await vi.advanceTimersByTimeAsync(settleAtMs);
          guard.settle().then(
            (value) => {
              outcome = value;
            },
            () => {
              rejected = true;
            },
          );
          await vi.advanceTimersByTimeAsync(settleBudget);
          const settled = outcome;
          await vi.advanceTimersByTimeAsync(10_000);

          // Assert
          expect(rejected).toBe(false);
          expect(settled?.budgetMs).toBe(settleBudget);
          expect(settled?.deadlineReached).toBe(deadlineFires);
          expect(onDeadline).toHaveBeenCalledTimes(deadlineFires ? 1 : 0);
          const flushes = deadlineFires ? deadlineBudget > 0 : settleBudget > 0;
          expect(flush).toHaveBeenCalledTimes(flushes ? 1 : 0);
          expect(vi.getTimerCount()).toBe(0);
        },
      ),
      { numRuns },
    );
  });
});
