import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isHeaderName,
  isHeaderValue,
  parseOtlpHeaders,
  parseResourceAttributes,
} from '../src/key-value.js';
import { anyString, keyValueList, numRuns } from './support/arbitraries.js';

describe('isHeaderName', () => {
  it.each([
    ['authorization', true],
    ['X-Honeycomb-Team', true],
    ['dd-api-key', true],
    ['has space', false],
    ['colon:', false],
    ['', false],
    ['ünicode', false],
  ])('%s → %s', (name, expected) => {
    expect(isHeaderName(name)).toBe(expected);
  });
});

describe('isHeaderValue', () => {
  it.each([
    ['Bearer abc', true],
    ['tab\tok', true],
    ['', true],
    ['line\nbreak', false],
    ['carriage\rreturn', false],
    ['nul\0', false],
    ['emoji 🙂', false],
  ])('%j → %s', (value, expected) => {
    expect(isHeaderValue(value)).toBe(expected);
  });
});

describe('parseResourceAttributes', () => {
  it.each([
    ['a=1', { a: '1' }],
    ['a=1,b=2', { a: '1', b: '2' }],
    [' a = 1 , b=2 ', { a: '1', b: '2' }],
    ['a=x%2Cy%3Dz', { a: 'x,y=z' }],
    ['a=%20padded%20', { a: ' padded ' }],
    ['a=b=c', { a: 'b=c' }],
    ['a=', { a: '' }],
    ['a=1,,b=2,', { a: '1', b: '2' }],
    ['a=1,a=2', { a: '2' }],
    ['service.name=orders', { 'service.name': 'orders' }],
    ['__proto__=x', Object.fromEntries([['__proto__', 'x']])],
  ])('%s → %j', (value, expected) => {
    expect(parseResourceAttributes(value)).toEqual(expected);
  });

  it.each([
    ['a bad %-escape anywhere', 'a=1,b=%zz'],
    ['a truncated %-escape', 'a=%E2%82'],
    ['an entry without =', 'a=1,oops'],
    ['an empty key', '=v'],
    ['a key that decodes to nothing', '%20=v'],
  ])('discards the whole value for %s', (_label, value) => {
    expect(parseResourceAttributes(value)).toBeUndefined();
  });

  it('never throws and returns only string values', () => {
    fc.assert(
      fc.property(fc.oneof(keyValueList, anyString), (value) => {
        const parsed = parseResourceAttributes(value);
        if (parsed === undefined) return true;
        return Object.entries(parsed).every(
          ([key, item]) => key.trim() !== '' && typeof item === 'string',
        );
      }),
      { numRuns },
    );
  });
});

describe('parseOtlpHeaders', () => {
  it.each([
    ['api-key=abc', { 'api-key': 'abc' }, 0],
    ['Authorization=Bearer%20abc', { authorization: 'Bearer abc' }, 0],
    [' a = 1 , B=2 ', { a: '1', b: '2' }, 0],
    ['a=x=y', { a: 'x=y' }, 0],
    ['a=1,,', { a: '1' }, 0],
    ['a=1,A=2', { a: '2' }, 0],
    ['oops,a=1', { a: '1' }, 1],
    ['=v,a=1', { a: '1' }, 1],
    ['a=%zz,b=2', { b: '2' }, 1],
    ['bad name=1', {}, 1],
    ['a=line%0Abreak', {}, 1],
    ['a=%F0%9F%99%82', {}, 1],
  ])('%s → %j with %d skipped', (value, headers, invalidEntries) => {
    expect(parseOtlpHeaders(value)).toEqual({ headers, invalidEntries });
  });

  it('never throws and returns only names and values a request can carry', () => {
    fc.assert(
      fc.property(fc.oneof(keyValueList, anyString), (value) => {
        const { headers, invalidEntries } = parseOtlpHeaders(value);
        return (
          invalidEntries >= 0 &&
          Object.entries(headers).every(
            ([name, item]) =>
              isHeaderName(name) && name === name.toLowerCase() && isHeaderValue(item),
          )
        );
      }),
      { numRuns },
    );
  });
});
