import {
  type Context,
  isSpanContextValid,
  ROOT_CONTEXT,
  type SpanContext,
  trace,
} from '@opentelemetry/api';
import fc from 'fast-check';
import { expect, vi } from 'vitest';

/** Fuzz runs per property: 10,000 by default (the propagators issue), more with FUZZ_RUNS. */
export const numRuns = Number(process.env.FUZZ_RUNS ?? 10_000);

// A long run (FUZZ_RUNS=100000) needs more than the default 30 s per test on a busy machine.
if (numRuns > 10_000) vi.setConfig({ testTimeout: numRuns * 5 });

/** `length` lowercase hex digits, not all zero (small values, with leading zeros, come often). */
export function hexId(length: number): fc.Arbitrary<string> {
  return fc
    .bigInt({ min: 1n, max: (1n << BigInt(length * 4)) - 1n })
    .map((id) => id.toString(16).padStart(length, '0'));
}

/** 1 to `maxLength` characters from `chars`: much faster than `fc.stringMatching`. */
export function word(chars: string, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength });
}

/** Letters, digits and `-`. */
export const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';

/** A valid remote span context with only the sampled bit possibly set. */
export const spanContextArb: fc.Arbitrary<SpanContext> = fc.record({
  traceId: hexId(32),
  spanId: hexId(16),
  traceFlags: fc.constantFrom(0, 1),
  isRemote: fc.constant(true),
});

/** Pieces that hit the separators and edge cases of the trace header grammars. */
const piece = fc.oneof(
  fc.constantFrom(
    '-',
    '=',
    ',',
    ';',
    ':',
    ' ',
    '\t',
    '00',
    'ff',
    '01',
    'Root=1-',
    'Parent=',
    'Sampled=?',
    '_dd.p.tid=',
    '~',
    '{',
    '"',
  ),
  fc.stringMatching(/^[0-9a-fA-F]{1,32}$/),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

/** A string built from header-grammar pieces: often nearly valid, rarely valid. */
export const headerish = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

/** A valid header string with one character replaced, removed or inserted. */
export function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom('replace', 'remove', 'insert'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    )
    .map(([text, at, how, char]) => {
      const i = at % Math.max(text.length, 1);
      if (how === 'remove') return text.slice(0, i) + text.slice(i + 1);
      if (how === 'insert') return text.slice(0, i) + char + text.slice(i);
      return text.slice(0, i) + char + text.slice(i + 1);
    });
}

/** Any small JSON-ish or exotic value: what a malformed event may hold anywhere. */
export const anyValue = fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true });

/** A base context that already holds a (local) span context, to detect a changed context. */
export const baseContext: Context = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: 'abcdefabcdefabcdefabcdefabcdefab',
  spanId: 'abcdefabcdefabcd',
  traceFlags: 1,
});

/** Asserts an extraction either left `base` unchanged or set a valid remote span context. */
export function expectUnchangedOrValid(result: Context, base: Context = baseContext): void {
  if (result === base) return;
  const spanContext = trace.getSpanContext(result);
  expect(spanContext).toBeDefined();
  expect(isSpanContextValid(spanContext as SpanContext)).toBe(true);
  expect(spanContext?.isRemote).toBe(true);
}
