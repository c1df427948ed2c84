import { warnOnce } from '@lambda-otel-kit/core';
import { context, TraceFlags } from '@opentelemetry/api';
import { ExportResultCode, suppressTracing } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Options of {@link InvocationSpanProcessor}. */
export interface InvocationSpanProcessorOptions {
  /** Spans per export request (`OTEL_BSP_MAX_EXPORT_BATCH_SIZE`, default 512). */
  readonly maxExportBatchSize: number;
}

/**
 * A span processor for Lambda that never drops a sampled span within an invocation.
 *
 * The SDK's `BatchSpanProcessor` has a bounded queue (2,048 by default) and a timer: a
 * 10,000-record batch overflows the queue and loses most of its spans, and the timer's exports
 * can be frozen mid-flight with the sandbox. This processor keeps every ended span, sends a full
 * batch in the background as soon as one is ready (so a large invocation's export overlaps its
 * work), and sends the rest on `forceFlush` — which the flush guard calls, bounded by the
 * invocation's remaining time. Memory is bounded by one invocation's spans.
 *
 * The exporter may be given as a promise, so the exporter module can load while the function
 * initialises without making `initTelemetry()` asynchronous.
 */
export class InvocationSpanProcessor implements SpanProcessor {
  readonly #exporter: Promise<SpanExporter>;
  readonly #batchSize: number;
  #buffer: ReadableSpan[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #shutdown = false;
  /** Spans handed to the exporter and confirmed (for diagnostics and tests). */
  exported = 0;
  /** Spans the exporter reported as failed. */
  failed = 0;

  /**
   * @param exporter - the exporter, or a promise of it.
   * @param options - batch size.
   * @example
   * ```ts
   * new InvocationSpanProcessor(new OTLPTraceExporter(), { maxExportBatchSize: 512 });
   * ```
   */
  constructor(
    exporter: SpanExporter | Promise<SpanExporter>,
    options: InvocationSpanProcessorOptions,
  ) {
    this.#exporter = Promise.resolve(exporter);
    // An exporter that fails to load must not surface as an unhandled rejection.
    this.#exporter.catch((error: unknown) =>
      warnOnce('exporter-load', `OTLP exporter could not be created: ${String(error)}`),
    );
    this.#batchSize = Math.max(1, Math.floor(options.maxExportBatchSize));
  }

  /** Spans waiting to be exported. */
  get pending(): number {
    return this.#buffer.length;
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    if (this.#shutdown) return;
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    this.#buffer.push(span);
    if (this.#buffer.length >= this.#batchSize) this.#send(this.#take(this.#batchSize));
  }

  /** Sends every buffered span and waits for every export in flight. Never rejects. */
  async forceFlush(): Promise<void> {
    while (this.#buffer.length > 0) this.#send(this.#take(this.#batchSize));
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  async shutdown(): Promise<void> {
    if (this.#shutdown) return;
    await this.forceFlush();
    this.#shutdown = true;
    try {
      await (await this.#exporter).shutdown();
    } catch {
      // The exporter could not load or failed to close: nothing left to do.
    }
  }

  #take(count: number): ReadableSpan[] {
    return this.#buffer.splice(0, count);
  }

  #send(spans: ReadableSpan[]): void {
    const done = this.#export(spans).finally(() => this.#inFlight.delete(done));
    this.#inFlight.add(done);
  }

  async #export(spans: ReadableSpan[]): Promise<void> {
    let exporter: SpanExporter;
    try {
      exporter = await this.#exporter;
    } catch {
      this.failed += spans.length;
      return;
    }
    await new Promise<void>((resolve) => {
      // The exporter's own HTTP/gRPC calls must not be traced.
      context.with(suppressTracing(context.active()), () => {
        try {
          exporter.export(spans, (result) => {
            if (result.code === ExportResultCode.SUCCESS) this.exported += spans.length;
            else {
              this.failed += spans.length;
              warnOnce(
                'export-failed',
                `span export failed: ${result.error?.message ?? 'unknown error'}`,
              );
            }
            resolve();
          });
        } catch (error) {
          this.failed += spans.length;
          warnOnce('export-threw', `span exporter threw: ${String(error)}`);
          resolve();
        }
      });
    });
  }
}
