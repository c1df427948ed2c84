import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlushBreaker, FULL_CAP_RETRY_MS } from '../src/flush-breaker.js';
import type { FlushOutcome, FlushStatus } from '../src/types.js';
import { recordDiag } from './support/diag-recorder.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const outcome = (status: FlushStatus): FlushOutcome => ({ status, durationMs: 1, budgetMs: 1 });

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('createFlushBreaker', () => {
  it('gives the full cap while flushes finish', () => {
    // Arrange
    const breaker = createFlushBreaker({ failingCapMs: 100 });

    // Act
    breaker.record(outcome('flushed'));

    // Assert
    expect(breaker.failing).toBe(false);
    expect(breaker.capFor(2000)).toBe(2000);
  });

  it.each(['timed-out', 'failed'] as const)(
    'gives the failing cap after a flush that %s, until one finishes',
    (status) => {
      // Arrange
      const clock = manualClock();
      const breaker = createFlushBreaker({ failingCapMs: 100, now: clock.now });

      // Act
      breaker.record(outcome(status));
      const whileFailing = [breaker.capFor(2000), breaker.capFor(2000)];
      breaker.record(outcome('flushed'));

      // Assert
      expect(whileFailing).toEqual([100, 100]);
      expect(breaker.failing).toBe(false);
      expect(breaker.capFor(2000)).toBe(2000);
    },
  );

  it('gives one flush the full cap every retry interval while failing', () => {
    // Arrange
    const clock = manualClock();
    const breaker = createFlushBreaker({ failingCapMs: 100, now: clock.now });
    breaker.record(outcome('timed-out'));

    // Act
    clock.advance(FULL_CAP_RETRY_MS - 1);
    const before = breaker.capFor(2000);
    clock.advance(1);
    const retry = breaker.capFor(2000);
    const after = breaker.capFor(2000);

    // Assert
    expect([before, retry, after]).toEqual([100, 2000, 100]);
  });

  it('ignores skipped flushes', () => {
    // Arrange
    const breaker = createFlushBreaker({ failingCapMs: 100 });
    breaker.record(outcome('timed-out'));

    // Act
    breaker.record(outcome('skipped'));

    // Assert
    expect(breaker.failing).toBe(true);
  });

  it('never shortens anything when the failing cap is not below the cap', () => {
    // Arrange
    const breaker = createFlushBreaker({ failingCapMs: 2000 });

    // Act
    breaker.record(outcome('failed'));

    // Assert
    expect(breaker.capFor(2000)).toBe(2000);
    expect(breaker.capFor(500)).toBe(500);
  });

  it('warns once through diag when flushes start failing', async () => {
    // Arrange
    vi.resetModules();
    const fresh = await import('../src/flush-breaker.js');
    const { lines, stop } = recordDiag();
    cleanups.push(stop);
    const breaker = fresh.createFlushBreaker({ failingCapMs: 100 });

    // Act
    for (let i = 0; i < 3; i++) {
      breaker.record(outcome('timed-out'));
      breaker.record(outcome('flushed'));
    }

    // Assert
    const warnings = lines.filter(([level]) => level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[1]).toContain('LAMBDA_OTEL_FLUSH_FAILING_CAP_MS');
  });

  it('keeps every cap between the smaller of the two caps and the cap, over any history', () => {
    fc.assert(
      fc.property(
        fc.nat(5_000),
        fc.nat(5_000),
        fc.array(
          fc.oneof(
            fc.constantFrom<FlushStatus>('flushed', 'timed-out', 'failed', 'skipped'),
            fc.nat(60_000),
          ),
          { maxLength: 40 },
        ),
        (failingCapMs, capMs, steps) => {
          const clock = manualClock();
          const breaker = createFlushBreaker({ failingCapMs, now: clock.now });
          for (const step of steps) {
            if (typeof step === 'number') clock.advance(step);
            else breaker.record(outcome(step));
            const cap = breaker.capFor(capMs);
            expect(cap).toBeLessThanOrEqual(capMs);
            expect(cap).toBeGreaterThanOrEqual(Math.min(failingCapMs, capMs));
            if (!breaker.failing) expect(cap).toBe(capMs);
          }
        },
      ),
      { numRuns },
    );
  });
});
