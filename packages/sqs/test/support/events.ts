import { randomBytes, randomUUID } from 'node:crypto';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';

/** How the upstream producer put its context on the message. */
export type UpstreamKind =
  | 'w3c'
  | 'datadog-string'
  | 'datadog-binary'
  | 'xray'
  | 'sns'
  | 'eventbridge'
  | 'none';

export interface Upstream {
  traceId: string;
  spanId: string;
}

export interface RecordOptions {
  messageId?: string;
  body?: string;
  queueName?: string;
  groupId?: string;
  receiveCount?: number;
  upstream?: Upstream & { kind: UpstreamKind };
}

/** A fresh random upstream context. */
export function newUpstream(): Upstream {
  return { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
}

const traceparent = (u: Upstream) => `00-${u.traceId}-${u.spanId}-01`;

function datadogJson(u: Upstream): string {
  return JSON.stringify({
    'x-datadog-trace-id': BigInt(`0x${u.traceId.slice(16)}`).toString(10),
    'x-datadog-parent-id': BigInt(`0x${u.spanId}`).toString(10),
    'x-datadog-sampling-priority': '1',
    'x-datadog-tags': `_dd.p.tid=${u.traceId.slice(0, 16)}`,
  });
}

const stringAttr = (stringValue: string) => ({
  stringValue,
  stringListValues: [],
  binaryListValues: [],
  dataType: 'String',
});

/** One Lambda SQS record; the upstream context is written the way `kind` names. */
export function sqsRecord(options: RecordOptions = {}): SQSRecord {
  const queueName = options.queueName ?? (options.groupId ? 'orders.fifo' : 'orders');
  const messageAttributes: SQSMessageAttributes = {};
  let body = options.body ?? '{"order":1}';
  const attributes: SQSRecord['attributes'] = {
    ApproximateReceiveCount: String(options.receiveCount ?? 1),
    SentTimestamp: '1700000000000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1700000000003',
  };
  const up = options.upstream;
  if (up?.kind === 'w3c') messageAttributes.traceparent = stringAttr(traceparent(up));
  if (up?.kind === 'datadog-string') messageAttributes._datadog = stringAttr(datadogJson(up));
  if (up?.kind === 'datadog-binary') {
    messageAttributes._datadog = {
      binaryValue: Buffer.from(datadogJson(up)).toString('base64'),
      stringListValues: [],
      binaryListValues: [],
      dataType: 'Binary',
    };
  }
  if (up?.kind === 'xray') {
    attributes.AWSTraceHeader = `Root=1-${up.traceId.slice(0, 8)}-${up.traceId.slice(8)};Parent=${up.spanId};Sampled=1`;
  }
  if (up?.kind === 'sns') {
    body = JSON.stringify({
      Type: 'Notification',
      MessageId: randomUUID(),
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders-topic',
      Message: body,
      MessageAttributes: { traceparent: { Type: 'String', Value: traceparent(up) } },
    });
  }
  if (up?.kind === 'eventbridge') {
    body = JSON.stringify({
      version: '0',
      id: randomUUID(),
      'detail-type': 'OrderPlaced',
      source: 'orders',
      detail: { ...JSON.parse(body), traceparent: traceparent(up) },
    });
  }
  if (options.groupId !== undefined) {
    attributes.MessageGroupId = options.groupId;
    attributes.SequenceNumber = '18849496460467696128';
    attributes.MessageDeduplicationId = randomUUID();
  }
  return {
    messageId: options.messageId ?? randomUUID(),
    receiptHandle: 'AQEBexample',
    body,
    attributes,
    messageAttributes,
    md5OfBody: 'd41d8cd98f00b204e9800998ecf8427e',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:123456789012:${queueName}`,
    awsRegion: 'us-east-1',
  };
}

/** An SQS event holding `records`. */
export function sqsEvent(records: SQSRecord[]): SQSEvent {
  return { Records: records };
}
