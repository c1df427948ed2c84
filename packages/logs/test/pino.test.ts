import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pinoMixin } from '../src/pino.js';
import { inSpan, installAsyncContext, realTracing } from './support/tracing.js';

const LOW_64 = (1n << 64n) - 1n;
const tracing = realTracing();
let teardown: () => void;

beforeAll(() => {
  teardown = installAsyncContext();
});
afterAll(async () => {
  teardown();
  await tracing.shutdown();
});

/** A real pino logger writing synchronously into memory; `lines()` parses what it wrote. */
function memoryLogger(options: pino.LoggerOptions) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const logger = pino({ ...options, timestamp: false, base: undefined }, stream);
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}

describe('pinoMixin', () => {
  it('adds the active span ids to each pino line, none outside a span', () => {
    // Arrange
    const { logger, lines } = memoryLogger({ mixin: pinoMixin({ datadog: false }) });

    // Act
    logger.info('before');
    const spanContext = inSpan(tracing.sampled, (span) => {
      logger.info({ order: 7 }, 'inside');
      return span.spanContext();
    });

    // Assert
    expect(lines()).toEqual([
      { level: 30, msg: 'before' },
      {
        level: 30,
        trace_id: spanContext.traceId,
        span_id: spanContext.spanId,
        trace_flags: '01',
        order: 7,
        msg: 'inside',
      },
    ]);
  });

  it('writes trace_flags 00 for an unsampled span', () => {
    const { logger, lines } = memoryLogger({ mixin: pinoMixin({ datadog: false }) });

    inSpan(tracing.unsampled, () => logger.warn('quiet'));

    expect(lines()[0]).toMatchObject({ level: 40, trace_flags: '00', msg: 'quiet' });
  });

  it('follows child loggers and nested spans', () => {
    // Arrange
    const { logger, lines } = memoryLogger({ mixin: pinoMixin({ datadog: false }) });
    const child = logger.child({ component: 'db' });

    // Act
    const ids = inSpan(tracing.sampled, (outer) =>
      inSpan(tracing.sampled, (inner) => {
        child.info('query');
        return [outer.spanContext().spanId, inner.spanContext().spanId];
      }),
    );

    // Assert
    expect(lines()[0]).toMatchObject({ component: 'db', span_id: ids[1] });
    expect(lines()[0]?.span_id).not.toBe(ids[0]);
  });

  it('adds dd.trace_id / dd.span_id with the Datadog preset', () => {
    // Arrange
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'datadog-agentless');
    vi.stubEnv('DD_API_KEY', 'test-key');
    const { logger, lines } = memoryLogger({ mixin: pinoMixin() });

    // Act
    inSpan(tracing.sampled, () => logger.error('failed'));

    // Assert
    const line = lines()[0] as { trace_id: string; span_id: string; dd: unknown };
    expect(line.dd).toEqual({
      trace_id: (BigInt(`0x${line.trace_id}`) & LOW_64).toString(),
      span_id: BigInt(`0x${line.span_id}`).toString(),
    });
  });

  it('reads the configuration once, when the mixin is made', () => {
    // Arrange
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'honeycomb');
    const { logger, lines } = memoryLogger({ mixin: pinoMixin() });
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'datadog');

    // Act
    inSpan(tracing.sampled, () => logger.info('x'));

    // Assert
    expect(lines()[0]).not.toHaveProperty('dd');
  });
});
