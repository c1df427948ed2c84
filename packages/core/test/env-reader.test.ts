import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEnvReader,
  isPlainName,
  MAX_TIMER_MS,
  parseEnum,
  parseInteger,
  parseList,
  parseRatio,
  readEnum,
  readInteger,
  warnInvalid,
} from '../src/env-reader.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';

let messages: string[];
beforeEach(() => {
  messages = spyOnDiag();
});
afterEach(stopDiagSpy);

describe('MAX_TIMER_MS', () => {
  it('is the largest delay setTimeout honours', () => {
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
  });
});

describe('createEnvReader', () => {
  it.each([
    ['unset', undefined, undefined],
    ['empty', '', undefined],
    ['whitespace', ' \t\n ', undefined],
    ['padded', '  value ', 'value'],
    ['plain', 'value', 'value'],
  ])('%s → %s', (_label, raw, expected) => {
    const reader = createEnvReader({ NAME: raw });

    expect(reader.get('NAME')).toBe(expected);
  });
});

describe('parseInteger', () => {
  it.each([
    ['0', 0, 10, 0],
    ['10', 0, 10, 10],
    ['007', 0, 10, 7],
    ['11', 0, 10, undefined],
    ['0', 1, 10, undefined],
    ['-1', 0, 10, undefined],
    ['+1', 0, 10, undefined],
    ['1.5', 0, 10, undefined],
    ['1e3', 0, 10_000, undefined],
    ['0x10', 0, 100, undefined],
    ['abc', 0, 10, undefined],
    ['99999999999999999999', 0, MAX_TIMER_MS, undefined],
  ])('%s in [%d, %d] → %s', (value, min, max, expected) => {
    expect(parseInteger(value, min, max)).toBe(expected);
  });
});

describe('parseRatio', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['1.', 1],
    ['5e-1', 0.5],
    ['1.0001', undefined],
    ['-0.1', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    ['half', undefined],
    ['0x1', undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRatio(value)).toBe(expected);
  });
});

describe('parseEnum', () => {
  it('matches case-insensitively and returns the canonical name', () => {
    expect(parseEnum('GZip', ['gzip', 'none'] as const)).toBe('gzip');
  });

  it('returns undefined for a name not in the list', () => {
    expect(parseEnum('deflate', ['gzip', 'none'] as const)).toBeUndefined();
  });
});

describe('parseList', () => {
  it('trims, lower-cases and drops empty items', () => {
    expect(parseList(' TraceContext, ,baggage,, ')).toEqual(['tracecontext', 'baggage']);
  });
});

describe('isPlainName', () => {
  it.each([
    ['jaeger', true],
    ['b3_multi-2', true],
    ['a'.repeat(33), false],
    ['has space', false],
    ['k=v', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isPlainName(value)).toBe(expected);
  });
});

describe('warnInvalid', () => {
  it('names the variable and what was expected, once', () => {
    warnInvalid('SOME_VARIABLE', 'a number');
    warnInvalid('SOME_VARIABLE', 'a number');

    expect(messages).toEqual([
      'lambda-otel-kit: SOME_VARIABLE is not a number; the value is ignored',
    ]);
  });
});

describe('readInteger', () => {
  it('returns a valid value without warning', () => {
    expect(readInteger(createEnvReader({ N: ' 42 ' }), 'N', 0, 100)).toBe(42);
    expect(messages).toEqual([]);
  });

  it('treats blank as unset, silently', () => {
    expect(readInteger(createEnvReader({ N: '  ' }), 'N', 0, 100)).toBeUndefined();
    expect(messages).toEqual([]);
  });

  it('warns once, without the value, for an out-of-range value', () => {
    const reader = createEnvReader({ N: '4242' });

    expect(readInteger(reader, 'N', 0, 100)).toBeUndefined();
    expect(readInteger(reader, 'N', 0, 100)).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('N is not a whole number from 0 to 100');
    expect(messages[0]).not.toContain('4242');
  });
});

describe('readEnum', () => {
  it('returns the canonical name for a known value', () => {
    expect(readEnum(createEnvReader({ E: 'NONE' }), 'E', ['gzip', 'none'] as const)).toBe('none');
  });

  it('warns with the allowed values for an unknown one', () => {
    expect(
      readEnum(createEnvReader({ E: 'zstd' }), 'E', ['gzip', 'none'] as const),
    ).toBeUndefined();
    expect(messages).toEqual(['lambda-otel-kit: E is not one of gzip, none; the value is ignored']);
  });
});
