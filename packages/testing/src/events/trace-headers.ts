import { type IdSource, toIdSource } from './ids.js';
import type { HeaderUpstream, UpstreamContext } from './types.js';

/**
 * A fresh, valid upstream context (random ids, or deterministic ones with a seed).
 *
 * @param options - `seed` for repeatable ids; `sampled` defaults to true.
 * @returns a context to hand to any factory's `upstream` option or header encoder.
 * @example
 * ```ts
 * const up = upstreamContext({ seed: 1 });
 * sqsRecord({ body: 'x', upstream: { kind: 'w3c', ...up } });
 * ```
 */
export function upstreamContext(
  options: { seed?: number | string | IdSource; sampled?: boolean } = {},
): UpstreamContext {
  const ids = toIdSource(options.seed);
  return { traceId: ids.hex(32), spanId: ids.hex(16), sampled: options.sampled ?? true };
}

/**
 * The W3C `traceparent` value (version 00) for a context.
 *
 * @param ctx - ids and sampled flag; ids are written as given, so malformed ones can be tested.
 * @returns e.g. `00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01`.
 * @example
 * ```ts
 * traceparent({ traceId, spanId, sampled: true });
 * ```
 * @see https://www.w3.org/TR/trace-context/#traceparent-header
 */
export function traceparent(ctx: Pick<UpstreamContext, 'traceId' | 'spanId' | 'sampled'>): string {
  return `00-${ctx.traceId}-${ctx.spanId}-${ctx.sampled ? '01' : '00'}`;
}

/**
 * W3C trace-context headers: `traceparent`, plus `tracestate` and `baggage` when the context has them.
 *
 * @param ctx - the upstream context.
 * @returns lowercase header names to values.
 * @example
 * ```ts
 * w3cHeaders({ traceId, spanId, sampled: true, tracestate: 'vendor=1' });
 * ```
 */
export function w3cHeaders(ctx: UpstreamContext): Record<string, string> {
  const headers: Record<string, string> = { traceparent: traceparent(ctx) };
  if (ctx.tracestate !== undefined) headers.tracestate = ctx.tracestate;
  if (ctx.baggage !== undefined) headers.baggage = ctx.baggage;
  return headers;
}

/**
 * The decimal form Datadog uses for an id: the low 64 bits of a hex trace or span id.
 *
 * @param hexId - 16 or 32 hex characters.
 * @returns the unsigned decimal of the last 16 hex characters.
 * @example
 * ```ts
 * datadogDecimalId('4bf92f3577b34da6a3ce929d0e0e4736'); // '11803532876627986230'
 * ```
 */
export function datadogDecimalId(hexId: string): string {
  return BigInt(`0x${hexId.slice(-16)}`).toString(10);
}

/** Options of {@link datadogHeaders}. */
export interface DatadogHeaderOptions {
  /**
   * Also write `traceparent` and a `tracestate` with a `dd=` member, as dd-trace does by
   * default; defaults to the context's `datadogWithTraceContext`.
   */
  withTraceContext?: boolean;
}

/**
 * Datadog propagation headers for a context: decimal low 64 bits of the trace id, decimal
 * parent id, sampling priority, and `_dd.p.tid` (upper 64 bits, hex) in `x-datadog-tags`.
 *
 * @param ctx - the upstream context; `samplingPriority` defaults to 1 when sampled, else 0.
 * @param options - see {@link DatadogHeaderOptions}.
 * @returns lowercase header names to values.
 * @example
 * ```ts
 * datadogHeaders({ traceId, spanId, sampled: true })['x-datadog-tags']; // '_dd.p.dm=-0,_dd.p.tid=…'
 * ```
 * @see DataDog/dd-trace-js packages/dd-trace/src/opentracing/propagation/text_map.js
 */
export function datadogHeaders(
  ctx: UpstreamContext,
  options: DatadogHeaderOptions = {},
): Record<string, string> {
  const priority = ctx.samplingPriority ?? (ctx.sampled ? 1 : 0);
  const upper = ctx.traceId.length > 16 ? ctx.traceId.slice(0, -16) : '';
  const tags: string[] = [];
  const decisionMaker = priority === 2 ? '-4' : priority > 0 ? '-0' : undefined;
  if (decisionMaker !== undefined) tags.push(`_dd.p.dm=${decisionMaker}`);
  if (upper !== '' && !/^0+$/.test(upper)) tags.push(`_dd.p.tid=${upper}`);
  const headers: Record<string, string> = {
    'x-datadog-trace-id': datadogDecimalId(ctx.traceId),
    'x-datadog-parent-id': datadogDecimalId(ctx.spanId),
    'x-datadog-sampling-priority': String(priority),
  };
  if (ctx.origin !== undefined) headers['x-datadog-origin'] = ctx.origin;
  if (tags.length > 0) headers['x-datadog-tags'] = tags.join(',');
  if (options.withTraceContext ?? ctx.datadogWithTraceContext) {
    headers.traceparent = traceparent({ ...ctx, sampled: priority > 0 });
    const dd = [`s:${priority}`];
    if (ctx.origin !== undefined) dd.push(`o:${ctx.origin}`);
    dd.push(`p:${ctx.spanId}`);
    if (decisionMaker !== undefined) dd.push(`t.dm:${decisionMaker}`);
    if (upper !== '' && !/^0+$/.test(upper)) dd.push(`t.tid:${upper}`);
    headers.tracestate = [`dd=${dd.join(';')}`, ctx.tracestate].filter(Boolean).join(',');
  }
  return headers;
}

/** Options of {@link xrayTraceHeader}. */
export interface XRayHeaderOptions {
  /** Write `Sampled=?` (decision left to the receiver) instead of the context's flag. */
  undecided?: boolean;
  /** Write `Root=…` only, as Lambda does in PassThrough mode. */
  rootOnly?: boolean;
  /** A `Lineage=` value to append (receivers ignore it). */
  lineage?: string;
}

/**
 * The AWS X-Ray trace header for a context (`X-Amzn-Trace-Id`, SQS `AWSTraceHeader`,
 * `_X_AMZN_TRACE_ID`): the first 8 hex of the trace id are the epoch part of `Root`.
 *
 * @param ctx - the upstream context.
 * @param options - see {@link XRayHeaderOptions}.
 * @returns e.g. `Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1`.
 * @example
 * ```ts
 * sqsRecord({ body: 'x', attributes: { AWSTraceHeader: xrayTraceHeader(up) } });
 * ```
 * @see https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 */
export function xrayTraceHeader(
  ctx: Pick<UpstreamContext, 'traceId' | 'spanId' | 'sampled'>,
  options: XRayHeaderOptions = {},
): string {
  const parts = [`Root=1-${ctx.traceId.slice(0, 8)}-${ctx.traceId.slice(8)}`];
  if (!options.rootOnly) {
    parts.push(`Parent=${ctx.spanId}`);
    parts.push(`Sampled=${options.undecided ? '?' : ctx.sampled ? '1' : '0'}`);
  }
  if (options.lineage !== undefined) parts.push(`Lineage=${options.lineage}`);
  return parts.join(';');
}

/**
 * B3 multi-header propagation (`x-b3-traceid`, `x-b3-spanid`, `x-b3-sampled`).
 *
 * @param ctx - the upstream context.
 * @returns lowercase header names to values.
 * @example
 * ```ts
 * b3Headers(up)['x-b3-sampled']; // '1'
 * ```
 * @see https://github.com/openzipkin/b3-propagation
 */
export function b3Headers(
  ctx: Pick<UpstreamContext, 'traceId' | 'spanId' | 'sampled'>,
): Record<string, string> {
  return {
    'x-b3-traceid': ctx.traceId,
    'x-b3-spanid': ctx.spanId,
    'x-b3-sampled': ctx.sampled ? '1' : '0',
  };
}

/**
 * The B3 single-header value: `{traceId}-{spanId}-{1|0}`.
 *
 * @param ctx - the upstream context.
 * @returns the value of the `b3` header.
 * @example
 * ```ts
 * ({ b3: b3SingleHeader(up) });
 * ```
 * @see https://github.com/openzipkin/b3-propagation#single-header
 */
export function b3SingleHeader(
  ctx: Pick<UpstreamContext, 'traceId' | 'spanId' | 'sampled'>,
): string {
  return `${ctx.traceId}-${ctx.spanId}-${ctx.sampled ? '1' : '0'}`;
}

/**
 * Request headers carrying an upstream context in the chosen format (`none` → no headers).
 *
 * @param upstream - the context and its header format.
 * @returns lowercase header names to values (`x-amzn-trace-id` for `xray`).
 * @example
 * ```ts
 * upstreamHeaders({ kind: 'b3-single', ...up }); // { b3: '…' }
 * ```
 */
export function upstreamHeaders(upstream: HeaderUpstream | undefined): Record<string, string> {
  if (upstream === undefined || upstream.kind === 'none') return {};
  switch (upstream.kind) {
    case 'w3c':
      return w3cHeaders(upstream);
    case 'datadog':
      return datadogHeaders(upstream);
    case 'xray':
      return { 'x-amzn-trace-id': xrayTraceHeader(upstream) };
    case 'b3':
      return b3Headers(upstream);
    case 'b3-single':
      return { b3: b3SingleHeader(upstream) };
  }
}
