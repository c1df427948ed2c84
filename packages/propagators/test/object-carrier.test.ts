import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asFieldValue,
  isRecord,
  keysOf,
  lookup,
  objectGetter,
  objectSetter,
} from '../src/object-carrier.js';
import { anyValue, numRuns } from './support/arbitraries.js';

describe('isRecord', () => {
  it.each<[unknown, boolean]>([
    [{}, true],
    [Object.create(null), true],
    [[], false],
    [null, false],
    ['x', false],
  ])('%j → %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });
});

describe('lookup', () => {
  it('prefers the exact key, then any casing', () => {
    expect(lookup({ TraceParent: 'b', traceparent: 'a' }, 'traceparent')).toBe('a');
    expect(lookup({ TraceParent: 'b' }, 'traceparent')).toBe('b');
    expect(lookup({ a: 1 }, 'b')).toBeUndefined();
  });

  it('never throws on exotic objects', () => {
    // Arrange
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('no');
        },
      },
    );
    // Act / Assert
    expect(lookup(hostile, 'x')).toBeUndefined();
    expect(keysOf(hostile)).toEqual([]);
  });
});

describe('asFieldValue', () => {
  it.each<[unknown, unknown]>([
    ['a', 'a'],
    [
      ['a', 1, 'b'],
      ['a', 'b'],
    ],
    [[1], undefined],
    [5, undefined],
  ])('%j → %j', (value, expected) => {
    expect(asFieldValue(value)).toEqual(expected);
  });
});

describe('keysOf', () => {
  it('lists keys of records only', () => {
    expect(keysOf({ a: 1, b: 2 })).toEqual(['a', 'b']);
    expect(keysOf(['a'])).toEqual([]);
  });
});

describe('objectGetter', () => {
  it('reads string fields without regard to case and ignores other values', () => {
    // Arrange
    const carrier = { 'X-Datadog-Trace-Id': '1', count: 3 };
    // Act / Assert
    expect(objectGetter.get(carrier, 'x-datadog-trace-id')).toBe('1');
    expect(objectGetter.get(carrier, 'count')).toBeUndefined();
    expect(objectGetter.keys(carrier)).toEqual(['X-Datadog-Trace-Id', 'count']);
  });

  it('never throws (fuzz)', () => {
    fc.assert(
      fc.property(anyValue, fc.string(), (carrier, key) => {
        const value = objectGetter.get(carrier, key);
        expect(value === undefined || typeof value === 'string' || Array.isArray(value)).toBe(true);
        expect(Array.isArray(objectGetter.keys(carrier))).toBe(true);
      }),
      { numRuns },
    );
  });
});

describe('objectSetter', () => {
  it('writes string properties', () => {
    const carrier: Record<string, unknown> = {};
    objectSetter.set(carrier, 'traceparent', 'x');
    expect(carrier).toEqual({ traceparent: 'x' });
  });
});
