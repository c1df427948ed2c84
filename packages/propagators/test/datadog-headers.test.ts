import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATADOG_HEADERS,
  formatDatadogHeaders,
  parseDatadogHeaders,
} from '../src/datadog-headers.js';
import { DATADOG_TAGS_MAX_LENGTH } from '../src/datadog-tags.js';
import type { DatadogContext } from '../src/types.js';
import { ALNUM, headerish, hexId, numRuns, word } from './support/arbitraries.js';
import { datadogHeaders } from './support/events.js';

const TRACE = '640cfd8d00000000abcdef0123456789';
const SPAN = '00f067aa0ba902b7';

describe('DATADOG_HEADERS', () => {
  it('names the five headers in lowercase', () => {
    expect(Object.values(DATADOG_HEADERS)).toEqual([
      'x-datadog-trace-id',
      'x-datadog-parent-id',
      'x-datadog-sampling-priority',
      'x-datadog-origin',
      'x-datadog-tags',
    ]);
  });
});

describe('parseDatadogHeaders', () => {
  it('reads a 128-bit trace as dd-trace writes it', () => {
    // Arrange
    const headers = datadogHeaders({
      traceId: TRACE,
      spanId: SPAN,
      sampled: true,
      samplingPriority: 2,
      origin: 'rum',
    });
    // Act
    const parsed = parseDatadogHeaders(headers);
    // Assert
    expect(parsed).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      samplingPriority: 2,
      origin: 'rum',
      tags: { '_dd.p.dm': '-4' },
    });
  });

  it.each<[string, Record<string, string>, Partial<DatadogContext> | undefined]>([
    [
      '64-bit ids',
      { 'x-datadog-trace-id': '123', 'x-datadog-parent-id': '456' },
      {
        traceId: `${'0'.repeat(16)}000000000000007b`,
        spanId: '00000000000001c8',
        samplingPriority: undefined,
      },
    ],
    [
      'priority -1',
      {
        'x-datadog-trace-id': '1',
        'x-datadog-parent-id': '2',
        'x-datadog-sampling-priority': '-1',
      },
      { samplingPriority: -1 },
    ],
    [
      'priority 0',
      {
        'x-datadog-trace-id': '1',
        'x-datadog-parent-id': '2',
        'x-datadog-sampling-priority': ' 0 ',
      },
      { samplingPriority: 0 },
    ],
    [
      'a malformed priority',
      {
        'x-datadog-trace-id': '1',
        'x-datadog-parent-id': '2',
        'x-datadog-sampling-priority': 'one',
      },
      { samplingPriority: undefined },
    ],
    [
      'a non-printable origin',
      { 'x-datadog-trace-id': '1', 'x-datadog-parent-id': '2', 'x-datadog-origin': 'a\nb' },
      { origin: undefined },
    ],
    [
      'invalid tags (skipped whole)',
      {
        'x-datadog-trace-id': '1',
        'x-datadog-parent-id': '2',
        'x-datadog-tags': '_dd.p.tid=640cfd8d00000000,bad=1',
      },
      { traceId: `${'0'.repeat(31)}1`, tags: {} },
    ],
    [
      'tags over 512 characters',
      {
        'x-datadog-trace-id': '1',
        'x-datadog-parent-id': '2',
        'x-datadog-tags': `_dd.p.tid=640cfd8d00000000,_dd.p.x=${'x'.repeat(DATADOG_TAGS_MAX_LENGTH)}`,
      },
      { traceId: `${'0'.repeat(31)}1`, tags: {} },
    ],
    [
      'an invalid _dd.p.tid alone',
      {
        'x-datadog-trace-id': '1',
        'x-datadog-parent-id': '2',
        'x-datadog-tags': '_dd.p.tid=xyz,_dd.p.dm=-0',
      },
      { traceId: `${'0'.repeat(31)}1`, tags: { '_dd.p.dm': '-0' } },
    ],
    ['a zero trace id', { 'x-datadog-trace-id': '0', 'x-datadog-parent-id': '2' }, undefined],
    ['a zero parent id', { 'x-datadog-trace-id': '1', 'x-datadog-parent-id': '0' }, undefined],
    ['no parent id', { 'x-datadog-trace-id': '1' }, undefined],
    ['a hex trace id', { 'x-datadog-trace-id': 'abc', 'x-datadog-parent-id': '2' }, undefined],
    [
      'a trace id over 64 bits',
      { 'x-datadog-trace-id': '18446744073709551616', 'x-datadog-parent-id': '2' },
      undefined,
    ],
  ])('handles %s', (_name, headers, expected) => {
    // Act
    const parsed = parseDatadogHeaders(headers);
    // Assert
    if (expected === undefined) expect(parsed).toBeUndefined();
    else expect(parsed).toMatchObject(expected);
  });

  it('never throws and returns only carriable ids (fuzz)', () => {
    const value = fc.oneof(headerish, word('0123456789', 21), fc.constant(undefined));
    const headers = fc.record({
      'x-datadog-trace-id': value,
      'x-datadog-parent-id': value,
      'x-datadog-sampling-priority': value,
      'x-datadog-origin': value,
      'x-datadog-tags': value,
    });
    fc.assert(
      fc.property(headers, (input) => {
        const parsed = parseDatadogHeaders(input);
        if (parsed === undefined) return;
        expect(parsed.traceId).toMatch(/^[0-9a-f]{16}(?!0{16})[0-9a-f]{16}$/);
        expect(parsed.spanId).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
        expect(parsed.tags['_dd.p.tid']).toBeUndefined();
      }),
      { numRuns },
    );
  });
});

describe('formatDatadogHeaders', () => {
  it('writes decimal low 64 bits, priority, origin and _dd.p.tid', () => {
    // Act
    const headers = formatDatadogHeaders({
      traceId: TRACE,
      spanId: SPAN,
      samplingPriority: -1,
      origin: 'synthetics',
      tags: { '_dd.p.dm': '-3' },
    });
    // Assert
    expect(headers).toEqual({
      'x-datadog-trace-id': BigInt('0xabcdef0123456789').toString(),
      'x-datadog-parent-id': BigInt(`0x${SPAN}`).toString(),
      'x-datadog-sampling-priority': '-1',
      'x-datadog-origin': 'synthetics',
      'x-datadog-tags': '_dd.p.tid=640cfd8d00000000,_dd.p.dm=-3',
    });
  });

  it('leaves out _dd.p.tid for a 64-bit trace id and the priority when undecided', () => {
    // Act
    const headers = formatDatadogHeaders({
      traceId: `${'0'.repeat(16)}00000000000004d2`,
      spanId: SPAN,
      samplingPriority: undefined,
      origin: undefined,
      tags: {},
    });
    // Assert
    expect(headers).toEqual({
      'x-datadog-trace-id': '1234',
      'x-datadog-parent-id': BigInt(`0x${SPAN}`).toString(),
    });
  });

  it('gives undefined when the low 64 bits of the trace id are zero', () => {
    expect(
      formatDatadogHeaders({
        traceId: `640cfd8d00000000${'0'.repeat(16)}`,
        spanId: SPAN,
        samplingPriority: 1,
        origin: undefined,
        tags: {},
      }),
    ).toBeUndefined();
  });

  it('round-trips 128-bit ids, priority -1/0/1/2, origin and tags (fuzz)', () => {
    const context = fc.record({
      traceId: fc
        .tuple(fc.oneof(hexId(16), fc.constant('0'.repeat(16))), hexId(16))
        .map(([high, low]) => high + low),
      spanId: hexId(16),
      samplingPriority: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
      origin: fc.option(fc.constantFrom('rum', 'synthetics', 'lambda'), { nil: undefined }),
      tags: fc.dictionary(
        word('abcdefghijklmnopqrstuvwxyz', 6)
          .map((k) => `_dd.p.${k}`)
          .filter((key) => key !== '_dd.p.tid'),
        word(ALNUM, 8),
        { maxKeys: 3 },
      ),
    });
    fc.assert(
      fc.property(context, (input) => {
        const headers = formatDatadogHeaders(input) ?? {};
        expect(parseDatadogHeaders(headers)).toEqual(input);
      }),
      { numRuns },
    );
  });
});
