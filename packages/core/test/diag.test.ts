import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redactHeaders, redactUrl, resetWarnOnce, warnOnce } from '../src/diag.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';

let messages: string[];
beforeEach(() => {
  messages = spyOnDiag();
});
afterEach(stopDiagSpy);

describe('warnOnce', () => {
  it('writes a prefixed warning the first time a key is seen', () => {
    warnOnce('k1', 'something is off');

    expect(messages).toEqual(['lambda-otel-kit: something is off']);
  });

  it('stays silent for a key it has already warned about', () => {
    warnOnce('k2', 'first');
    warnOnce('k2', 'second');
    warnOnce('k3', 'other key');

    expect(messages).toEqual(['lambda-otel-kit: first', 'lambda-otel-kit: other key']);
  });
});

describe('resetWarnOnce', () => {
  it('lets a key warn again', () => {
    warnOnce('k4', 'again');
    resetWarnOnce();
    warnOnce('k4', 'again');

    expect(messages).toHaveLength(2);
  });
});

describe('redactHeaders', () => {
  it('masks every value with its length and keeps the names', () => {
    const headers = { authorization: 'Bearer abc', 'x-honeycomb-team': '' };

    const masked = redactHeaders(headers);

    expect(masked).toEqual({
      authorization: '*** (10 chars)',
      'x-honeycomb-team': '*** (0 chars)',
    });
    expect(headers.authorization).toBe('Bearer abc');
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://otlp.example.com/v1/traces', 'https://otlp.example.com/v1/traces'],
    ['https://user:pw@otlp.example.com/v1/traces', 'https://***:***@otlp.example.com/v1/traces'],
    [
      'http://localhost:4318/v1/traces?token=abc&a=1&a=2',
      'http://localhost:4318/v1/traces?token=***&a=***',
    ],
    ['not a url secret', '<invalid URL>'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
