import { jsonObject } from './envelopes.js';
import { isRecord } from './object-carrier.js';
import { messageAttributeText } from './sqs-record-carrier.js';

/** The attribute (or `detail` property) dd-trace puts its whole text map in. */
export const DATADOG_ATTRIBUTE = '_datadog';

/** @internal Keeps string values; numbers (some producers write ids as numbers) become strings. */
function stringFields(object: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string') fields[key] = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) fields[key] = String(value);
  }
  return fields;
}

/**
 * Reads a `_datadog` value into a text map: an object (EventBridge `detail._datadog`), a JSON
 * string, or a message attribute whose string or base64 binary value is JSON (SQS String
 * attribute, SNS Binary attribute as dd-trace writes them).
 *
 * @param value - The `_datadog` value or message attribute.
 * @returns The fields with string values, or `undefined` when unreadable.
 * @example
 * ```ts
 * parseDatadogJson({ dataType: 'String', stringValue: '{"x-datadog-trace-id":"1","x-datadog-parent-id":"2"}' });
 * // { 'x-datadog-trace-id': '1', 'x-datadog-parent-id': '2' }
 * ```
 */
export function parseDatadogJson(value: unknown): Record<string, string> | undefined {
  if (typeof value === 'string') {
    const object = jsonObject(value);
    return object ? stringFields(object) : undefined;
  }
  if (!isRecord(value)) return undefined;
  const text = messageAttributeText(value);
  if (text !== undefined) {
    const object = jsonObject(text);
    return object ? stringFields(object) : undefined;
  }
  return stringFields(value);
}
