import { describe, expect, it } from 'vitest';
import { isObject } from '../src/json.js';

describe('isObject', () => {
  it.each([
    [{}, true],
    [{ headers: {} }, true],
    [Object.create(null), true],
    [null, false],
    [undefined, false],
    [[], false],
    ['{}', false],
    [42, false],
  ])('%j → %s', (value, expected) => {
    expect(isObject(value)).toBe(expected);
  });
});
