import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeError,
  decodeResponse,
  headerJson,
  invocationHeaders,
  tooLargeError,
} from '../src/runtime-api-wire.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('headerJson', () => {
  it.each([
    [{ a: 'plain' }, '{"a":"plain"}'],
    [{ a: 'café' }, '{"a":"caf\\u00e9"}'],
    [{ a: '☃\n' }, '{"a":"\\u2603\\n"}'],
  ])('writes %j as %s', (value, expected) => {
    expect(headerJson(value)).toBe(expected);
  });

  it('always gives printable ASCII that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = headerJson(value);
        expect(text).toMatch(/^[\x20-\x7e]*$/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns },
    );
  });
});

describe('decodeResponse', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['null', null],
    ['"text"', 'text'],
    ['not json', 'not json'],
    ['', ''],
  ])('decodes %s', (body, expected) => {
    expect(decodeResponse(bytes(body))).toEqual(expected);
  });
});

describe('decodeError', () => {
  it.each([
    [
      '{"errorType":"TypeError","errorMessage":"m","trace":["a","b"]}',
      undefined,
      { errorType: 'TypeError', errorMessage: 'm', trace: ['a', 'b'] },
    ],
    [
      '{"errorType":"E","errorMessage":"m","stackTrace":["s"]}',
      undefined,
      { errorType: 'E', errorMessage: 'm', trace: ['s'] },
    ],
    ['{"errorMessage":"m"}', 'Header.Type', { errorType: 'Header.Type', errorMessage: 'm' }],
    ['garbage', 'Header.Type', { errorType: 'Header.Type', errorMessage: 'garbage' }],
    ['', undefined, { errorType: 'Runtime.Unknown', errorMessage: '' }],
    ['42', '', { errorType: 'Runtime.Unknown', errorMessage: '42' }],
    ['{"errorType":7,"errorMessage":{}}', 'H', { errorType: 'H', errorMessage: '' }],
  ])('decodes %s with header %s', (body, header, expected) => {
    expect(decodeError(bytes(body), header)).toEqual(expected);
  });

  it('never throws and always names an error type', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        fc.option(fc.string(), { nil: undefined }),
        (body, header) => {
          const error = decodeError(bytes(body), header);
          expect(typeof error.errorType).toBe('string');
          expect(error.errorType.length).toBeGreaterThan(0);
          expect(typeof error.errorMessage).toBe('string');
        },
      ),
      { numRuns },
    );
  });
});

describe('invocationHeaders', () => {
  it('sends only the required headers when nothing optional is given', () => {
    expect(invocationHeaders('r', 'arn:f', {})).toEqual({
      'lambda-runtime-aws-request-id': 'r',
      'lambda-runtime-invoked-function-arn': 'arn:f',
    });
  });

  it('adds the trace id, client context and identity, and an invoked ARN that overrides', () => {
    // Act
    const headers = invocationHeaders('r', 'arn:f', {
      traceId: 'Root=1-5759e988-bd862e3fe1be46a994272793',
      clientContext: { custom: { a: 'é' } },
      identity: { cognitoIdentityId: 'i' },
      invokedFunctionArn: 'arn:f:alias',
    });

    // Assert
    expect(headers).toEqual({
      'lambda-runtime-aws-request-id': 'r',
      'lambda-runtime-invoked-function-arn': 'arn:f:alias',
      'lambda-runtime-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793',
      'lambda-runtime-client-context': '{"custom":{"a":"\\u00e9"}}',
      'lambda-runtime-cognito-identity': '{"cognitoIdentityId":"i"}',
    });
  });
});

describe('tooLargeError', () => {
  it('names the size and the limit', () => {
    expect(tooLargeError(7_000_000)).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage:
        'Response payload size (7000000 bytes) exceeded maximum allowed payload size (6291556 bytes).',
    });
  });
});
