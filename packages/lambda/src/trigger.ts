import { isObject, type Json } from './json.js';

/**
 * Which AWS service invoked the function, recognised from the event's shape alone.
 *
 * `faasTrigger` is the semantic-conventions value for `faas.trigger`
 * (https://opentelemetry.io/docs/specs/semconv/faas/faas-spans/#function-trigger-type).
 */
export interface Trigger {
  /** The kit's name for the event source. */
  readonly kind: TriggerKind;
  /** `faas.trigger`: `http`, `pubsub`, `datasource`, `timer` or `other`. */
  readonly faasTrigger: FaasTrigger;
}

/** Event sources the kit recognises; `direct` is anything else (SDK `Invoke`, Step Functions…). */
export type TriggerKind =
  | 'api-gateway-rest'
  | 'api-gateway-http'
  | 'alb'
  | 'function-url'
  | 'sqs'
  | 'sns'
  | 'eventbridge'
  | 'schedule'
  | 's3'
  | 'dynamodb'
  | 'kinesis'
  | 'direct';

/** Values of `faas.trigger`. */
export type FaasTrigger = 'http' | 'pubsub' | 'datasource' | 'timer' | 'other';

const FAAS_TRIGGER: Readonly<Record<TriggerKind, FaasTrigger>> = {
  'api-gateway-rest': 'http',
  'api-gateway-http': 'http',
  alb: 'http',
  'function-url': 'http',
  sqs: 'pubsub',
  sns: 'pubsub',
  eventbridge: 'pubsub',
  schedule: 'timer',
  s3: 'datasource',
  dynamodb: 'datasource',
  kinesis: 'datasource',
  direct: 'other',
};

/** Sources of `Scheduled Event`s: EventBridge rules and EventBridge Scheduler. */
const SCHEDULE_SOURCES: ReadonlySet<string> = new Set(['aws.events', 'aws.scheduler']);

/** Event source of the first record of a `Records` batch (SQS, SNS, S3, DynamoDB, Kinesis). */
function recordSource(event: Json): TriggerKind | undefined {
  const records = event.Records;
  if (!Array.isArray(records) || records.length === 0) return undefined;
  const first = records[0];
  if (!isObject(first)) return undefined;
  const source = first.eventSource ?? first.EventSource;
  switch (source) {
    case 'aws:sqs':
      return 'sqs';
    case 'aws:sns':
      return 'sns';
    case 'aws:s3':
      return 's3';
    case 'aws:dynamodb':
      return 'dynamodb';
    case 'aws:kinesis':
      return 'kinesis';
    default:
      return undefined;
  }
}

/** API Gateway v2 payloads and Function URLs share a shape; only the domain tells them apart. */
function httpV2Source(requestContext: Json): TriggerKind {
  const domain = requestContext.domainName;
  return typeof domain === 'string' && domain.includes('.lambda-url.')
    ? 'function-url'
    : 'api-gateway-http';
}

/**
 * Recognises the trigger from the event's shape. Never throws; unknown shapes are `direct`.
 *
 * @param event - the event the runtime passed to the handler, of any type.
 * @returns the trigger kind and its `faas.trigger` value.
 * @example
 * ```ts
 * detectTrigger({ Records: [{ eventSource: 'aws:sqs' }] }); // { kind: 'sqs', faasTrigger: 'pubsub' }
 * ```
 */
export function detectTrigger(event: unknown): Trigger {
  const kind = detectKind(event);
  return { kind, faasTrigger: FAAS_TRIGGER[kind] };
}

function detectKind(event: unknown): TriggerKind {
  if (!isObject(event)) return 'direct';
  const fromRecords = recordSource(event);
  if (fromRecords) return fromRecords;
  const requestContext = event.requestContext;
  if (isObject(requestContext)) {
    if (isObject(requestContext.elb)) return 'alb';
    if (event.version === '2.0' && isObject(requestContext.http)) {
      return httpV2Source(requestContext);
    }
    if (typeof event.httpMethod === 'string') return 'api-gateway-rest';
  }
  if (typeof event['detail-type'] === 'string' && typeof event.source === 'string') {
    return event['detail-type'] === 'Scheduled Event' && SCHEDULE_SOURCES.has(event.source)
      ? 'schedule'
      : 'eventbridge';
  }
  return 'direct';
}
