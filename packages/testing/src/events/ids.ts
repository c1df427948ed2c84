import { randomBytes } from 'node:crypto';

/**
 * Where event factories get their ids, random bytes and clock from.
 *
 * A seeded source repeats the same sequence on every run (and its clock starts at
 * 2024-06-01T12:00:00Z, one millisecond further on each reading), so a seeded event is
 * identical from run to run; an unseeded one uses `crypto.randomBytes` and `Date.now()`.
 */
export interface IdSource {
  /** True when the sequence is deterministic. */
  readonly seeded: boolean;
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
  /** `length` lowercase hex characters. */
  hex(length: number): string;
  /** `length` decimal digits, the first one never `0`. */
  digits(length: number): string;
  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string;
  /** A version 4 UUID. */
  uuid(): string;
  /** Base64 text of `count` random bytes. */
  base64(count: number): string;
  /** Milliseconds since the epoch. */
  nowMs(): number;
}

/** 2024-06-01T12:00:00.000Z: where a seeded clock starts. */
const SEEDED_EPOCH_MS = 1_717_243_200_000;

function hashSeed(seed: number | string): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast and good enough for test fixtures (not for secrets). */
function seededBytes(seed: number | string): (count: number) => Uint8Array {
  let state = hashSeed(seed);
  return (count) => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return out;
  };
}

const HEX = '0123456789abcdef';

/**
 * Creates an id source: deterministic when a seed is given, random otherwise.
 *
 * @param seed - any number or string; omit it for realistic random ids.
 * @returns a source to pass as `seed` to any event factory, so that several factories
 *   share one sequence.
 * @example
 * ```ts
 * const ids = idSource(7);
 * const a = sqsRecord({ body: 'a', seed: ids });
 * const b = sqsRecord({ body: 'b', seed: ids }); // different ids, same on every run
 * ```
 */
export function idSource(seed?: number | string): IdSource {
  const seeded = seed !== undefined;
  const bytes = seeded ? seededBytes(seed) : (count: number) => new Uint8Array(randomBytes(count));
  let clock = 0;
  const chars = (length: number, alphabet: string): string => {
    const raw = bytes(length);
    let out = '';
    for (const b of raw) out += alphabet[b % alphabet.length];
    return out;
  };
  const hex = (length: number): string => chars(length, HEX);
  return {
    seeded,
    bytes,
    hex,
    chars,
    digits: (length) => chars(1, '123456789') + chars(length - 1, '0123456789'),
    uuid: () => {
      const h = hex(32);
      const variant = HEX[8 + (Number.parseInt(h[16] ?? '0', 16) % 4)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
    },
    base64: (count) => Buffer.from(bytes(count)).toString('base64'),
    nowMs: () => (seeded ? SEEDED_EPOCH_MS + clock++ : Date.now()),
  };
}

/**
 * Normalises the `seed` option every factory takes.
 *
 * @param seed - a seed, an existing source, or undefined for random ids.
 * @returns the source to draw from.
 * @example
 * ```ts
 * const ids = toIdSource(options.seed);
 * ```
 */
export function toIdSource(seed: number | string | IdSource | undefined): IdSource {
  return typeof seed === 'object' ? seed : idSource(seed);
}
