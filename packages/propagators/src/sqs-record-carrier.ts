import type { TextMapGetter } from '@opentelemetry/api';
import { decodeBinary } from './binary-value.js';
import { isRecord, keysOf, lookup } from './object-carrier.js';
import { XRAY_HEADER } from './xray-propagator.js';

/** An SQS message attribute in a Lambda event record (camelCase). */
export interface SqsRecordMessageAttribute {
  dataType?: string;
  stringValue?: string;
  /** base64 */
  binaryValue?: string;
  stringListValues?: string[];
  binaryListValues?: string[];
}

/** The name of the SQS system attribute holding an X-Ray trace header. */
export const AWS_TRACE_HEADER = 'AWSTraceHeader';

/**
 * Reads one message attribute's text: `stringValue`, else the UTF-8 text of the base64
 * `binaryValue` (camelCase, as in a Lambda SQS record), or of `StringValue` / `BinaryValue`
 * bytes (PascalCase, as in an AWS SDK input), or SNS's `Value` (base64 when `Type` is `Binary`).
 *
 * @param attribute - One attribute object.
 * @example
 * ```ts
 * messageAttributeText({ dataType: 'Binary', binaryValue: 'eyJhIjoxfQ==' }); // '{"a":1}'
 * ```
 */
export function messageAttributeText(attribute: unknown): string | undefined {
  if (!isRecord(attribute)) return undefined;
  if (typeof attribute.stringValue === 'string') return attribute.stringValue;
  if (typeof attribute.StringValue === 'string') return attribute.StringValue;
  if (attribute.binaryValue !== undefined) return decodeBinary(attribute.binaryValue);
  if (attribute.BinaryValue !== undefined) return decodeBinary(attribute.BinaryValue);
  if (typeof attribute.Value === 'string') {
    return attribute.Type === 'Binary' ? decodeBinary(attribute.Value) : attribute.Value;
  }
  return undefined;
}

/**
 * Reads trace fields from message attributes — a Lambda SQS record's `messageAttributes`, an
 * SDK `MessageAttributes` map, or SNS `MessageAttributes` (`{Type, Value}`). Names match exactly
 * first, then without regard to case; string and binary values are read as text.
 *
 * @example
 * ```ts
 * propagator.extract(ROOT_CONTEXT, record.messageAttributes, messageAttributesGetter);
 * ```
 */
export const messageAttributesGetter: TextMapGetter<unknown> = {
  get: (carrier, key) => messageAttributeText(lookup(carrier, key)),
  keys: keysOf,
};

/**
 * Reads the X-Ray header from a Lambda SQS record's system `attributes` (`AWSTraceHeader`),
 * under the name the X-Ray propagators ask for (`x-amzn-trace-id`).
 *
 * @example
 * ```ts
 * new XRayPropagator().extract(ROOT_CONTEXT, record.attributes, sqsSystemAttributesGetter);
 * ```
 */
export const sqsSystemAttributesGetter: TextMapGetter<unknown> = {
  get: (carrier, key) => {
    if (key.toLowerCase() !== XRAY_HEADER) return undefined;
    const value = lookup(carrier, AWS_TRACE_HEADER);
    return typeof value === 'string' ? value : undefined;
  },
  keys: (carrier) => (typeof lookup(carrier, AWS_TRACE_HEADER) === 'string' ? [XRAY_HEADER] : []),
};
