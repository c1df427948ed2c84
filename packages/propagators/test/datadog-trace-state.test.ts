import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATADOG_TRACESTATE_KEY,
  decodeDatadogTraceState,
  encodeDatadogTraceState,
} from '../src/datadog-trace-state.js';
import { isValidTracestateValue } from '../src/trace-state.js';
import { ALNUM, headerish, numRuns, word } from './support/arbitraries.js';

describe('DATADOG_TRACESTATE_KEY', () => {
  it('is dd', () => {
    expect(DATADOG_TRACESTATE_KEY).toBe('dd');
  });
});

describe('encodeDatadogTraceState', () => {
  it.each<[Parameters<typeof encodeDatadogTraceState>[0], string | undefined]>([
    [{ samplingPriority: 2, origin: 'rum', tags: { '_dd.p.dm': '-4' } }, 's:2;o:rum;t.dm:-4'],
    [{ samplingPriority: -1, origin: undefined, tags: {} }, 's:-1'],
    [{ samplingPriority: undefined, origin: 'a=b;c,d~', tags: {} }, 'o:a~b_c_d_'],
    [
      {
        samplingPriority: 1,
        origin: undefined,
        tags: { '_dd.p.tid': '640cfd8d00000000', '_dd.p.k': 'v' },
      },
      's:1;t.k:v',
    ],
    [{ samplingPriority: undefined, origin: undefined, tags: {} }, undefined],
  ])('%j → %j', (fields, value) => {
    expect(encodeDatadogTraceState(fields)).toBe(value);
  });

  it('leaves out tags that would pass 256 characters', () => {
    // Act
    const value = encodeDatadogTraceState({
      samplingPriority: 1,
      origin: undefined,
      tags: { '_dd.p.big': 'x'.repeat(260), '_dd.p.small': 'y' },
    });
    // Assert
    expect(value).toBe('s:1;t.small:y');
  });
});

describe('decodeDatadogTraceState', () => {
  it('decodes priority, origin and tags, ignoring p, t.tid and unknown parts', () => {
    expect(
      decodeDatadogTraceState(
        's:-1;o:synthetics~x;p:00f067aa0ba902b7;t.tid:640cfd8d00000000;t.usr.id:42;junk;z:1',
      ),
    ).toEqual({
      samplingPriority: -1,
      origin: 'synthetics=x',
      tags: { '_dd.p.usr.id': '42' },
    });
  });

  it('ignores a malformed priority', () => {
    expect(decodeDatadogTraceState('s:x;s:').samplingPriority).toBeUndefined();
  });

  it('round-trips what it encodes and always encodes a valid tracestate value (fuzz)', () => {
    const fields = fc.record({
      samplingPriority: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
      origin: fc.option(word('abcdefghijklmnopqrstuvwxyz', 10), { nil: undefined }),
      tags: fc.dictionary(
        word('abcdefghijklmnopqrstuvwxyz', 6)
          .map((k) => `_dd.p.${k}`)
          .filter((key) => key !== '_dd.p.tid'),
        word(ALNUM, 8),
        { maxKeys: 4 },
      ),
    });
    fc.assert(
      fc.property(fields, (input) => {
        const value = encodeDatadogTraceState(input);
        if (value === undefined) return;
        expect(isValidTracestateValue(value)).toBe(true);
        expect(decodeDatadogTraceState(value)).toEqual({ ...input, tags: input.tags });
      }),
      { numRuns },
    );
    fc.assert(
      fc.property(headerish, (value) => {
        const decoded = decodeDatadogTraceState(value);
        expect(Object.keys(decoded).sort()).toEqual(['origin', 'samplingPriority', 'tags']);
      }),
      { numRuns },
    );
  });
});
