import { createHash } from 'node:crypto';
import type { SNSMessageAttributes, SQSMessageAttributes } from 'aws-lambda';
import { datadogHeaders, w3cHeaders, xrayTraceHeader } from './trace-headers.js';
import type { SnsUpstream, SqsUpstream } from './types.js';

/** What an upstream context adds to an SQS record. */
export interface SqsCarrier {
  messageAttributes: SQSMessageAttributes;
  /** The `AWSTraceHeader` system attribute, for the `xray` kind. */
  awsTraceHeader?: string;
}

/**
 * The message attributes (and system attribute) that upstream contexts put on an SQS record.
 *
 * @param upstreams - one or more contexts; several kinds may be combined on one record.
 * @returns Lambda-event-shaped attributes (camelCase, binary values base64).
 * @example
 * ```ts
 * sqsCarrier([{ kind: 'datadog-binary', ...up }]).messageAttributes._datadog?.binaryValue;
 * ```
 */
export function sqsCarrier(upstreams: readonly SqsUpstream[]): SqsCarrier {
  const carrier: SqsCarrier = { messageAttributes: {} };
  for (const upstream of upstreams) {
    switch (upstream.kind) {
      case 'none':
        break;
      case 'xray':
        carrier.awsTraceHeader = xrayTraceHeader(upstream);
        break;
      case 'w3c':
        for (const [name, value] of Object.entries(w3cHeaders(upstream))) {
          carrier.messageAttributes[name] = stringAttribute(value);
        }
        break;
      case 'datadog-string':
        carrier.messageAttributes._datadog = stringAttribute(
          JSON.stringify(datadogHeaders(upstream)),
        );
        break;
      case 'datadog-binary':
        carrier.messageAttributes._datadog = {
          binaryValue: Buffer.from(JSON.stringify(datadogHeaders(upstream))).toString('base64'),
          stringListValues: [],
          binaryListValues: [],
          dataType: 'Binary',
        };
        break;
    }
  }
  return carrier;
}

/**
 * The SNS message attributes that an upstream context adds (`{ Type, Value }`, binary as base64).
 *
 * @param upstreams - one or more contexts.
 * @returns SNS-shaped attributes.
 * @example
 * ```ts
 * snsCarrier([{ kind: 'w3c', ...up }]).traceparent; // { Type: 'String', Value: '00-…' }
 * ```
 */
export function snsCarrier(upstreams: readonly SnsUpstream[]): SNSMessageAttributes {
  const attributes: SNSMessageAttributes = {};
  for (const upstream of upstreams) {
    if (upstream.kind === 'none') continue;
    if (upstream.kind === 'w3c') {
      for (const [name, value] of Object.entries(w3cHeaders(upstream))) {
        attributes[name] = { Type: 'String', Value: value };
      }
      continue;
    }
    const json = JSON.stringify(datadogHeaders(upstream));
    attributes._datadog =
      upstream.kind === 'datadog-string'
        ? { Type: 'String', Value: json }
        : { Type: 'Binary', Value: Buffer.from(json).toString('base64') };
  }
  return attributes;
}

/**
 * A String message attribute as the Lambda SQS event shows it.
 *
 * @param value - the string value.
 * @returns the attribute.
 * @example
 * ```ts
 * sqsRecord({ body: 'x', messageAttributes: { tenant: stringAttribute('acme') } });
 * ```
 */
export function stringAttribute(value: string): SQSMessageAttributes[string] {
  return { stringValue: value, stringListValues: [], binaryListValues: [], dataType: 'String' };
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * SQS's MD5 of message attributes: attributes sorted by name, each encoded as
 * length-prefixed name, length-prefixed data type, transport byte (1 string, 2 binary) and
 * length-prefixed value, then one MD5 over the whole buffer.
 *
 * @param attributes - Lambda-event-shaped attributes.
 * @returns hex digest, or undefined when there are no attributes (SQS omits it then).
 * @example
 * ```ts
 * md5OfMessageAttributes({ a: stringAttribute('1') });
 * ```
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
 */
export function md5OfMessageAttributes(attributes: SQSMessageAttributes): string | undefined {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const parts: Buffer[] = [];
  for (const name of names) {
    const attribute = attributes[name];
    if (attribute === undefined) continue;
    parts.push(lengthPrefixed(Buffer.from(name, 'utf8')));
    parts.push(lengthPrefixed(Buffer.from(attribute.dataType, 'utf8')));
    if (attribute.binaryValue !== undefined) {
      parts.push(Buffer.from([2]), lengthPrefixed(Buffer.from(attribute.binaryValue, 'base64')));
    } else {
      parts.push(
        Buffer.from([1]),
        lengthPrefixed(Buffer.from(attribute.stringValue ?? '', 'utf8')),
      );
    }
  }
  return createHash('md5').update(Buffer.concat(parts)).digest('hex');
}
