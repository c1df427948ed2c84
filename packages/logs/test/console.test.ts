import { initTelemetry, instrumentHandler, resetTelemetry } from '@lambda-otel-kit/lambda';
import { invokeInProcess } from '@lambda-otel-kit/testing';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { instrumentConsole } from '../src/console.js';
import type { Restore } from '../src/types.js';
import { captureStdout, parseLines } from './support/stdout.js';
import { inSpan, installAsyncContext, realTracing } from './support/tracing.js';

const LOW_64 = (1n << 64n) - 1n;
const tracing = realTracing();
let teardown: () => void;
let restore: Restore | undefined;

beforeAll(() => {
  teardown = installAsyncContext();
});
afterEach(() => {
  restore?.();
  restore = undefined;
});
afterAll(async () => {
  teardown();
  await tracing.shutdown();
});

describe('instrumentConsole', () => {
  it('patches nothing at import: the console is the one Node installed', async () => {
    // Arrange
    const before = [console.log, console.info, console.warn, console.error, console.debug];

    // Act
    await import('../src/index.js');

    // Assert
    expect([console.log, console.info, console.warn, console.error, console.debug]).toEqual(before);
  });

  it('writes one JSON line per call, with the level of each method', async () => {
    // Arrange
    restore = instrumentConsole({
      datadog: false,
      now: () => new Date('2026-01-02T03:04:05.000Z'),
    });

    // Act
    const lines = await captureStdout(() => {
      console.log('a %d', 1);
      console.info('b');
      console.warn('c');
      console.error('d');
      console.debug('e', { k: 'v' });
    });

    // Assert
    expect(parseLines(lines)).toEqual([
      { timestamp: '2026-01-02T03:04:05.000Z', level: 'INFO', message: 'a 1' },
      { timestamp: '2026-01-02T03:04:05.000Z', level: 'INFO', message: 'b' },
      { timestamp: '2026-01-02T03:04:05.000Z', level: 'WARN', message: 'c' },
      { timestamp: '2026-01-02T03:04:05.000Z', level: 'ERROR', message: 'd' },
      { timestamp: '2026-01-02T03:04:05.000Z', level: 'DEBUG', message: "e { k: 'v' }" },
    ]);
  });

  it('adds the ids of the active span; none outside it', async () => {
    // Arrange
    restore = instrumentConsole({ datadog: false });

    // Act
    let spanContext = { traceId: '', spanId: '' };
    const lines = await captureStdout(() => {
      console.log('before');
      inSpan(tracing.sampled, (span) => {
        spanContext = span.spanContext();
        console.log('inside');
      });
    });

    // Assert
    const [before, inside] = parseLines(lines);
    expect(before).not.toHaveProperty('trace_id');
    expect(inside).toMatchObject({
      message: 'inside',
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
      trace_flags: '01',
    });
  });

  it('writes trace_flags 00 inside an unsampled span', async () => {
    restore = instrumentConsole({ datadog: false });

    const lines = await captureStdout(() => inSpan(tracing.unsampled, () => console.warn('quiet')));

    expect(parseLines(lines)[0]).toMatchObject({ level: 'WARN', trace_flags: '00' });
    expect(parseLines(lines)[0]?.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('adds dd.trace_id / dd.span_id automatically with the Datadog preset', async () => {
    // Arrange
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'datadog');
    restore = instrumentConsole();

    // Act
    const lines = await captureStdout(() => inSpan(tracing.sampled, () => console.info('dd')));

    // Assert
    const line = parseLines(lines)[0] as { trace_id: string; span_id: string; dd: unknown };
    expect(line.dd).toEqual({
      trace_id: (BigInt(`0x${line.trace_id}`) & LOW_64).toString(),
      span_id: BigInt(`0x${line.span_id}`).toString(),
    });
  });

  it('adds no Datadog ids without the preset, and the option beats the preset', async () => {
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'honeycomb');
    restore = instrumentConsole();
    const plain = await captureStdout(() => inSpan(tracing.sampled, () => console.log('x')));
    restore();
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'datadog');
    restore = instrumentConsole({ datadog: false });
    const forcedOff = await captureStdout(() => inSpan(tracing.sampled, () => console.log('y')));

    expect(parseLines(plain)[0]).not.toHaveProperty('dd');
    expect(parseLines(forcedOff)[0]).not.toHaveProperty('dd');
  });

  it('adds the Lambda request id when one is known', async () => {
    restore = instrumentConsole({ datadog: false, requestId: () => 'req-42' });

    const lines = await captureStdout(() => console.log('x'));

    expect(parseLines(lines)[0]).toMatchObject({ requestId: 'req-42', message: 'x' });
  });

  it('logs a circular object instead of throwing', async () => {
    // Arrange
    restore = instrumentConsole({ datadog: false });
    const order: Record<string, unknown> = { id: 1 };
    order.self = order;

    // Act
    const lines = await captureStdout(() => console.log('order', order));

    // Assert
    expect(parseLines(lines)[0]?.message).toBe('order <ref *1> { id: 1, self: [Circular *1] }');
  });

  it('never throws from a log call: a failing writer hands the arguments to the original', () => {
    // Arrange
    const nodeError = console.error;
    const original = vi.fn();
    console.error = original;
    restore = instrumentConsole({
      datadog: false,
      write: () => {
        throw new Error('EPIPE');
      },
    });

    // Act / Assert
    expect(() => console.error('lost?', 1)).not.toThrow();
    expect(original).toHaveBeenCalledWith('lost?', 1);
    restore();
    console.error = nodeError;
  });

  it('restores the original methods, once, and ignores a second instrumentation', async () => {
    // Arrange
    const original = console.log;
    restore = instrumentConsole({ datadog: false });
    const patched = console.log;

    // Act
    const second = instrumentConsole({ datadog: true });
    const stillPatched = console.log;
    second();
    restore();
    restore();

    // Assert
    expect(patched).not.toBe(original);
    expect(stillPatched).toBe(patched);
    expect(console.log).toBe(original);
  });

  it("inside the kit's instrumentHandler, lines carry the request id and the lambda.invoke ids", async () => {
    // Arrange
    const exporter = new InMemorySpanExporter();
    const telemetry = initTelemetry({ exporter, register: false, serviceName: 'orders', env: {} });
    const handler = instrumentHandler(
      async () => {
        console.log('handling');
        return 'done';
      },
      { telemetry },
    );
    restore = instrumentConsole({ datadog: false });

    // Act
    const lines = await captureStdout(() =>
      invokeInProcess(handler, {}, { requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678' }),
    );
    await telemetry.forceFlush();
    const invoke = exporter.getFinishedSpans().find((span) => span.name === 'lambda.invoke');
    await resetTelemetry();

    // Assert
    expect(invoke).toBeDefined();
    expect(parseLines(lines)).toContainEqual(
      expect.objectContaining({
        level: 'INFO',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
        message: 'handling',
        trace_id: invoke?.spanContext().traceId,
        span_id: invoke?.spanContext().spanId,
        trace_flags: '01',
      }),
    );
  });
});
