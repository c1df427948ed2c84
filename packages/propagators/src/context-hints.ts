import { type Context, createContextKey, type SpanContext, trace } from '@opentelemetry/api';

// Hints a propagator leaves in the extracted context, each tied to the trace id it is about, so a
// hint never leaks onto another trace started from the same context.
const RANDOM_TRACE_ID = createContextKey('lambda-otel-kit random trace-id flag');
const DEFERRED_SAMPLING = createContextKey('lambda-otel-kit deferred sampling');
const SYNTHETIC_PARENT = createContextKey('lambda-otel-kit synthetic parent');
const XRAY_LINEAGE = createContextKey('lambda-otel-kit x-ray lineage');
const OTHER_CONTEXTS = createContextKey('lambda-otel-kit other upstream contexts');
const NO_LAMBDA_ENV = createContextKey('lambda-otel-kit no lambda env fallback');

/** The trace id of the context's span context when that span context is a remote (extracted) one. */
function remoteTraceId(context: Context): string | undefined {
  const spanContext = trace.getSpanContext(context);
  return spanContext?.isRemote ? spanContext.traceId : undefined;
}

/** @internal Records that the upstream `traceparent` had the random trace-id flag (bit 1). */
export function markRandomTraceId(context: Context, traceId: string): Context {
  return context.setValue(RANDOM_TRACE_ID, traceId);
}

/** @internal Whether `traceId` was received with the random trace-id flag. */
export function hasRandomTraceIdFlag(context: Context, traceId: string): boolean {
  return context.getValue(RANDOM_TRACE_ID) === traceId;
}

/** @internal Records that the upstream left the sampling decision open (`Sampled=?`, no priority). */
export function markSamplingDeferred(context: Context, traceId: string): Context {
  return context.setValue(DEFERRED_SAMPLING, traceId);
}

/** @internal Records that the parent span id was synthesized (X-Ray Root-only header). */
export function markSyntheticParent(context: Context, traceId: string): Context {
  return context.setValue(SYNTHETIC_PARENT, traceId);
}

/** @internal Keeps the X-Ray `Lineage` of `traceId` for the next injection of the same trace. */
export function setXRayLineage(context: Context, traceId: string, lineage: string): Context {
  return context.setValue(XRAY_LINEAGE, { traceId, lineage });
}

/** @internal The X-Ray `Lineage` received for `traceId`, if any. */
export function getXRayLineage(context: Context, traceId: string): string | undefined {
  const value = context.getValue(XRAY_LINEAGE) as { traceId: string; lineage: string } | undefined;
  return value?.traceId === traceId ? value.lineage : undefined;
}

/**
 * @internal Marks a base context so that `xray-lambda` does not fall back to `_X_AMZN_TRACE_ID`:
 * the extraction chains read carriers first and try the invocation's own header last, if at all.
 */
export function withoutLambdaEnvFallback(context: Context): Context {
  return context.setValue(NO_LAMBDA_ENV, true);
}

/** @internal Removes the mark of {@link withoutLambdaEnvFallback}. */
export function allowLambdaEnvFallback(context: Context): Context {
  return context.deleteValue(NO_LAMBDA_ENV);
}

/** @internal Whether {@link withoutLambdaEnvFallback} marked the context. */
export function isLambdaEnvFallbackOff(context: Context): boolean {
  return context.getValue(NO_LAMBDA_ENV) === true;
}

/** @internal Stores the upstream contexts of other traces found beside the chosen one. */
export function setOtherContexts(context: Context, others: readonly SpanContext[]): Context {
  return others.length > 0 ? context.setValue(OTHER_CONTEXTS, [...others]) : context;
}

/**
 * Whether the context's span context is a remote one whose upstream left the sampling decision
 * to this service (X-Ray `Sampled=?` or no `Sampled`, Datadog headers without a sampling
 * priority). False once a local span has been started under it: that span carries a decision.
 *
 * Such a span context is extracted with the sampled flag off, so a plain `parentbased_*` sampler
 * drops it; a sampler that wants to decide afresh asks this first.
 *
 * @param context - A context returned by an extraction.
 * @example
 * ```ts
 * const ctx = propagator.extract(ROOT_CONTEXT, { 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=?' }, defaultTextMapGetter);
 * isSamplingDeferred(ctx); // true
 * ```
 */
export function isSamplingDeferred(context: Context): boolean {
  const traceId = remoteTraceId(context);
  return traceId !== undefined && context.getValue(DEFERRED_SAMPLING) === traceId;
}

/**
 * Whether the context's span context is a remote one whose span id the kit synthesized because
 * the upstream header had a trace id but no parent id (an X-Ray `Root=…` only header).
 *
 * @param context - A context returned by an extraction.
 * @example
 * ```ts
 * const ctx = new XRayPropagator().extract(ROOT_CONTEXT, { 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793' }, defaultTextMapGetter);
 * isSyntheticParent(ctx); // true
 * ```
 */
export function isSyntheticParent(context: Context): boolean {
  const traceId = remoteTraceId(context);
  return traceId !== undefined && context.getValue(SYNTHETIC_PARENT) === traceId;
}

/**
 * The valid upstream span contexts of *other* traces that a composite extraction found beside
 * the one it chose (for example a Datadog trace and a different W3C trace), to be added as links.
 *
 * @param context - A context returned by {@link createCompositePropagator}'s `extract`.
 * @example
 * ```ts
 * const links = getOtherUpstreamContexts(ctx).map((context) => ({ context }));
 * ```
 */
export function getOtherUpstreamContexts(context: Context): SpanContext[] {
  const value = context.getValue(OTHER_CONTEXTS);
  return Array.isArray(value) ? [...(value as SpanContext[])] : [];
}
