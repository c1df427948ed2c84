import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATADOG_TAGS_MAX_LENGTH,
  formatDatadogTags,
  isValidDatadogTag,
  parseDatadogTags,
  TRACE_ID_HIGH_TAG,
} from '../src/datadog-tags.js';
import { ALNUM, headerish, numRuns, word } from './support/arbitraries.js';

describe('DATADOG_TAGS_MAX_LENGTH', () => {
  it('is dd-trace default of 512 characters', () => {
    expect(DATADOG_TAGS_MAX_LENGTH).toBe(512);
  });
});

describe('TRACE_ID_HIGH_TAG', () => {
  it('is _dd.p.tid', () => {
    expect(TRACE_ID_HIGH_TAG).toBe('_dd.p.tid');
  });
});

describe('isValidDatadogTag', () => {
  it.each<[string, string, boolean]>([
    ['_dd.p.dm', '-4', true],
    ['_dd.p.usr.id', 'a b', true],
    ['_dd.p.x', '', true],
    ['_dd.p.', '1', false],
    ['_dd.x', '1', false],
    ['_dd.p.a b', '1', false],
    ['_dd.p.a,b', '1', false],
    ['_dd.p.a=b', '1', false],
    ['_dd.p.a', 'x,y', false],
    ['_dd.p.a', '\u00e9', false],
  ])('%s=%s → %s', (key, value, valid) => {
    expect(isValidDatadogTag(key, value)).toBe(valid);
  });
});

describe('parseDatadogTags', () => {
  it.each<[string, Record<string, string> | undefined]>([
    [
      '_dd.p.tid=640cfd8d00000000,_dd.p.dm=-4',
      { '_dd.p.tid': '640cfd8d00000000', '_dd.p.dm': '-4' },
    ],
    ['_dd.p.tid=640CFD8D00000000', { '_dd.p.tid': '640cfd8d00000000' }],
    ['_dd.p.tid=640cfd8d,_dd.p.dm=-4', { '_dd.p.dm': '-4' }],
    ['_dd.p.flag', { '_dd.p.flag': '' }],
    ['_dd.p.a=x=y', { '_dd.p.a': 'x=y' }],
    ['_dd.p.dm=-4,other=1', undefined],
    ['_dd.p.dm=-4,', undefined],
    ['', undefined],
    [`_dd.p.a=${'x'.repeat(DATADOG_TAGS_MAX_LENGTH - 8)}`, { '_dd.p.a': 'x'.repeat(504) }],
    [`_dd.p.a=${'x'.repeat(DATADOG_TAGS_MAX_LENGTH - 7)}`, undefined],
  ])('%j → %j', (header, tags) => {
    expect(parseDatadogTags(header)).toEqual(tags);
  });

  it('never throws and returns only valid tags (fuzz)', () => {
    fc.assert(
      fc.property(headerish, (header) => {
        const tags = parseDatadogTags(header);
        if (tags === undefined) return;
        for (const [key, value] of Object.entries(tags)) {
          expect(isValidDatadogTag(key, value)).toBe(true);
        }
        if (tags[TRACE_ID_HIGH_TAG] !== undefined)
          expect(tags[TRACE_ID_HIGH_TAG]).toMatch(/^[0-9a-f]{16}$/);
      }),
      { numRuns },
    );
  });
});

describe('formatDatadogTags', () => {
  it('writes _dd.p.tid first and leaves out invalid and empty tags', () => {
    // Act
    const header = formatDatadogTags({
      '_dd.p.dm': '-4',
      '_dd.p.bad': 'a,b',
      '_dd.p.empty': '',
      other: '1',
      '_dd.p.tid': '640cfd8d00000000',
    });
    // Assert
    expect(header).toBe('_dd.p.tid=640cfd8d00000000,_dd.p.dm=-4');
  });

  it('never exceeds the limit and keeps _dd.p.tid when tags are too long', () => {
    // Arrange
    const tags = {
      '_dd.p.big': 'x'.repeat(480),
      '_dd.p.small': 'y',
      '_dd.p.tid': '640cfd8d00000000',
    };
    // Act
    const header = formatDatadogTags(tags) ?? '';
    // Assert
    expect(header.length).toBeLessThanOrEqual(DATADOG_TAGS_MAX_LENGTH);
    expect(header).toBe('_dd.p.tid=640cfd8d00000000,_dd.p.small=y');
    expect(formatDatadogTags(tags, 20)).toBe('_dd.p.small=y');
    expect(formatDatadogTags(tags, 10)).toBeUndefined();
  });

  it('gives undefined when no tag remains', () => {
    expect(formatDatadogTags({})).toBeUndefined();
  });

  it('stays within the limit and parses back (fuzz)', () => {
    const tags = fc.dictionary(
      word('abcdefghijklmnopqrstuvwxyz.', 12).map((k) => `_dd.p.${k}`),
      fc.tuple(word(`${ALNUM} =:;~`, 8), fc.nat({ max: 200 })).map(([v, n]) => v + 'x'.repeat(n)),
      { maxKeys: 6 },
    );
    fc.assert(
      fc.property(tags, (input) => {
        const header = formatDatadogTags(input);
        if (header === undefined) return;
        expect(header.length).toBeLessThanOrEqual(DATADOG_TAGS_MAX_LENGTH);
        const parsed = parseDatadogTags(header) ?? {};
        for (const [key, value] of Object.entries(parsed)) expect(input[key]).toBe(value);
      }),
      { numRuns },
    );
  });
});
