import fc from 'fast-check';

/** Fuzz runs per property: 1,000 by default, more with FUZZ_RUNS. */
export const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);

/** Pieces that hit the interesting paths of `k=v,k=v` parsing and percent-decoding. */
const piece = fc.oneof(
  fc.constantFrom(
    '=',
    ',',
    ' ',
    '%',
    '%2C',
    '%3D',
    '%20',
    '%zz',
    '%E2%82',
    '%0A',
    '%F0%9F%99%82',
    ';',
    '\t',
  ),
  fc.stringMatching(/^[a-zA-Z0-9._-]{1,8}$/),
  fc.string({ maxLength: 4 }),
);

/** A `k=v,k=v`-shaped string, often valid, often broken in one place. */
export const keyValueList = fc
  .array(fc.tuple(fc.array(piece, { maxLength: 3 }), fc.array(piece, { maxLength: 3 })), {
    maxLength: 5,
  })
  .map((pairs) => pairs.map(([key, value]) => `${key.join('')}=${value.join('')}`).join(','));

/** Any string, including lone surrogates and control characters. */
export const anyString = fc.string({ unit: 'binary', maxLength: 40 });
