import type { AnyValueMessage, KeyValueMessage, LongLike } from './otlp-proto.js';
import type { ReceivedAttributes, ReceivedValue } from './otlp-types.js';

/**
 * Reads a protobufjs 64-bit integer (a `Long`-like object or a plain number) as a `bigint`.
 * @param value - the decoded field; `null` reads as 0.
 * @param signed - `true` for `int64`, `false` for `fixed64`.
 * @example toBigInt({ low: 1, high: 1, unsigned: true }, false) // 4294967297n
 */
export function toBigInt(value: LongLike | number | null | undefined, signed: boolean): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  }
  const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return signed ? BigInt.asIntN(64, bits) : BigInt.asUintN(64, bits);
}

/**
 * Lowercase hex of an id; `undefined` for empty or missing bytes.
 * @param bytes - a decoded `bytes` field.
 * @example toHexId(new Uint8Array([0xab, 0x01])) // 'ab01'
 */
export function toHexId(bytes: Uint8Array | null | undefined): string | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Converts an OTLP `AnyValue` into a plain JS value (see `ReceivedValue`).
 * @param value - a decoded `AnyValue`; `null` reads as `null`.
 * @example toPlainValue({ stringValue: 'a' } as AnyValueMessage) // 'a'
 */
export function toPlainValue(value: AnyValueMessage | null | undefined): ReceivedValue {
  if (!value) return null;
  if (value.stringValue !== null && value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== null && value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== null && value.intValue !== undefined) {
    const big = toBigInt(value.intValue, true);
    const small = Number(big);
    return Number.isSafeInteger(small) ? small : big;
  }
  if (value.doubleValue !== null && value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map((item) => toPlainValue(item));
  if (value.kvlistValue) return toAttributes(value.kvlistValue.values);
  if (value.bytesValue) return Uint8Array.from(value.bytesValue);
  return null;
}

/**
 * Converts a list of OTLP `KeyValue`s into a record; a repeated key keeps its last value.
 * @param list - decoded `KeyValue`s.
 * @example toAttributes([{ key: 'a', value: { boolValue: true } }] as KeyValueMessage[]) // { a: true }
 */
export function toAttributes(
  list: readonly KeyValueMessage[] | null | undefined,
): ReceivedAttributes {
  const attributes: ReceivedAttributes = {};
  for (const entry of list ?? []) {
    setOwn(attributes, entry.key ?? '', toPlainValue(entry.value));
  }
  return attributes;
}

/**
 * Sets an own enumerable property, even for keys like `__proto__` that plain assignment
 * would treat specially.
 * @param record - the object to write to.
 * @param key - the property name.
 * @param value - the value.
 * @example setOwn(headers, '__proto__', 'x')
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    configurable: true,
    writable: true,
  });
}
