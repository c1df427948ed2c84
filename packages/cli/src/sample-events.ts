import {
  albEvent,
  apiGatewayV1Event,
  apiGatewayV2Event,
  clientContext,
  dynamoDbStreamEvent,
  eventBridgeEvent,
  eventBridgeToSqsRecord,
  functionUrlEvent,
  type HeaderUpstream,
  kinesisStreamEvent,
  type SqsUpstream,
  s3Event,
  scheduledEvent,
  snsEvent,
  snsToSqsRecord,
  sqsEvent,
  sqsRecord,
  type UpstreamContext,
  upstreamContext,
} from '@lambda-otel-kit/testing';

/** How an upstream producer encoded its trace context. */
export type UpstreamFormat = 'w3c' | 'datadog' | 'xray' | 'b3' | 'b3-single';

/** Every trigger `lambda-otel invoke --event <name>` has a sample for. */
export const TRIGGER_NAMES = [
  'sqs',
  'sqs-fifo',
  'sns',
  'sns-sqs',
  'eventbridge',
  'eventbridge-sqs',
  'apigw-rest',
  'apigw-http',
  'alb',
  'function-url',
  's3',
  'dynamodb',
  'kinesis',
  'schedule',
  'direct',
] as const;

/** A trigger with a built-in sample event. */
export type TriggerName = (typeof TRIGGER_NAMES)[number];

/** A built-in sample event. */
export interface SampleEvent {
  trigger: TriggerName;
  event: unknown;
  /** `context.clientContext` of a direct invoke. */
  clientContext?: Record<string, unknown>;
  /** The formats the event carries upstream context in (empty: the trigger carries none). */
  formats: UpstreamFormat[];
  /** One line on what the sample holds. */
  description: string;
}

const HTTP_FORMATS: readonly UpstreamFormat[] = ['w3c', 'datadog', 'xray', 'b3', 'b3-single'];
const HTTP_DEFAULT: readonly UpstreamFormat[] = ['w3c', 'datadog', 'xray', 'b3'];
const RECORD_FORMATS: readonly UpstreamFormat[] = ['w3c', 'datadog', 'xray'];
const ENVELOPE_FORMATS: readonly UpstreamFormat[] = ['w3c', 'datadog'];

/**
 * The formats each trigger can carry upstream context in, default first. Triggers with an
 * empty list (S3, DynamoDB, Kinesis, schedule) carry none: their invocation starts a trace.
 *
 * @example
 * ```ts
 * SUPPORTED_FORMATS.sns; // ['w3c', 'datadog']
 * ```
 */
export const SUPPORTED_FORMATS: Readonly<Record<TriggerName, readonly UpstreamFormat[]>> = {
  sqs: RECORD_FORMATS,
  'sqs-fifo': RECORD_FORMATS,
  sns: ENVELOPE_FORMATS,
  'sns-sqs': RECORD_FORMATS,
  eventbridge: ENVELOPE_FORMATS,
  'eventbridge-sqs': ENVELOPE_FORMATS,
  'apigw-rest': HTTP_FORMATS,
  'apigw-http': HTTP_FORMATS,
  alb: HTTP_FORMATS,
  'function-url': HTTP_FORMATS,
  s3: [],
  dynamodb: [],
  kinesis: [],
  schedule: [],
  direct: HTTP_FORMATS,
};

const headerKind = (format: UpstreamFormat): HeaderUpstream['kind'] => format;
const sqsKind = (format: UpstreamFormat): SqsUpstream['kind'] =>
  format === 'datadog' ? 'datadog-string' : (format as 'w3c' | 'xray');
const envelopeKind = (format: UpstreamFormat) =>
  format === 'datadog' ? ('datadog-binary' as const) : ('w3c' as const);

/** One context written in every chosen header format (what dd-trace and OTel callers send). */
function headerUpstreams(formats: readonly UpstreamFormat[], up: UpstreamContext) {
  return formats.map((format) => ({ kind: headerKind(format), ...up }) as HeaderUpstream);
}

/** SQS-style batches: one record per format, each from its own upstream trace, plus one without. */
function perRecord<T>(formats: readonly UpstreamFormat[], make: (f?: UpstreamFormat) => T): T[] {
  return [...formats.map((format) => make(format)), make(undefined)];
}

function sqsSample(formats: readonly UpstreamFormat[], fifo: boolean) {
  const records = perRecord(formats, (format) => ({
    body: { orderId: Math.floor(Math.random() * 1000) },
    ...(format && { upstream: { kind: sqsKind(format), ...upstreamContext() } as SqsUpstream }),
    ...(fifo && { messageGroupId: format === undefined ? 'group-b' : 'group-a' }),
  }));
  return sqsEvent({ records, fifo });
}

function build(
  trigger: TriggerName,
  formats: readonly UpstreamFormat[],
): Omit<SampleEvent, 'description' | 'formats' | 'trigger'> {
  const up = upstreamContext();
  const headers = { upstream: headerUpstreams(formats, up) };
  switch (trigger) {
    case 'sqs':
      return { event: sqsSample(formats, false) };
    case 'sqs-fifo':
      return { event: sqsSample(formats, true) };
    case 'sns':
      return {
        event: snsEvent({ upstream: formats.map((f) => ({ kind: envelopeKind(f), ...up })) }),
      };
    case 'sns-sqs': {
      const records = perRecord(formats, (format) =>
        snsToSqsRecord({
          message: { orderId: 7 },
          ...(format && {
            upstream: {
              kind: format === 'xray' ? 'xray' : envelopeKind(format),
              ...upstreamContext(),
            },
          }),
        }),
      );
      return { event: { Records: records } };
    }
    case 'eventbridge':
      return {
        event: eventBridgeEvent({
          detail: { orderId: 7 },
          upstream: formats.map((f) => ({ kind: f === 'datadog' ? 'datadog' : 'w3c', ...up })),
        }),
      };
    case 'eventbridge-sqs': {
      const records = perRecord(formats, (format) =>
        format === undefined
          ? sqsRecord({ body: { orderId: 9 } })
          : eventBridgeToSqsRecord({
              detail: { orderId: 7 },
              upstream: { kind: format === 'datadog' ? 'datadog' : 'w3c', ...upstreamContext() },
            }),
      );
      return { event: { Records: records } };
    }
    case 'apigw-rest':
      return { event: apiGatewayV1Event({ method: 'POST', path: '/orders', ...headers }) };
    case 'apigw-http':
      return { event: apiGatewayV2Event({ method: 'POST', path: '/orders', ...headers }) };
    case 'alb':
      return { event: albEvent({ method: 'POST', path: '/orders', ...headers }) };
    case 'function-url':
      return { event: functionUrlEvent({ method: 'POST', path: '/orders', ...headers }) };
    case 's3':
      return { event: s3Event({ key: 'uploads/order-7.json' }) };
    case 'dynamodb':
      return {
        event: dynamoDbStreamEvent({ keys: { pk: 'order#7' }, newImage: { pk: 'order#7' } }),
      };
    case 'kinesis':
      return { event: kinesisStreamEvent({ data: { orderId: 7 } }) };
    case 'schedule':
      return { event: scheduledEvent() };
    case 'direct':
      return {
        event: { orderId: 7 },
        clientContext: clientContext(headers) as unknown as Record<string, unknown>,
      };
  }
}

/**
 * A built-in sample event for a trigger, carrying upstream trace context in every format the
 * trigger supports (or the ones asked for). Single-context triggers (HTTP, SNS, EventBridge,
 * direct invoke) write one upstream context in each format, as a caller with several
 * propagators does; batch triggers (SQS and what arrives through it) get one record per format,
 * each from its own upstream trace, plus a record that carries none. Ids are fresh each call.
 *
 * @param trigger - a {@link TRIGGER_NAMES} entry.
 * @param formats - formats to write; default all the trigger supports (`b3-single` only when asked).
 * @returns the sample, or `undefined` for an unknown trigger or a format it cannot carry.
 * @example
 * ```ts
 * sampleEvent('apigw-http', ['datadog'])?.formats; // ['datadog']
 * sampleEvent('s3')?.formats; // []
 * ```
 */
export function sampleEvent(
  trigger: string,
  formats?: readonly UpstreamFormat[],
): SampleEvent | undefined {
  if (!(TRIGGER_NAMES as readonly string[]).includes(trigger)) return undefined;
  const name = trigger as TriggerName;
  const supported = SUPPORTED_FORMATS[name];
  const chosen = [...new Set(formats ?? (supported === HTTP_FORMATS ? HTTP_DEFAULT : supported))];
  if (chosen.some((format) => !supported.includes(format))) return undefined;
  const built = build(name, chosen);
  const carried = chosen.length === 0 ? 'no upstream context' : `upstream in ${chosen.join(', ')}`;
  const batch = ['sqs', 'sqs-fifo', 'sns-sqs', 'eventbridge-sqs'].includes(name);
  const description =
    batch && chosen.length > 0 ? `${carried} (one record each) and a record without` : carried;
  return { trigger: name, ...built, formats: chosen, description };
}
