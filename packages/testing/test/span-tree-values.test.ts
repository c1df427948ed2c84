import { describe, expect, it } from 'vitest';
import { formatValue, matchValue } from '../src/span-tree-values.js';

describe('matchValue', () => {
  it.each([
    [undefined, undefined, true],
    [undefined, 'x', false],
    [/^sqs/, 'sqs.process', true],
    [/^sqs/, 3, false],
    [3, 3n, true],
    [3n, 4, false],
    [['a', 1], ['a', 1], true],
    [{ a: 1 }, { a: 2 }, false],
    [(v: unknown) => typeof v === 'string', 'x', true],
    [expect.any(Number), 5, true],
    [expect.any(Number), '5', false],
  ])('matches %o against %o: %s', (expected, actual, result) => {
    expect(matchValue(expected, actual)).toBe(result);
  });
});

describe('formatValue', () => {
  it.each([
    [undefined, '(absent)'],
    ['a', '"a"'],
    [2n, '2'],
    [/x/g, '/x/g'],
    [new Uint8Array([10, 27]), '<bytes 0a1b>'],
    [function isOk() {}, '<isOk>'],
    [['a', 1, true], '["a", 1, true]'],
    [{ k: null }, '{k: null}'],
  ])('renders %o as %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it('renders asymmetric matchers by their own description', () => {
    expect(formatValue(expect.any(String))).toBe('Any<String>');
  });
});
