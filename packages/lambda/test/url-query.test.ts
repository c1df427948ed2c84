import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactQuery, SENSITIVE_QUERY_KEYS, urlQueryOf } from '../src/url-query.js';
import {
  albEvent,
  apiGatewayV1Event,
  apiGatewayV2Event,
  functionUrlEvent,
} from './support/events.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const request = { method: 'GET', path: '/orders' } as const;

describe('SENSITIVE_QUERY_KEYS', () => {
  it('lists the keys the semantic conventions name', () => {
    expect(SENSITIVE_QUERY_KEYS).toEqual([
      'AWSAccessKeyId',
      'Signature',
      'sig',
      'X-Goog-Signature',
    ]);
  });
});

describe('redactQuery', () => {
  it.each(SENSITIVE_QUERY_KEYS)('replaces the value of %s and keeps the rest', (key) => {
    expect(redactQuery(`page=2&${key}=s3cr3t&q=x`)).toBe(`page=2&${key}=REDACTED&q=x`);
  });

  it.each([
    ['a key in another case', 'SIG=abc', 'SIG=abc'],
    ['a key that only starts like one', 'signature=abc&sigma=1', 'signature=abc&sigma=1'],
    ['a percent-encoded sensitive key', 'si%67=abc', 'si%67=REDACTED'],
    ['a sensitive key without a value', 'sig&q=1', 'sig=REDACTED&q=1'],
    ['a malformed escape', 'q=%E0%A4%A&sig=1', 'q=%E0%A4%A&sig=REDACTED'],
    ['an empty query', '', ''],
  ])('handles %s', (_name, query, expected) => {
    expect(redactQuery(query)).toBe(expected);
  });

  it('never lets a sensitive value through, and keeps every other part as it was', () => {
    const key = fc.oneof(fc.constantFrom(...SENSITIVE_QUERY_KEYS), fc.string({ maxLength: 8 }));
    const part = fc.tuple(key, fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), (pairs) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);

        const parts = redactQuery(query.join('&')).split('&');

        expect(parts).toHaveLength(query.length);
        pairs.forEach(([k], i) => {
          const sensitive = SENSITIVE_QUERY_KEYS.includes(k);
          expect(parts[i]).toBe(sensitive ? `${encodeURIComponent(k)}=REDACTED` : query[i]);
        });
      }),
      { numRuns },
    );
  });
});

describe('urlQueryOf', () => {
  it('reads the raw query string of an HTTP API event, redacted', () => {
    const event = apiGatewayV2Event({ ...request, query: { q: 'red shoes', sig: 'abc' } });

    expect(urlQueryOf(event, 'api-gateway-http')).toBe('q=red%20shoes&sig=REDACTED');
  });

  it('reads the raw query string of a Function URL event', () => {
    const event = functionUrlEvent({ ...request, query: { page: '2' } });

    expect(urlQueryOf(event, 'function-url')).toBe('page=2');
  });

  it('encodes the decoded parameters of a REST API event again, every value of each', () => {
    const event = apiGatewayV1Event({ ...request, query: { tag: ['a b', 'c'], Signature: 'x' } });

    expect(urlQueryOf(event, 'api-gateway-rest')).toBe('tag=a%20b&tag=c&Signature=REDACTED');
  });

  it.each([false, true])(
    'keeps ALB parameters as the load balancer passed them (multi-value: %s)',
    (multiValue) => {
      const event = albEvent({ ...request, query: { q: 'a b', sig: 'x' }, multiValue });

      expect(urlQueryOf(event, 'alb')).toBe('q=a%20b&sig=REDACTED');
    },
  );

  it.each([
    ['an HTTP API request without a query', apiGatewayV2Event(request), 'api-gateway-http'],
    ['a REST request without a query', apiGatewayV1Event(request), 'api-gateway-rest'],
    ['an ALB request without a query', albEvent(request), 'alb'],
    ['something that is not an event', 'GET /', 'direct'],
  ])('gives undefined for %s', (_name, event, kind) => {
    expect(urlQueryOf(event, kind)).toBeUndefined();
  });
});
