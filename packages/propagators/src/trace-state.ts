import type { TraceState } from '@opentelemetry/api';
import { listValue } from './header-value.js';

/** At most this many list members (Trace Context §3.3.1.1). */
export const TRACESTATE_MAX_MEMBERS = 32;
// Level 2 key grammar: (lcalpha / DIGIT) 0*255(keychar), keychar adds `_ - * / @`.
const KEY = /^[a-z0-9][a-z0-9_\-*/@]{0,255}$/;
// 0*255(chr) nblk-chr: chr is 0x20–0x7E minus `,` and `=`; the last one is not a space.
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const MEMBER_SEPARATOR = /[ \t]*,[ \t]*/;

/**
 * Whether `key` is a valid tracestate key (Trace Context Level 2 grammar).
 *
 * @param key - A candidate key.
 * @see https://www.w3.org/TR/trace-context-2/#key
 * @example
 * ```ts
 * isValidTracestateKey('congo'); // true
 * isValidTracestateKey('FOO'); // false
 * ```
 */
export function isValidTracestateKey(key: string): boolean {
  return KEY.test(key);
}

/**
 * Whether `value` is a valid tracestate value.
 *
 * @param value - A candidate value.
 * @see https://www.w3.org/TR/trace-context-2/#value
 * @example
 * ```ts
 * isValidTracestateValue('t61rcWkgMzE'); // true
 * isValidTracestateValue('bar=baz'); // false
 * ```
 */
export function isValidTracestateValue(value: string): boolean {
  return VALUE.test(value);
}

/**
 * An immutable W3C `tracestate` that only ever holds valid members, in order, left-most first.
 *
 * `set` moves the member to the left as the specification asks; invalid keys or values leave
 * the state unchanged. `serialize` emits at most 32 members.
 *
 * @example
 * ```ts
 * new KitTraceState([['rojo', '00f067aa0ba902b7']]).set('congo', 't61rcWkgMzE').serialize();
 * // 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7'
 * ```
 */
export class KitTraceState implements TraceState {
  readonly #members: ReadonlyArray<readonly [string, string]>;

  /** @param members - `[key, value]` pairs, left-most first; invalid or repeated keys are dropped. */
  constructor(members: ReadonlyArray<readonly [string, string]> = []) {
    const seen = new Set<string>();
    this.#members = members.filter(([key, value]) => {
      if (seen.has(key) || !KEY.test(key) || !VALUE.test(value)) return false;
      seen.add(key);
      return true;
    });
  }

  set(key: string, value: string): KitTraceState {
    if (!KEY.test(key) || !VALUE.test(value)) return this;
    return new KitTraceState([[key, value], ...this.#members.filter(([k]) => k !== key)]);
  }

  unset(key: string): KitTraceState {
    return new KitTraceState(this.#members.filter(([k]) => k !== key));
  }

  get(key: string): string | undefined {
    return this.#members.find(([k]) => k === key)?.[1];
  }

  serialize(): string {
    return this.#members
      .slice(0, TRACESTATE_MAX_MEMBERS)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
  }
}

/**
 * Parses W3C `tracestate` header(s) strictly.
 *
 * Repeated headers (an array) are combined in order. The whole header is discarded when any
 * member is malformed (bad key or value, missing `=`), a key repeats, or there are more than
 * 32 members. Empty members and spaces or tabs around them are allowed.
 *
 * @param value - The header(s) as a getter returned them.
 * @returns The trace state, or `undefined` when the header is absent, empty or invalid.
 * @see https://www.w3.org/TR/trace-context-2/#tracestate-header
 * @example
 * ```ts
 * parseTracestate('rojo=00f067aa0ba902b7, congo=t61rcWkgMzE')?.get('congo'); // 't61rcWkgMzE'
 * parseTracestate('foo=1,foo=2'); // undefined
 * ```
 */
export function parseTracestate(value: unknown): KitTraceState | undefined {
  const header = listValue(value);
  if (header === undefined) return undefined;
  const members: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const member of header.split(MEMBER_SEPARATOR)) {
    const text = member.replace(/^[ \t]+|[ \t]+$/g, '');
    if (text === '') continue;
    const equals = text.indexOf('=');
    if (equals <= 0) return undefined;
    const key = text.slice(0, equals);
    const memberValue = text.slice(equals + 1);
    if (!KEY.test(key) || !VALUE.test(memberValue) || seen.has(key)) return undefined;
    seen.add(key);
    members.push([key, memberValue]);
    if (members.length > TRACESTATE_MAX_MEMBERS) return undefined;
  }
  return members.length > 0 ? new KitTraceState(members) : undefined;
}
