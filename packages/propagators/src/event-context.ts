import { type Context, ROOT_CONTEXT, type TextMapPropagator } from '@opentelemetry/api';
import { clientContextGetter } from './client-context-carrier.js';
import { DATADOG_ATTRIBUTE } from './datadog-json-carrier.js';
import { defaultMessagePropagator } from './default-propagators.js';
import { parseEventBridgeEnvelope } from './envelopes.js';
import { lambdaHttpEventGetter } from './http-headers-carrier.js';
import { isRecord, lookup, objectGetter } from './object-carrier.js';
import {
  addedSpanContext,
  chooseAmong,
  extractRecordContext,
  fromFieldsOrDatadog,
} from './record-context.js';
import type { EventContextOptions, EventContextSource, ExtractedContext } from './types.js';

function firstSnsRecord(event: Record<string, unknown>): Record<string, unknown> | undefined {
  const records = event.Records;
  const first: unknown = Array.isArray(records) ? records[0] : undefined;
  return isRecord(first) && isRecord(first.Sns) ? first : undefined;
}

const CARRIER_SOURCES: readonly EventContextSource[] = [
  'http-headers',
  'eventbridge',
  'client-context',
];

/** The carriers of a non-SNS event: HTTP headers, EventBridge `detail`, the ClientContext. */
function fromCarriers(
  object: Record<string, unknown>,
  base: Context,
  propagator: TextMapPropagator,
  clientContext: unknown,
): ExtractedContext<EventContextSource> {
  const isHttp = isRecord(object.headers) || isRecord(object.multiValueHeaders);
  const detail = parseEventBridgeEnvelope(object)?.detail;
  return chooseAmong<EventContextSource>(base, CARRIER_SOURCES, (source, quiet) => {
    switch (source) {
      case 'http-headers':
        return isHttp ? propagator.extract(quiet, object, lambdaHttpEventGetter) : undefined;
      case 'eventbridge':
        return isRecord(detail)
          ? fromFieldsOrDatadog(
              quiet,
              propagator,
              detail,
              objectGetter,
              lookup(detail, DATADOG_ATTRIBUTE),
            )
          : undefined;
      default:
        return clientContext === undefined
          ? undefined
          : propagator.extract(quiet, clientContext, clientContextGetter);
    }
  });
}

function fromEvent(
  event: unknown,
  base: Context,
  propagator: TextMapPropagator,
  options: EventContextOptions,
): ExtractedContext<EventContextSource> {
  const object = isRecord(event) ? event : {};
  const snsRecord = firstSnsRecord(object);
  const result: ExtractedContext<EventContextSource> = snsRecord
    ? extractRecordContext(snsRecord, { ...options, context: base, propagator })
    : fromCarriers(object, base, propagator, options.clientContext);
  if (result.source !== undefined) return result;
  // Last: the invocation's own `_X_AMZN_TRACE_ID`, which only `xray-lambda` reads from no carrier.
  const fromEnv = propagator.extract(base, {}, objectGetter);
  return addedSpanContext(fromEnv, base)
    ? { context: fromEnv, source: 'lambda-trace-env' }
    : { context: base, source: undefined };
}

/**
 * Finds the upstream context of a whole Lambda event, trying in order:
 *
 * - `http-headers`: API Gateway v1 / v2, ALB, Function URL headers (`multiValueHeaders` first,
 *   names matched without regard to case);
 * - for SNS events, the first (only) record as {@link extractRecordContext} reads it instead;
 * - `eventbridge`: an EventBridge event's `detail` fields, then `detail._datadog`;
 * - `client-context`: `options.clientContext` (`context.clientContext.custom`);
 * - `lambda-trace-env`: only with `xray-lambda` in `options.propagator`, and only when no carrier
 *   above had a context: the invocation's own `_X_AMZN_TRACE_ID`.
 *
 * The first source with a valid context is the parent; valid contexts of other traces found in
 * later sources are returned as `links`. SQS events carry one context per record: use
 * {@link extractRecordContext} on each.
 * Never throws: on any input it returns at least `{ context: base, source: undefined }`.
 *
 * @param event - The Lambda event (anything is accepted).
 * @param options - Propagator (default W3C trace-context + baggage), base context, record order, client context.
 * @example
 * ```ts
 * const { context: parent, source } = extractEventContext(event, { propagator, clientContext: context.clientContext });
 * ```
 */
export function extractEventContext(
  event: unknown,
  options: EventContextOptions = {},
): ExtractedContext<EventContextSource> {
  const base = options.context ?? ROOT_CONTEXT;
  try {
    return fromEvent(event, base, options.propagator ?? defaultMessagePropagator(), options);
  } catch {
    return { context: base, source: undefined };
  }
}
