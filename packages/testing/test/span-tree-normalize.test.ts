import { describe, expect, it } from 'vitest';
import {
  formatMs,
  parentId,
  spanKindName,
  statusCodeName,
  toNanos,
} from '../src/span-tree-normalize.js';

describe('spanKindName', () => {
  it.each([
    [0, 'INTERNAL'],
    [1, 'SERVER'],
    [4, 'CONSUMER'],
    [9, 'INTERNAL'],
    ['client', 'CLIENT'],
    ['SPAN_KIND_PRODUCER', 'PRODUCER'],
    ['SPAN_KIND_UNSPECIFIED', 'INTERNAL'],
  ] as const)('reads %j as %s', (kind, name) => {
    expect(spanKindName(kind)).toBe(name);
  });
});

describe('statusCodeName', () => {
  it.each([
    [0, 'UNSET'],
    [1, 'OK'],
    [2, 'ERROR'],
    [7, 'UNSET'],
    ['STATUS_CODE_ERROR', 'ERROR'],
    ['ok', 'OK'],
    ['nope', 'UNSET'],
    [undefined, 'UNSET'],
  ] as const)('reads %j as %s', (code, name) => {
    expect(statusCodeName(code)).toBe(name);
  });
});

describe('toNanos', () => {
  it.each([
    [5n, 5n],
    ['1717243200000000000', 1_717_243_200_000_000_000n],
    [' 12 ', 12n],
    [1.6, 2n],
    [Number.NaN, 0n],
    ['-3', 0n],
    ['x', 0n],
    [undefined, 0n],
  ] as const)('reads %s as %s', (value, nanos) => {
    expect(toNanos(value)).toBe(nanos);
  });
});

describe('parentId', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['0000000000000000', undefined],
    ['00f067aa0ba902b7', '00f067aa0ba902b7'],
  ])('reads %j as %j', (id, parent) => {
    expect(parentId(id)).toBe(parent);
  });
});

describe('formatMs', () => {
  it.each([
    [0n, '0.00 ms'],
    [1_500_000n, '1.50 ms'],
    [999_994_000n, '999.99 ms'],
    [1_234_560_000n, '1234.6 ms'],
    [123_456_000_000n, '123456 ms'],
  ])('formats %s ns as %s', (ns, text) => {
    expect(formatMs(ns)).toBe(text);
  });
});
