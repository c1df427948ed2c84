import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidTracestateKey,
  isValidTracestateValue,
  KitTraceState,
  parseTracestate,
  TRACESTATE_MAX_MEMBERS,
} from '../src/trace-state.js';
import { headerish, numRuns } from './support/arbitraries.js';

const members = (count: number) => Array.from({ length: count }, (_, i) => `k${i}=v${i}`).join(',');

describe('TRACESTATE_MAX_MEMBERS', () => {
  it('is 32', () => {
    expect(TRACESTATE_MAX_MEMBERS).toBe(32);
  });
});

describe('isValidTracestateKey', () => {
  it.each<[string, boolean]>([
    ['congo', true],
    ['0rojo', true],
    ['a_b-c*d/e', true],
    ['tenant@system', true],
    ['t@s@x', true],
    [`a${'b'.repeat(255)}`, true],
    [`a${'b'.repeat(256)}`, false],
    ['FOO', false],
    ['_foo', false],
    ['', false],
    ['a b', false],
    ['a=b', false],
  ])('%s → %s', (key, valid) => {
    expect(isValidTracestateKey(key)).toBe(valid);
  });
});

describe('isValidTracestateValue', () => {
  it.each<[string, boolean]>([
    ['t61rcWkgMzE', true],
    ['a b', true],
    ['x'.repeat(256), true],
    ['x'.repeat(257), false],
    ['', false],
    ['trailing ', false],
    ['bar=baz', false],
    ['a,b', false],
    ['caf\u00e9', false],
    ['tab\there', false],
  ])('%j → %s', (value, valid) => {
    expect(isValidTracestateValue(value)).toBe(valid);
  });
});

describe('KitTraceState', () => {
  it('moves a set member to the left and keeps the others in order', () => {
    // Arrange
    const state = new KitTraceState([
      ['rojo', '00f067aa0ba902b7'],
      ['congo', 'lZWRzIHRoNhcm5hbCBwbGVhc3VyZS4'],
    ]);
    // Act
    const next = state.set('congo', 't61rcWkgMzE');
    // Assert
    expect(next.serialize()).toBe('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
    expect(state.get('congo')).toBe('lZWRzIHRoNhcm5hbCBwbGVhc3VyZS4');
  });

  it('ignores invalid keys and values and drops repeated or invalid members', () => {
    // Arrange
    const state = new KitTraceState([
      ['a', '1'],
      ['a', '2'],
      ['B', '3'],
    ]);
    // Act / Assert
    expect(state.set('Bad', 'x').set('ok', 'a=b')).toBe(state);
    expect(state.serialize()).toBe('a=1');
  });

  it('unsets a member', () => {
    expect(
      new KitTraceState([
        ['a', '1'],
        ['b', '2'],
      ])
        .unset('a')
        .serialize(),
    ).toBe('b=2');
  });

  it('serializes at most 32 members', () => {
    // Arrange
    let state = new KitTraceState();
    for (let i = 0; i < 40; i += 1) state = state.set(`k${i}`, `v${i}`);
    // Act
    const serialized = state.serialize();
    // Assert
    expect(serialized.split(',')).toHaveLength(32);
    expect(serialized.startsWith('k39=v39,')).toBe(true);
  });
});

describe('parseTracestate', () => {
  it.each<[string, unknown, string]>([
    ['one member', 'rojo=00f067aa0ba902b7', 'rojo=00f067aa0ba902b7'],
    ['spaces and tabs around members', ' a=1 ,\tb=2\t', 'a=1,b=2'],
    ['empty members', 'a=1,,  ,b=2', 'a=1,b=2'],
    ['repeated headers, combined in order', ['a=1', 'b=2'], 'a=1,b=2'],
    ['32 members', members(32), members(32)],
    ['a multi-tenant key', 'fw529a3039@dt=1', 'fw529a3039@dt=1'],
  ])('accepts %s', (_name, header, serialized) => {
    expect(parseTracestate(header)?.serialize()).toBe(serialized);
  });

  it.each<[string, unknown]>([
    ['33 members', members(33)],
    ['a repeated key', 'foo=1,foo=2'],
    ['a repeated key across headers', ['foo=1', 'foo=2']],
    ['a value with =', 'foo=bar=baz'],
    ['an empty value', 'foo='],
    ['no =', 'foo'],
    ['an empty key', '=1'],
    ['an uppercase key', 'Foo=1'],
    ['a key too long', `a${'b'.repeat(256)}=1`],
    ['a value too long', `a=${'b'.repeat(257)}`],
    ['a non-ASCII value', 'a=\u00e9'],
    ['empty', ''],
    ['only commas', ' , '],
    ['not a string', 42],
  ])('discards %s', (_name, header) => {
    expect(parseTracestate(header)).toBeUndefined();
  });

  it('never throws and keeps only valid members (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(headerish, fc.array(headerish, { maxLength: 3 })), (header) => {
        const state = parseTracestate(header);
        if (state === undefined) return;
        const serialized = state.serialize();
        const parts = serialized.split(',');
        expect(parts.length).toBeLessThanOrEqual(TRACESTATE_MAX_MEMBERS);
        for (const part of parts) {
          const equals = part.indexOf('=');
          expect(isValidTracestateKey(part.slice(0, equals))).toBe(true);
          expect(isValidTracestateValue(part.slice(equals + 1))).toBe(true);
        }
        expect(parseTracestate(serialized)?.serialize()).toBe(serialized);
      }),
      { numRuns },
    );
  });
});
