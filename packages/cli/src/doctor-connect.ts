import type { KitConfig } from '@lambda-otel-kit/core';
import { createOtlpExporter } from '@lambda-otel-kit/lambda';
import { SpanKind } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** What the endpoint answered to the test span. */
export interface ConnectResult {
  ok: boolean;
  /** Milliseconds from sending to the answer. */
  durationMs: number;
  /** The exporter's error message (mask it before printing), when it failed. */
  error: string | undefined;
  traceId: string;
}

/**
 * Sends one test span (`lambda-otel.doctor`, service `lambda-otel-doctor`) to the configured
 * endpoint with the exporter the function would use (same protocol, headers, compression),
 * and reports the answer.
 *
 * @param otlp - `readConfig().otlp`; its timeout is capped at `timeoutMs`.
 * @param timeoutMs - the longest wait.
 * @example
 * ```ts
 * const answer = await sendTestSpan(readConfig().otlp, 5000);
 * ```
 */
export async function sendTestSpan(
  otlp: KitConfig['otlp'],
  timeoutMs: number,
): Promise<ConnectResult> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'lambda-otel-doctor' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const span = provider.getTracer('lambda-otel-doctor').startSpan('lambda-otel.doctor', {
    kind: SpanKind.INTERNAL,
    attributes: { 'lambda_otel.doctor': true },
  });
  span.end();
  const spans = memory.getFinishedSpans();
  const exporter = await createOtlpExporter({
    ...otlp,
    timeoutMs: Math.min(otlp.timeoutMs, timeoutMs),
  });
  const started = performance.now();
  const outcome = await new Promise<{ ok: boolean; error: string | undefined }>((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, error: `no answer within ${timeoutMs} ms` }),
      timeoutMs + 500,
    );
    exporter.export(spans, (result) => {
      clearTimeout(timer);
      resolve({
        ok: result.code === 0,
        error: result.error ? String(result.error.message ?? result.error) : undefined,
      });
    });
  });
  const durationMs = performance.now() - started;
  await Promise.race([
    exporter.shutdown().catch(() => undefined),
    new Promise((r) => setTimeout(r, 500)),
  ]);
  await provider.shutdown();
  return { ...outcome, durationMs, traceId: span.spanContext().traceId };
}
