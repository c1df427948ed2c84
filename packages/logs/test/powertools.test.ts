import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { correlateFormatter, correlateLogger } from '../src/powertools.js';
import { captureStdout, parseLines } from './support/stdout.js';

/** Powertools writes WARN and ERROR to stderr, the rest to stdout. */
const both = [process.stdout, process.stderr];

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

/** A user's own formatter, written the way Powertools documents custom formatters. */
class ShortFormatter extends LogFormatter {
  formatAttributes(
    attributes: Parameters<LogFormatter['formatAttributes']>[0],
    additional: LogAttributes,
  ): LogItem {
    return new LogItem({
      attributes: { lvl: attributes.logLevel, msg: attributes.message },
    }).addAttributes(additional);
  }
}

describe('correlateFormatter', () => {
  it("adds the active span ids to a custom formatter's lines", async () => {
    // Arrange
    const logger = new Logger({
      logFormatter: correlateFormatter(new ShortFormatter(), { datadog: false }),
    });

    // Act
    let spanContext = { traceId: '', spanId: '' };
    const lines = await captureStdout(() => {
      logger.info('before');
      inSpan(tracing.sampled, (span) => {
        spanContext = span.spanContext();
        logger.info('inside', { order: 7 });
      });
    });

    // Assert
    expect(parseLines(lines)).toEqual([
      { lvl: 'INFO', msg: 'before' },
      {
        lvl: 'INFO',
        msg: 'inside',
        order: 7,
        trace_id: spanContext.traceId,
        span_id: spanContext.spanId,
        trace_flags: '01',
      },
    ]);
  });

  it('returns the same instance, and wraps it only once', async () => {
    // Arrange
    const formatter = new ShortFormatter();

    // Act
    const first = correlateFormatter(formatter, { datadog: false });
    const second = correlateFormatter(formatter, { datadog: true });
    const lines = await captureStdout(() =>
      inSpan(tracing.sampled, () => new Logger({ logFormatter: second }).info('x')),
    );

    // Assert
    expect(first).toBe(formatter);
    expect(second).toBe(formatter);
    expect(parseLines(lines)[0]).not.toHaveProperty('dd');
  });
});

describe('correlateLogger', () => {
  it("keeps Powertools' own format and adds the span ids, none outside a span", async () => {
    // Arrange
    const logger = correlateLogger(new Logger({ serviceName: 'orders' }), { datadog: false });

    // Act
    let spanContext = { traceId: '', spanId: '' };
    const lines = await captureStdout(() => {
      logger.info('before');
      inSpan(tracing.sampled, (span) => {
        spanContext = span.spanContext();
        logger.info('inside', { order: 7 });
      });
    });

    // Assert
    const [before, inside] = parseLines(lines);
    expect(before).toMatchObject({ level: 'INFO', message: 'before', service: 'orders' });
    expect(before).not.toHaveProperty('trace_id');
    expect(inside).toMatchObject({
      level: 'INFO',
      message: 'inside',
      service: 'orders',
      order: 7,
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
      trace_flags: '01',
    });
  });

  it('writes trace_flags 00 for an unsampled span', async () => {
    const logger = correlateLogger(new Logger(), { datadog: false });

    const lines = await captureStdout(
      () => inSpan(tracing.unsampled, () => logger.warn('quiet')),
      both,
    );

    expect(parseLines(lines)[0]).toMatchObject({ level: 'WARN', trace_flags: '00' });
  });

  it('reaches child loggers created afterwards', async () => {
    const child = correlateLogger(new Logger(), { datadog: false }).createChild({
      persistentKeys: { component: 'db' },
    });

    const [lines, spanId] = await inSpan(tracing.sampled, async (span) => [
      await captureStdout(() => child.error('query failed'), both),
      span.spanContext().spanId,
    ]);

    expect(parseLines(lines)[0]).toMatchObject({
      component: 'db',
      span_id: spanId,
      level: 'ERROR',
    });
  });

  it('adds dd.trace_id / dd.span_id with the Datadog preset', async () => {
    // Arrange
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'datadog');
    const logger = correlateLogger(new Logger());

    // Act
    const lines = await captureStdout(() => inSpan(tracing.sampled, () => logger.info('dd')));

    // Assert
    const line = parseLines(lines)[0] as { trace_id: string; span_id: string; dd: unknown };
    expect(line.dd).toEqual({
      trace_id: (BigInt(`0x${line.trace_id}`) & LOW_64).toString(),
      span_id: BigInt(`0x${line.span_id}`).toString(),
    });
  });

  it('returns an object without a formatter unchanged', () => {
    const notALogger = { info: () => {} };

    expect(correlateLogger(notALogger)).toBe(notALogger);
  });
});
