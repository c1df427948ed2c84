import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundedFlush } from '../src/bounded-flush.js';
import { flushBudget } from '../src/flush-budget.js';
import type { FlushStatus } from '../src/types.js';
import {
  type BackendMode,
  closedPortUrl,
  startGrpcBackend,
  startHttpBackend,
  type TestBackend,
} from './support/backends.js';
import { recordDiag } from './support/diag-recorder.js';
import { createPipeline, type Pipeline, type Protocol } from './support/pipeline.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
/** How late past its budget a guarded flush may return (the kit's promise: budget + 20 ms). */
const TOLERANCE_MS = 20;
const BUDGET_MS = 300;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function backendFor(protocol: Protocol, mode: BackendMode | 'down'): Promise<string> {
  if (mode === 'down') return closedPortUrl();
  const backend: TestBackend =
    protocol === 'grpc' ? await startGrpcBackend(mode) : await startHttpBackend(mode);
  cleanups.push(() => backend.close());
  return backend.url;
}

function pipelineTo(protocol: Protocol, url: string): Pipeline {
  const pipeline = createPipeline(protocol, url);
  cleanups.push(() => pipeline.discard());
  return pipeline;
}

function activeTimeouts(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}

describe('boundedFlush', () => {
  it.each(['http/protobuf', 'grpc'] as const)(
    'exports over %s to a backend that answers at once',
    async (protocol) => {
      // Arrange
      const backend =
        protocol === 'grpc' ? await startGrpcBackend('ok') : await startHttpBackend('ok');
      cleanups.push(() => backend.close());
      const pipeline = pipelineTo(protocol, backend.url);
      pipeline.endSpan('span-to-export');

      // Act
      const outcome = await boundedFlush(() => pipeline.processor.forceFlush(), 2000);

      // Assert
      expect(outcome.status).toBe('flushed');
      expect(backend.bodies).toHaveLength(1);
      expect(backend.bodies[0]?.includes('span-to-export')).toBe(true);
    },
  );

  // Statuses as measured with the SDK 2.12.1 / exporters 0.223.1: the HTTP exporter retries 503
  // and refused connections until its own 10 s timeout; the gRPC exporter gives up at once.
  it.each<{ protocol: Protocol; fault: BackendMode | 'down'; status: FlushStatus }>([
    { protocol: 'http/protobuf', fault: 'slow', status: 'timed-out' },
    { protocol: 'http/protobuf', fault: 'hang', status: 'timed-out' },
    { protocol: 'http/protobuf', fault: 'unavailable', status: 'timed-out' },
    { protocol: 'http/protobuf', fault: 'down', status: 'timed-out' },
    { protocol: 'grpc', fault: 'slow', status: 'timed-out' },
    { protocol: 'grpc', fault: 'hang', status: 'timed-out' },
    { protocol: 'grpc', fault: 'unavailable', status: 'failed' },
    { protocol: 'grpc', fault: 'down', status: 'failed' },
  ])(
    'returns $status within budget + 20 ms over $protocol when the backend is $fault',
    async ({ protocol, fault, status }) => {
      // Arrange
      const pipeline = pipelineTo(protocol, await backendFor(protocol, fault));
      pipeline.endSpan('doomed-span');

      // Act
      const started = performance.now();
      const outcome = await boundedFlush(() => pipeline.processor.forceFlush(), BUDGET_MS);
      const elapsed = performance.now() - started;

      // Assert
      expect(outcome.status).toBe(status);
      expect(elapsed).toBeLessThanOrEqual(BUDGET_MS + TOLERANCE_MS);
      if (status === 'timed-out') expect(elapsed).toBeGreaterThanOrEqual(BUDGET_MS - 1);
    },
  );

  it('reports a failure of TracerProvider.forceFlush, which rejects with an array', async () => {
    // Arrange
    const pipeline = pipelineTo('grpc', await backendFor('grpc', 'unavailable'));
    pipeline.endSpan('doomed-span');

    // Act
    const outcome = await boundedFlush(() => pipeline.provider.forceFlush(), BUDGET_MS);

    // Assert
    expect(outcome.status).toBe('failed');
    expect(Array.isArray(outcome.error)).toBe(true);
  });

  it.each([0, -5, Number.NaN])(
    'skips without calling flush when the budget is %s',
    async (budget) => {
      // Arrange
      const flush = vi.fn();

      // Act
      const outcome = await boundedFlush(flush, budget);

      // Assert
      expect(outcome).toEqual({ status: 'skipped', durationMs: 0, budgetMs: 0 });
      expect(flush).not.toHaveBeenCalled();
    },
  );

  it('reports a synchronous throw as failed, with the error', async () => {
    // Arrange
    const error = new Error('exporter exploded');

    // Act
    const outcome = await boundedFlush(() => {
      throw error;
    }, 100);

    // Assert
    expect(outcome).toMatchObject({ status: 'failed', budgetMs: 100, error });
  });

  it('reports a rejection as failed, with the reason', async () => {
    // Act
    const outcome = await boundedFlush(() => Promise.reject('refused'), 100);

    // Assert
    expect(outcome).toMatchObject({ status: 'failed', error: 'refused' });
  });

  it('counts a flush that returns no promise as flushed', async () => {
    // Act
    const outcome = await boundedFlush(() => undefined, 100);

    // Assert
    expect(outcome.status).toBe('flushed');
    expect(outcome.error).toBeUndefined();
  });

  it('stops waiting for a flush that never settles when the budget runs out', async () => {
    // Act
    const started = performance.now();
    const outcome = await boundedFlush(() => new Promise(() => undefined), 50);
    const elapsed = performance.now() - started;

    // Assert
    expect(outcome.status).toBe('timed-out');
    expect(outcome.durationMs).toBeGreaterThanOrEqual(49);
    expect(elapsed).toBeLessThanOrEqual(50 + TOLERANCE_MS);
  });

  it('clears its budget timer as soon as the flush settles', async () => {
    // Arrange
    const before = activeTimeouts();
    let release: () => void = () => undefined;
    const flushing = new Promise<void>((resolve) => {
      release = resolve;
    });

    // Act
    const pending = boundedFlush(() => flushing, 60_000);
    const during = activeTimeouts();
    release();
    await pending;

    // Assert
    expect(during).toBe(before + 1);
    expect(activeTimeouts()).toBe(before);
  });

  it('warns once about repeated timeouts, then logs them at debug level', async () => {
    // Arrange
    vi.resetModules();
    const fresh = await import('../src/bounded-flush.js');
    const { lines, stop } = recordDiag();
    cleanups.push(stop);

    // Act
    for (let i = 0; i < 3; i++) await fresh.boundedFlush(() => new Promise(() => undefined), 5);

    // Assert
    const timeouts = lines.filter(([, message]) => message.includes('did not finish'));
    expect(timeouts.map(([level]) => level)).toEqual(['warn', 'debug', 'debug']);
  });

  it('resolves within its budget and never rejects, whatever the flush does', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const behaviours = ['resolve', 'reject', 'throw', 'hang', 'sync'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -1000, max: 10_000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom(...behaviours),
        async (remainingMs, capMs, marginMs, flushMs, behaviour) => {
          // Arrange
          const budget = flushBudget({ remainingMs, capMs, marginMs });
          const flush = vi.fn(() => {
            if (behaviour === 'throw') throw new Error('sync');
            if (behaviour === 'sync') return undefined;
            if (behaviour === 'hang') return new Promise(() => undefined);
            return new Promise((resolve, reject) =>
              setTimeout(
                () => (behaviour === 'resolve' ? resolve(1) : reject(new Error())),
                flushMs,
              ),
            );
          });
          let outcome: Awaited<ReturnType<typeof boundedFlush>> | undefined;
          let rejected = false;

          // Act
          boundedFlush(flush, budget).then(
            (value) => {
              outcome = value;
            },
            () => {
              rejected = true;
            },
          );
          await vi.advanceTimersByTimeAsync(budget);

          // Assert
          expect(rejected).toBe(false);
          expect(outcome).toBeDefined();
          expect(outcome?.durationMs).toBeLessThanOrEqual(budget);
          const inTime = flushMs < budget;
          const expected: Record<(typeof behaviours)[number], FlushStatus> = {
            resolve: inTime ? 'flushed' : 'timed-out',
            reject: inTime ? 'failed' : 'timed-out',
            throw: 'failed',
            hang: 'timed-out',
            sync: 'flushed',
          };
          expect(outcome?.status).toBe(budget === 0 ? 'skipped' : expected[behaviour]);
          expect(flush).toHaveBeenCalledTimes(budget === 0 ? 0 : 1);
          vi.clearAllTimers();
        },
      ),
      { numRuns },
    );
  });
});
