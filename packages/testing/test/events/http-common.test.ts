import { describe, expect, it } from 'vitest';
import { clfTime, groupQuery, httpParts, valueMaps } from '../../src/events/http-common.js';
import { idSource } from '../../src/events/ids.js';
import { UP } from '../support/propagation.js';

describe('httpParts', () => {
  it('writes generated headers, then upstream ones, then the caller’s, which win', () => {
    // Act
    const parts = httpParts(
      {
        method: 'POST',
        path: '/orders',
        body: { id: 1 },
        upstream: { kind: 'xray', ...UP },
        headers: { 'user-agent': 'custom/1', 'x-many': ['a', 'b'] },
        query: { page: '2', tag: ['x', 'y'] },
      },
      idSource(1),
      'canonical',
      'api.example.com',
    );

    // Assert
    expect(parts.headers).toStrictEqual([
      ['Host', ['api.example.com']],
      ['Accept', ['*/*']],
      ['user-agent', ['custom/1']],
      ['X-Forwarded-For', ['203.0.113.10']],
      ['X-Forwarded-Port', ['443']],
      ['X-Forwarded-Proto', ['https']],
      ['X-Amzn-Trace-Id', [expect.stringMatching(/^Root=1-/)]],
      ['Content-Type', ['application/json']],
      ['x-many', ['a', 'b']],
    ]);
    expect(parts).toMatchObject({
      method: 'POST',
      path: '/orders',
      body: '{"id":1}',
      query: [
        ['page', '2'],
        ['tag', 'x'],
        ['tag', 'y'],
      ],
      timeMs: 1_717_243_200_000,
    });
  });

  it('lowercases generated names in lower style and leaves a string body without a content type', () => {
    // Act
    const parts = httpParts(
      { body: 'raw', upstream: { kind: 'xray', ...UP } },
      idSource(1),
      'lower',
      'h',
    );

    // Assert
    expect(parts.headers.map(([name]) => name)).toStrictEqual([
      'host',
      'accept',
      'user-agent',
      'x-forwarded-for',
      'x-forwarded-port',
      'x-forwarded-proto',
      'x-amzn-trace-id',
    ]);
    expect(parts).toMatchObject({ method: 'GET', path: '/', body: 'raw' });
  });
});

describe('valueMaps', () => {
  it('keeps the last value (REST) or joins with commas (HTTP API)', () => {
    // Arrange
    const pairs = [['a', ['1', '2']] as const, ['b', ['3']] as const];

    // Act / Assert
    expect(valueMaps(pairs, 'last')).toStrictEqual({
      single: { a: '2', b: '3' },
      multi: { a: ['1', '2'], b: ['3'] },
    });
    expect(valueMaps(pairs, 'comma')?.single).toStrictEqual({ a: '1,2', b: '3' });
    expect(valueMaps([], 'last')).toBeNull();
  });
});

describe('groupQuery', () => {
  it('groups repeated names in order', () => {
    expect(
      groupQuery([
        ['a', '1'],
        ['b', '2'],
        ['a', '3'],
      ]),
    ).toStrictEqual([
      ['a', ['1', '3']],
      ['b', ['2']],
    ]);
  });
});

describe('clfTime', () => {
  it('writes the common log format time API Gateway uses', () => {
    expect(clfTime(0)).toBe('01/Jan/1970:00:00:00 +0000');
    expect(clfTime(1_717_243_200_000)).toBe('01/Jun/2024:12:00:00 +0000');
  });
});
