import type { TreeAttributes, TreeSpan } from './span-tree-types.js';

/** `[seconds, nanoseconds]`, as the OTel SDK stores times. */
type HrTime = readonly [number, number];

/**
 * The parts of an OTel SDK `ReadableSpan` the tree needs (SDK 1.x `parentSpanId` and
 * 2.x `parentSpanContext` are both read), so spans from an `InMemorySpanExporter` can be
 * asserted the same way as spans from the OTLP receiver.
 */
export interface ReadableSpanLike {
  readonly name: string;
  readonly kind: number;
  spanContext(): { traceId: string; spanId: string };
  readonly parentSpanContext?: { readonly spanId: string } | undefined;
  readonly parentSpanId?: string | undefined;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly attributes: TreeAttributes;
  readonly links: ReadonlyArray<{
    readonly context: { readonly traceId: string; readonly spanId: string };
    readonly attributes?: TreeAttributes | undefined;
  }>;
  readonly status: { readonly code: number; readonly message?: string | undefined };
  readonly events: ReadonlyArray<{
    readonly name: string;
    readonly time: HrTime;
    readonly attributes?: TreeAttributes | undefined;
  }>;
  readonly resource?: { readonly attributes: TreeAttributes } | undefined;
}

const hrToNanos = (time: HrTime): bigint => BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);

/**
 * Converts OTel SDK spans (e.g. `InMemorySpanExporter#getFinishedSpans()`) to tree records.
 *
 * @param spans - finished SDK spans.
 * @returns records for `buildSpanTrees`, `assertTreeShape`, `renderWaterfall`, ….
 * @example
 * ```ts
 * assertTreeShape(fromReadableSpans(exporter.getFinishedSpans()), { name: 'lambda.invoke' });
 * ```
 */
export function fromReadableSpans(spans: Iterable<ReadableSpanLike>): TreeSpan[] {
  const out: TreeSpan[] = [];
  for (const span of spans) {
    const { traceId, spanId } = span.spanContext();
    out.push({
      traceId,
      spanId,
      parentSpanId: span.parentSpanContext?.spanId ?? span.parentSpanId,
      name: span.name,
      kind: span.kind,
      startTimeUnixNano: hrToNanos(span.startTime),
      endTimeUnixNano: hrToNanos(span.endTime),
      attributes: span.attributes,
      links: span.links.map((link) => ({
        traceId: link.context.traceId,
        spanId: link.context.spanId,
        attributes: link.attributes ?? {},
      })),
      status: { code: span.status.code, message: span.status.message },
      events: span.events.map((event) => ({
        name: event.name,
        timeUnixNano: hrToNanos(event.time),
        attributes: event.attributes ?? {},
      })),
      ...(span.resource !== undefined && { resource: span.resource.attributes }),
    });
  }
  return out;
}
