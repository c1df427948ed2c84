import {
  type Context,
  isSpanContextValid,
  ROOT_CONTEXT,
  type SpanContext,
  type TextMapGetter,
  type TextMapPropagator,
  trace,
} from '@opentelemetry/api';
import {
  allowLambdaEnvFallback,
  getOtherUpstreamContexts,
  withoutLambdaEnvFallback,
} from './context-hints.js';
import { DATADOG_ATTRIBUTE, parseDatadogJson } from './datadog-json-carrier.js';
import {
  datadogJsonPropagator,
  defaultMessagePropagator,
  xrayPropagator,
} from './default-propagators.js';
import { eventBridgeInBody, parseSnsEnvelope } from './envelopes.js';
import { isRecord, lookup, objectGetter } from './object-carrier.js';
import { messageAttributesGetter, sqsSystemAttributesGetter } from './sqs-record-carrier.js';
import type { ExtractedContext, RecordContextOptions, RecordContextSource } from './types.js';

/** The kit's default record-context order (`LAMBDA_OTEL_RECORD_CONTEXT_ORDER`). */
export const DEFAULT_RECORD_CONTEXT_ORDER: readonly RecordContextSource[] = [
  'message-attributes',
  'datadog',
  'sns',
  'eventbridge',
  'aws-trace-header',
];

/** @internal The span context an extraction added, if it is valid and new. */
export function addedSpanContext(extracted: Context, base: Context): SpanContext | undefined {
  const spanContext = trace.getSpanContext(extracted);
  if (!spanContext || spanContext === trace.getSpanContext(base)) return undefined;
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** @internal Trace fields first, then a `_datadog` map, from one set of attributes or one object. */
export function fromFieldsOrDatadog(
  base: Context,
  propagator: TextMapPropagator,
  carrier: unknown,
  getter: TextMapGetter,
  datadogValue: unknown,
): Context | undefined {
  const extracted = propagator.extract(base, carrier, getter);
  if (addedSpanContext(extracted, base)) return extracted;
  const fields = parseDatadogJson(datadogValue);
  if (!fields) return undefined;
  const fromDatadog = datadogJsonPropagator().extract(base, fields, objectGetter);
  return addedSpanContext(fromDatadog, base) ? fromDatadog : undefined;
}

/** The record's own message attributes: SQS (camelCase), SNS record, or SDK (PascalCase). */
function attributesOf(record: Record<string, unknown>): unknown {
  const sns = record.Sns;
  return (
    record.messageAttributes ?? (isRecord(sns) ? sns.MessageAttributes : record.MessageAttributes)
  );
}

/**
 * Reads one source of a record. Every record of a batch goes through every source (to find
 * contexts of other traces to link), so each source first checks, cheaply, that its carrier is
 * there at all; the chain validates what a source returns.
 */
function readSource(
  source: RecordContextSource,
  record: Record<string, unknown>,
  base: Context,
  propagator: TextMapPropagator,
): Context | undefined {
  switch (source) {
    case 'message-attributes': {
      const attributes = attributesOf(record);
      return isRecord(attributes)
        ? propagator.extract(base, attributes, messageAttributesGetter)
        : undefined;
    }
    case 'datadog': {
      const value = lookup(attributesOf(record), DATADOG_ATTRIBUTE);
      const fields = value === undefined ? undefined : parseDatadogJson(value);
      return fields ? datadogJsonPropagator().extract(base, fields, objectGetter) : undefined;
    }
    case 'sns': {
      const envelope = parseSnsEnvelope(record.body);
      if (!envelope) return undefined;
      const attributes = envelope.MessageAttributes;
      const datadog = lookup(attributes, DATADOG_ATTRIBUTE);
      return fromFieldsOrDatadog(base, propagator, attributes, messageAttributesGetter, datadog);
    }
    case 'eventbridge': {
      const sns = record.Sns;
      const body = record.body ?? (isRecord(sns) ? sns.Message : undefined);
      const detail = eventBridgeInBody(body)?.detail;
      if (!isRecord(detail)) return undefined;
      const datadog = lookup(detail, DATADOG_ATTRIBUTE);
      return fromFieldsOrDatadog(base, propagator, detail, objectGetter, datadog);
    }
    case 'aws-trace-header':
      return sqsSystemAttributesGetter.keys(record.attributes).length > 0
        ? xrayPropagator().extract(base, record.attributes, sqsSystemAttributesGetter)
        : undefined;
    default:
      return undefined;
  }
}

/** Bases marked "no `xray-lambda` env fallback", one per base context (a batch shares one). */
const quietBases = new WeakMap<Context, Context>();

function quietBase(base: Context): Context {
  let quiet = quietBases.get(base);
  if (quiet === undefined) {
    quiet = withoutLambdaEnvFallback(base);
    quietBases.set(base, quiet);
  }
  return quiet;
}

/**
 * @internal Reads the sources in order: the first valid one is chosen, other traces become
 * links. Each source reads from a base marked so that `xray-lambda` does not fall back to the
 * invocation's own trace header (a carrier's context must not be masked by it). A source that
 * throws counts as empty.
 */
export function chooseAmong<S extends string>(
  base: Context,
  sources: readonly S[],
  read: (source: S, quiet: Context) => Context | undefined,
): ExtractedContext<S> {
  const quiet = quietBase(base);
  let chosen: { source: S; context: Context; spanContext: SpanContext } | undefined;
  const found: SpanContext[] = [];
  for (let i = 0; i < sources.length; i += 1) {
    const source = sources[i] as S;
    if (sources.indexOf(source) !== i) continue; // a repeated source reads nothing new
    let extracted: Context | undefined;
    try {
      extracted = read(source, quiet);
    } catch {
      extracted = undefined;
    }
    const spanContext = extracted && addedSpanContext(extracted, base);
    if (!extracted || !spanContext) continue;
    if (chosen === undefined) {
      chosen = { source, context: allowLambdaEnvFallback(extracted), spanContext };
    } else if (spanContext.traceId !== chosen.spanContext.traceId) {
      found.push(spanContext);
    }
    const others = getOtherUpstreamContexts(extracted);
    if (others.length > 0) found.push(...others);
  }
  if (!chosen) return { context: base, source: undefined };
  const traceId = chosen.spanContext.traceId;
  const links = found
    .filter((sc) => sc.traceId !== traceId)
    .filter(
      (sc, i, all) =>
        all.findIndex((o) => o.traceId === sc.traceId && o.spanId === sc.spanId) === i,
    );
  return links.length > 0
    ? { context: chosen.context, source: chosen.source, links }
    : { context: chosen.context, source: chosen.source };
}

/**
 * Finds the upstream context of one SQS or SNS record, trying sources in order; the first
 * valid one is the parent, valid contexts of other traces from the other sources are `links`.
 *
 * Sources: `message-attributes` (the record's own attributes read by `options.propagator`),
 * `datadog` (its `_datadog` attribute, string or binary JSON), `sns` (an SNS envelope in the
 * body: its attributes, then their `_datadog`), `eventbridge` (an EventBridge event in the body,
 * in the `Message` of an SNS envelope in the body, or in an SNS record's `Message`: `detail`
 * fields, then `detail._datadog`), `aws-trace-header` (the X-Ray system attribute).
 * Never throws: on any input it returns at least `{ context: base, source: undefined }`.
 *
 * @param record - A Lambda SQS or SNS record (anything is accepted).
 * @param options - Order, propagator and base context.
 * @example
 * ```ts
 * const { context, source, links } = extractRecordContext(record, { order: config.recordContextOrder });
 * ```
 */
export function extractRecordContext(
  record: unknown,
  options: RecordContextOptions = {},
): ExtractedContext {
  const base = options.context ?? ROOT_CONTEXT;
  try {
    if (!isRecord(record)) return { context: base, source: undefined };
    const propagator = options.propagator ?? defaultMessagePropagator();
    const order = Array.isArray(options.order) ? options.order : DEFAULT_RECORD_CONTEXT_ORDER;
    return chooseAmong(base, order, (source, quiet) =>
      readSource(source, record, quiet, propagator),
    );
  } catch {
    return { context: base, source: undefined };
  }
}
