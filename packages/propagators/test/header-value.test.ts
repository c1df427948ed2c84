import { describe, expect, it } from 'vitest';
import { firstValue, listValue, singleValue } from '../src/header-value.js';

describe('singleValue', () => {
  it.each<[unknown, string | undefined]>([
    ['a', 'a'],
    [['a'], 'a'],
    [['a', 'b'], undefined],
    [[], undefined],
    [[1], undefined],
    [undefined, undefined],
    [7, undefined],
  ])('%j → %j', (value, expected) => {
    expect(singleValue(value)).toBe(expected);
  });
});

describe('listValue', () => {
  it.each<[unknown, string | undefined]>([
    ['a=1', 'a=1'],
    [['a=1', 'b=2'], 'a=1,b=2'],
    [['a=1', 3, 'b=2'], 'a=1,b=2'],
    [[], undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(listValue(value)).toBe(expected);
  });
});

describe('firstValue', () => {
  it.each<[unknown, string | undefined]>([
    ['1', '1'],
    [['1', '2'], '1'],
    [[2, '1'], undefined],
    [{}, undefined],
  ])('%j → %j', (value, expected) => {
    expect(firstValue(value)).toBe(expected);
  });
});
