import { type Context, ROOT_CONTEXT, type TextMapPropagator, trace } from '@opentelemetry/api';
import { clientContextGetter } from './client-context-carrier.js';
import { DATADOG_ATTRIBUTE } from './datadog-json-carrier.js';
import { defaultMessagePropagator } from './default-propagators.js';
import { parseEventBridgeEnvelope } from './envelopes.js';
import { lambdaHttpEventGetter } from './http-headers-carrier.js';
import { isRecord, lookup, objectGetter } from './object-carrier.js';
import { chooseAmong, extractRecordContext, fromFieldsOrDatadog } from './record-context.js';
import type { EventContextOptions, EventContextSource, ExtractedContext } from './types.js';
import { parseXRayHeader } from './xray-header.js';
import { LAMBDA_TRACE_ENV } from './xray-lambda-propagator.js';

function firstSnsRecord(event: Record<string, unknown>): Record<string, unknown> | undefined {
  const records = event.Records;
  const first: unknown = Array.isArray(records) ? records[0] : undefined;
  return isRecord(first) && isRecord(first.Sns) ? first : undefined;
}

/** Whether the chosen context is the invocation's own X-Ray header (an `xray-lambda` fallback). */
function cameFromLambdaEnv(result: ExtractedContext<EventContextSource>): boolean {
  const env = parseXRayHeader(process.env[LAMBDA_TRACE_ENV]);
  const spanContext = trace.getSpanContext(result.context);
  return (
    env !== undefined &&
    spanContext !== undefined &&
    spanContext.traceId === env.traceId &&
    (env.parentId === undefined || spanContext.spanId === env.parentId)
  );
}

function fromEvent(
  event: unknown,
  base: Context,
  propagator: TextMapPropagator,
  options: EventContextOptions,
): ExtractedContext<EventContextSource> {
  const object = isRecord(event) ? event : {};
  const snsRecord = firstSnsRecord(object);
  if (snsRecord) return extractRecordContext(snsRecord, { ...options, context: base, propagator });
  const isHttp = isRecord(object.headers) || isRecord(object.multiValueHeaders);
  const detail = parseEventBridgeEnvelope(object)?.detail;
  const clientContext = options.clientContext;
  const result = chooseAmong<EventContextSource>(base, [
    [
      'http-headers',
      () => (isHttp ? propagator.extract(base, object, lambdaHttpEventGetter) : undefined),
    ],
    [
      'eventbridge',
      () =>
        isRecord(detail)
          ? fromFieldsOrDatadog(
              base,
              propagator,
              detail,
              objectGetter,
              lookup(detail, DATADOG_ATTRIBUTE),
            )
          : undefined,
    ],
    [
      'client-context',
      () =>
        clientContext === undefined
          ? undefined
          : propagator.extract(base, clientContext, clientContextGetter),
    ],
    ['lambda-trace-env', () => propagator.extract(base, {}, objectGetter)],
  ]);
  return result.source !== undefined && cameFromLambdaEnv(result)
    ? { ...result, source: 'lambda-trace-env' }
    : result;
}

/**
 * Finds the upstream context of a whole Lambda event, trying in order:
 *
 * - `http-headers`: API Gateway v1 / v2, ALB, Function URL headers (`multiValueHeaders` first,
 *   names matched without regard to case);
 * - for SNS events, the first (only) record as {@link extractRecordContext} reads it instead;
 * - `eventbridge`: an EventBridge event's `detail` fields, then `detail._datadog`;
 * - `client-context`: `options.clientContext` (`context.clientContext.custom`);
 * - `lambda-trace-env`: only with `xray-lambda` in `options.propagator`, the invocation's own
 *   `_X_AMZN_TRACE_ID` (also reported when an earlier step fell back to it).
 *
 * SQS events carry one context per record: use {@link extractRecordContext} on each.
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
