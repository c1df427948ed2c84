import type { SpanKindName, StatusCodeName, UnixNano } from './span-tree-types.js';

const KIND_BY_NUMBER: readonly SpanKindName[] = [
  'INTERNAL',
  'SERVER',
  'CLIENT',
  'PRODUCER',
  'CONSUMER',
];

/**
 * A span kind name from an `@opentelemetry/api` `SpanKind` number or a kind name
 * (`SERVER`, `SPAN_KIND_SERVER`, any case). Unknown values read as `INTERNAL`.
 *
 * @param kind - number or name.
 * @returns the kind name.
 * @example
 * ```ts
 * spanKindName(1); // 'SERVER'
 * spanKindName('SPAN_KIND_CONSUMER'); // 'CONSUMER'
 * ```
 */
export function spanKindName(kind: number | string): SpanKindName {
  if (typeof kind === 'number') return KIND_BY_NUMBER[kind] ?? 'INTERNAL';
  const name = kind.toUpperCase().replace(/^SPAN_KIND_/, '');
  return (KIND_BY_NUMBER as readonly string[]).includes(name) ? (name as SpanKindName) : 'INTERNAL';
}

/**
 * A status code name from a number (0 UNSET, 1 OK, 2 ERROR) or a name (`ERROR`,
 * `STATUS_CODE_ERROR`, any case).
 *
 * @param code - number, name, or undefined.
 * @returns the code name; `UNSET` for anything else.
 * @example
 * ```ts
 * statusCodeName(2); // 'ERROR'
 * ```
 */
export function statusCodeName(code: number | string | undefined): StatusCodeName {
  if (code === 1) return 'OK';
  if (code === 2) return 'ERROR';
  if (typeof code !== 'string') return 'UNSET';
  const name = code.toUpperCase().replace(/^STATUS_CODE_/, '');
  return name === 'OK' || name === 'ERROR' ? name : 'UNSET';
}

/**
 * Nanoseconds as a bigint from a bigint, a decimal string or a number; 0n when unreadable.
 *
 * @param value - the timestamp.
 * @returns nanoseconds.
 * @example
 * ```ts
 * toNanos('1717243200000000000'); // 1717243200000000000n
 * ```
 */
export function toNanos(value: UnixNano | undefined): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.round(value)) : 0n;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return BigInt(value.trim());
  return 0n;
}

/**
 * A parent span id, or undefined when it names no parent (missing, empty, all zeros).
 *
 * @param id - the record's parent id.
 * @returns the id or undefined.
 * @example
 * ```ts
 * parentId('0000000000000000'); // undefined
 * ```
 */
export function parentId(id: string | undefined): string | undefined {
  if (id === undefined || id === '' || /^0+$/.test(id)) return undefined;
  return id;
}

/**
 * Milliseconds from nanoseconds, formatted to fit ten columns: two decimals below 1 s,
 * one below 100 s, none above.
 *
 * @param ns - a duration.
 * @returns e.g. `12.34 ms`.
 * @example
 * ```ts
 * formatMs(1_500_000n); // '1.50 ms'
 * ```
 */
export function formatMs(ns: bigint): string {
  const ms = Number(ns) / 1e6;
  const digits = ms < 1000 ? 2 : ms < 100_000 ? 1 : 0;
  return `${ms.toFixed(digits)} ms`;
}
