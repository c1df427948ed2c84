import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** A plain object whose string (or string array) values are trace fields, e.g. a `_datadog` map. */
export type ObjectCarrier = Readonly<Record<string, unknown>>;

/** @internal Whether `value` is a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @internal Looks `key` up in `carrier`: the exact key first, then the first key equal to it
 * without regard to case. Never throws (getters on exotic objects are not called twice).
 */
export function lookup(carrier: unknown, key: string): unknown {
  if (!isRecord(carrier)) return undefined;
  try {
    if (Object.hasOwn(carrier, key)) return carrier[key];
    const lower = key.toLowerCase();
    const match = Object.keys(carrier).find((name) => name.toLowerCase() === lower);
    return match === undefined ? undefined : carrier[match];
  } catch {
    return undefined;
  }
}

/** @internal Keeps strings and arrays of strings, as a `TextMapGetter` must return. */
export function asFieldValue(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const strings = value.filter((item): item is string => typeof item === 'string');
    return strings.length > 0 ? strings : undefined;
  }
  return undefined;
}

/** @internal The keys of a record, or none. */
export function keysOf(carrier: unknown): string[] {
  try {
    return isRecord(carrier) ? Object.keys(carrier) : [];
  } catch {
    return [];
  }
}

/**
 * Reads trace fields from a plain object — a `_datadog` map, an EventBridge `detail`, a
 * ClientContext `custom` map — matching keys without regard to case; non-string values are ignored.
 *
 * @example
 * ```ts
 * propagator.extract(ROOT_CONTEXT, { 'X-Datadog-Trace-Id': '1', 'x-datadog-parent-id': '2' }, objectGetter);
 * ```
 */
export const objectGetter: TextMapGetter<unknown> = {
  get: (carrier, key) => asFieldValue(lookup(carrier, key)),
  keys: keysOf,
};

/**
 * Writes trace fields into a plain object as string properties.
 *
 * @example
 * ```ts
 * const detail = {};
 * propagation.inject(context.active(), detail, objectSetter);
 * ```
 */
export const objectSetter: TextMapSetter<Record<string, unknown>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};
