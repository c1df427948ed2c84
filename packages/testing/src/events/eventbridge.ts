import type { EventBridgeEvent, SQSRecord } from 'aws-lambda';
import { asList, DEFAULT_ACCOUNT, DEFAULT_REGION, isoTime } from './defaults.js';
import { toIdSource } from './ids.js';
import { sqsRecord } from './sqs.js';
import { datadogHeaders, w3cHeaders } from './trace-headers.js';
import type { CommonEventOptions, EventBridgeUpstream } from './types.js';

/** Options of {@link eventBridgeEvent}. */
export interface EventBridgeEventOptions<TDetail extends object> extends CommonEventOptions {
  /** Default `OrderPlaced`. */
  detailType?: string;
  /** Default `com.example.orders`. */
  source?: string;
  /** The event's own detail; trace fields are added next to its keys. Default `{}`. */
  detail?: TDetail;
  /** Event bus name; dd-trace writes it as `x-datadog-resource-name`. Default `default`. */
  busName?: string;
  resources?: string[];
  id?: string;
  /** Event time in epoch ms; default now (or the seeded clock). */
  time?: number;
  /** Upstream context(s), written inside `detail`. */
  upstream?: EventBridgeUpstream | readonly EventBridgeUpstream[];
}

/** Trace fields producers put inside an EventBridge `detail`. */
export interface EventBridgeTraceFields {
  /** dd-trace's carrier: the Datadog headers plus start time and bus name. */
  _datadog?: Record<string, string>;
  traceparent?: string;
  tracestate?: string;
}

/**
 * An EventBridge event, optionally carrying an upstream context inside `detail`:
 * `_datadog` (an object, as dd-trace writes it) or `traceparent`/`tracestate` keys.
 *
 * @param options - see {@link EventBridgeEventOptions}.
 * @returns an `EventBridgeEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * const event = eventBridgeEvent({ detail: { orderId: 7 }, upstream: { kind: 'datadog', ...up } });
 * event.detail._datadog?.['x-datadog-trace-id'];
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html
 */
export function eventBridgeEvent<TDetail extends object = Record<string, unknown>>(
  options: EventBridgeEventOptions<TDetail> = {},
): EventBridgeEvent<string, TDetail & EventBridgeTraceFields> {
  const ids = toIdSource(options.seed);
  const time = options.time ?? ids.nowMs();
  const detail = { ...options.detail } as TDetail & EventBridgeTraceFields;
  for (const upstream of asList(options.upstream)) {
    if (upstream.kind === 'datadog') {
      detail._datadog = {
        ...datadogHeaders(upstream),
        'x-datadog-start-time': String(time),
        'x-datadog-resource-name': options.busName ?? 'default',
      };
    } else if (upstream.kind === 'w3c') {
      Object.assign(detail, w3cHeaders(upstream));
    }
  }
  return {
    version: '0',
    id: options.id ?? ids.uuid(),
    'detail-type': options.detailType ?? 'OrderPlaced',
    source: options.source ?? 'com.example.orders',
    account: options.accountId ?? DEFAULT_ACCOUNT,
    time: isoTime(time, 'seconds'),
    region: options.region ?? DEFAULT_REGION,
    resources: options.resources ?? [],
    detail,
  };
}

/**
 * An SQS record whose body is an EventBridge event (an EventBridge rule targeting a queue):
 * `JSON.parse(body)` has `detail-type` and, for the `datadog` kind, `detail._datadog`.
 *
 * @param options - event options plus the queue's ARN and the SQS message id.
 * @returns an `SQSRecord`.
 * @example
 * ```ts
 * const record = eventBridgeToSqsRecord({ upstream: { kind: 'datadog', ...up } });
 * JSON.parse(record.body).detail._datadog['x-datadog-parent-id'];
 * ```
 */
export function eventBridgeToSqsRecord<TDetail extends object = Record<string, unknown>>(
  options: EventBridgeEventOptions<TDetail> & { queueArn?: string; sqsMessageId?: string } = {},
): SQSRecord {
  const ids = toIdSource(options.seed);
  const event = eventBridgeEvent({ ...options, seed: ids });
  return sqsRecord({
    seed: ids,
    body: JSON.stringify(event),
    region: event.region,
    accountId: event.account,
    ...(options.queueArn !== undefined && { queueArn: options.queueArn }),
    ...(options.sqsMessageId !== undefined && { messageId: options.sqsMessageId }),
  });
}
