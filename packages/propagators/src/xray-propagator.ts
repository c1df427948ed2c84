import {
  type Context,
  isSpanContextValid,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import {
  getXRayLineage,
  isSamplingDeferred,
  isSyntheticParent,
  markSamplingDeferred,
  markSyntheticParent,
  setXRayLineage,
} from './context-hints.js';
import { formatXRayHeader, parseXRayHeader } from './xray-header.js';

/** The X-Ray header name, lowercase. */
export const XRAY_HEADER = 'x-amzn-trace-id';

/** Options of {@link XRayPropagator}. */
export interface XRayPropagatorOptions {
  /**
   * What a Root-only header (a trace id, no `Parent`) gives:
   * `'synthetic-parent'` (default) keeps the trace id under a remote parent whose span id is
   * derived from the trace id ({@link isSyntheticParent}); `'ignore'` gives no context, as the
   * OpenTelemetry X-Ray propagator does.
   */
  rootOnly?: 'synthetic-parent' | 'ignore';
}

/** A stable, non-zero span id for a Root-only trace: the last 16 hex digits of its random part. */
function syntheticSpanId(traceId: string): string {
  const low = traceId.slice(16);
  return /^0+$/.test(low) ? traceId.slice(0, 16) : low;
}

/**
 * Reads the X-Ray header from a carrier: the lowercase name first, then any casing of it.
 * @internal
 */
export function readXRayField(carrier: unknown, getter: TextMapGetter): unknown {
  const value = getter.get(carrier, XRAY_HEADER);
  if (value !== undefined) return value;
  const key = getter.keys(carrier).find((name) => name.toLowerCase() === XRAY_HEADER);
  return key === undefined ? undefined : getter.get(carrier, key);
}

/**
 * AWS X-Ray `X-Amzn-Trace-Id` propagator.
 *
 * Beyond `@opentelemetry/propagator-aws-xray`: `Sampled=?` (or no `Sampled`) gives an unsampled
 * context marked deferred ({@link isSamplingDeferred}) instead of no context; Root-only headers
 * keep their trace id (see {@link XRayPropagatorOptions.rootOnly}); `Lineage` is carried to the
 * next injection of the same trace so Lambda's recursive-loop detection keeps working; ids
 * are lowercased.
 *
 * @see https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 * @example
 * ```ts
 * const ctx = new XRayPropagator().extract(ROOT_CONTEXT, record.attributes, sqsSystemAttributesGetter);
 * ```
 */
export class XRayPropagator implements TextMapPropagator {
  readonly #rootOnly: 'synthetic-parent' | 'ignore';

  /** @param options - See {@link XRayPropagatorOptions}. */
  constructor(options: XRayPropagatorOptions = {}) {
    this.#rootOnly = options.rootOnly ?? 'synthetic-parent';
  }

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const spanContext = trace.getSpanContext(context);
    if (!spanContext || !isSpanContextValid(spanContext) || isTracingSuppressed(context)) return;
    const sampled = (spanContext.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
    const header = formatXRayHeader({
      traceId: spanContext.traceId,
      parentId: isSyntheticParent(context) ? undefined : spanContext.spanId,
      sampled: isSamplingDeferred(context) ? undefined : sampled,
      lineage: getXRayLineage(context, spanContext.traceId),
    });
    setter.set(carrier, XRAY_HEADER, header);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const header = parseXRayHeader(readXRayField(carrier, getter));
    if (!header) return context;
    if (header.parentId === undefined && this.#rootOnly === 'ignore') return context;
    const { traceId } = header;
    let extracted = trace.setSpanContext(context, {
      traceId,
      spanId: header.parentId ?? syntheticSpanId(traceId),
      traceFlags: header.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
      isRemote: true,
    });
    if (header.sampled === undefined) extracted = markSamplingDeferred(extracted, traceId);
    if (header.parentId === undefined) extracted = markSyntheticParent(extracted, traceId);
    if (header.lineage) extracted = setXRayLineage(extracted, traceId, header.lineage);
    return extracted;
  }

  fields(): string[] {
    return [XRAY_HEADER];
  }
}
