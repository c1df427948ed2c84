import { isSpanContextValid } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent, RANDOM_TRACE_ID_FLAG } from '../src/traceparent.js';
import { headerish, mutated, numRuns, spanContextArb } from './support/arbitraries.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const VALID = `00-${TRACE}-${SPAN}-01`;

describe('parseTraceparent', () => {
  it.each<[string, unknown, number]>([
    ['version 00, sampled', VALID, 1],
    ['not sampled', `00-${TRACE}-${SPAN}-00`, 0],
    ['random trace-id bit kept', `00-${TRACE}-${SPAN}-03`, 3],
    ['unknown flag bits cleared', `00-${TRACE}-${SPAN}-ff`, 3],
    ['flags tested as bits', `00-${TRACE}-${SPAN}-09`, 1],
    ['spaces and tabs around', ` \t${VALID}\t `, 1],
    ['a one-element array', [VALID], 1],
    ['future version, 55 characters', `cc-${TRACE}-${SPAN}-01`, 1],
    ['future version with more fields', `cc-${TRACE}-${SPAN}-01-what-the-future-holds`, 1],
  ])('accepts %s', (_name, header, flags) => {
    // Act
    const spanContext = parseTraceparent(header);
    // Assert
    expect(spanContext).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      traceFlags: flags,
      isRemote: true,
    });
  });

  it.each<[string, unknown]>([
    ['uppercase hex', VALID.toUpperCase().replace('00-', '00-')],
    ['uppercase trace id', `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ['all-zero trace id', `00-${'0'.repeat(32)}-${SPAN}-01`],
    ['all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE}-${SPAN}-01`],
    ['version 00 with a suffix', `${VALID}-extra`],
    ['version 00 with a trailing dash', `${VALID}-`],
    ['future version shorter than 55', `cc-${TRACE}-${SPAN}-0`],
    ['future version, flags not ended by a dash', `cc-${TRACE}-${SPAN}-01.`],
    ['uppercase version', `0A-${TRACE}-${SPAN}-01`],
    ['short trace id', `00-${TRACE.slice(1)}-${SPAN}-01`],
    ['bad flags', `00-${TRACE}-${SPAN}-0g`],
    ['wrong separators', `00_${TRACE}_${SPAN}_01`],
    ['two headers joined by Node', `${VALID}, 00-${TRACE}-${SPAN}-00`],
    ['two headers as an array', [VALID, VALID]],
    ['a newline around', `\n${VALID}`],
    ['empty', ''],
    ['a number', 1],
    ['undefined', undefined],
  ])('rejects %s', (_name, header) => {
    // Act / Assert
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('never throws and returns only valid contexts (fuzz)', () => {
    const inputs = fc.oneof(
      headerish,
      mutated(spanContextArb.map((sc) => formatTraceparent(sc))),
      fc.anything({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const spanContext = parseTraceparent(input);
        if (spanContext === undefined) return;
        expect(isSpanContextValid(spanContext)).toBe(true);
        expect(spanContext.traceFlags & ~3).toBe(0);
      }),
      { numRuns },
    );
  });

  it('returns undefined on garbage (fuzz)', () => {
    fc.assert(
      fc.property(headerish, (input) => {
        expect(parseTraceparent(input)).toBeUndefined();
      }),
      { numRuns },
    );
  });
});

describe('formatTraceparent', () => {
  it.each<[number, boolean, string]>([
    [1, false, '01'],
    [0, false, '00'],
    [1, true, '03'],
    [0, true, '02'],
    [0xff, false, '03'],
  ])('writes flags %i (random %s) as %s', (traceFlags, random, flags) => {
    // Act
    const header = formatTraceparent({ traceId: TRACE, spanId: SPAN, traceFlags }, random);
    // Assert
    expect(header).toBe(`00-${TRACE}-${SPAN}-${flags}`);
  });

  it('lowercases ids', () => {
    expect(
      formatTraceparent({
        traceId: TRACE.toUpperCase(),
        spanId: SPAN.toUpperCase(),
        traceFlags: 1,
      }),
    ).toBe(VALID);
  });

  it('round-trips through parseTraceparent (fuzz)', () => {
    fc.assert(
      fc.property(spanContextArb, fc.boolean(), (sc, random) => {
        const parsed = parseTraceparent(formatTraceparent(sc, random));
        expect(parsed).toEqual({
          ...sc,
          traceFlags: sc.traceFlags | (random ? RANDOM_TRACE_ID_FLAG : 0),
        });
      }),
      { numRuns },
    );
  });
});
