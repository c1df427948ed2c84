import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnvReader } from '../src/env-reader.js';
import {
  RECORD_CONTEXT_SOURCES,
  RECORD_PARENTINGS,
  readFlush,
  readRecordContextOrder,
  readRecordParenting,
} from '../src/kit-settings.js';
import type { RecordContextSource } from '../src/types.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';

let messages: string[];
beforeEach(() => {
  messages = spyOnDiag();
});
afterEach(stopDiagSpy);

const warned = () => messages.map((message) => message.split(' ')[1]);

describe('RECORD_CONTEXT_SOURCES', () => {
  it('is the default extraction order', () => {
    expect(RECORD_CONTEXT_SOURCES).toEqual([
      'message-attributes',
      'datadog',
      'sns',
      'eventbridge',
      'aws-trace-header',
    ]);
  });
});

describe('RECORD_PARENTINGS', () => {
  it('offers upstream and invocation', () => {
    expect(RECORD_PARENTINGS).toEqual(['upstream', 'invocation']);
  });
});

describe('readFlush', () => {
  it.each<
    [Record<string, string>, { capMs: number; marginMs: number; failingCapMs: number }, string[]]
  >([
    [{}, { capMs: 2000, marginMs: 500, failingCapMs: 100 }, []],
    [
      { LAMBDA_OTEL_FLUSH_CAP_MS: '1000', LAMBDA_OTEL_FLUSH_MARGIN_MS: '0' },
      { capMs: 1000, marginMs: 0, failingCapMs: 100 },
      [],
    ],
    [
      { LAMBDA_OTEL_FLUSH_CAP_MS: '-5' },
      { capMs: 2000, marginMs: 500, failingCapMs: 100 },
      ['LAMBDA_OTEL_FLUSH_CAP_MS'],
    ],
    [
      { LAMBDA_OTEL_FLUSH_CAP_MS: '2s' },
      { capMs: 2000, marginMs: 500, failingCapMs: 100 },
      ['LAMBDA_OTEL_FLUSH_CAP_MS'],
    ],
    [
      { LAMBDA_OTEL_FLUSH_FAILING_CAP_MS: '250' },
      { capMs: 2000, marginMs: 500, failingCapMs: 250 },
      [],
    ],
    [
      { LAMBDA_OTEL_FLUSH_FAILING_CAP_MS: 'fast' },
      { capMs: 2000, marginMs: 500, failingCapMs: 100 },
      ['LAMBDA_OTEL_FLUSH_FAILING_CAP_MS'],
    ],
    [
      { LAMBDA_OTEL_FLUSH_MARGIN_MS: '3000000000' },
      { capMs: 2000, marginMs: 500, failingCapMs: 100 },
      ['LAMBDA_OTEL_FLUSH_MARGIN_MS'],
    ],
  ])('%j → %j', (env, expected, warnings) => {
    expect(readFlush(createEnvReader(env), undefined)).toEqual(expected);
    expect(warned()).toEqual(warnings);
  });

  it('takes option fields over the variables', () => {
    const env = createEnvReader({
      LAMBDA_OTEL_FLUSH_CAP_MS: '1000',
      LAMBDA_OTEL_FLUSH_MARGIN_MS: '100',
    });

    expect(readFlush(env, { capMs: 50 })).toEqual({ capMs: 50, marginMs: 100, failingCapMs: 100 });
  });
});

describe('readRecordContextOrder', () => {
  it.each<[string | undefined, RecordContextSource[], string[]]>([
    [undefined, [...RECORD_CONTEXT_SOURCES], []],
    ['sns, Datadog', ['sns', 'datadog'], []],
    ['sns,sns', ['sns'], []],
    ['none', [], []],
    ['sns,bogus', ['sns'], ['LAMBDA_OTEL_RECORD_CONTEXT_ORDER names an unknown source "bogus"']],
    [
      'bogus',
      [...RECORD_CONTEXT_SOURCES],
      ['unknown source "bogus"', 'LAMBDA_OTEL_RECORD_CONTEXT_ORDER is not'],
    ],
    ['none,sns', ['sns'], ['unknown source "none"']],
  ])('%j → %j', (value, expected, warnings) => {
    const env = createEnvReader({ LAMBDA_OTEL_RECORD_CONTEXT_ORDER: value });

    expect(readRecordContextOrder(env, undefined)).toEqual(expected);
    expect(messages).toHaveLength(warnings.length);
    for (const [at, warning] of warnings.entries()) expect(messages[at]).toContain(warning);
  });

  it('takes the option, deduplicated', () => {
    const env = createEnvReader({ LAMBDA_OTEL_RECORD_CONTEXT_ORDER: 'sns' });

    expect(readRecordContextOrder(env, ['datadog', 'datadog', 'aws-trace-header'])).toEqual([
      'datadog',
      'aws-trace-header',
    ]);
  });
});

describe('readRecordParenting', () => {
  it.each<[string | undefined, string, string[]]>([
    [undefined, 'upstream', []],
    ['invocation', 'invocation', []],
    ['UPSTREAM', 'upstream', []],
    ['parent', 'upstream', ['LAMBDA_OTEL_RECORD_PARENTING']],
  ])('%j → %s', (value, expected, warnings) => {
    expect(
      readRecordParenting(createEnvReader({ LAMBDA_OTEL_RECORD_PARENTING: value }), undefined),
    ).toBe(expected);
    expect(warned()).toEqual(warnings);
  });

  it('takes the option over the variable', () => {
    const env = createEnvReader({ LAMBDA_OTEL_RECORD_PARENTING: 'upstream' });

    expect(readRecordParenting(env, 'invocation')).toBe('invocation');
  });
});
