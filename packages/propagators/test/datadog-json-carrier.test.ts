import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATADOG_ATTRIBUTE, parseDatadogJson } from '../src/datadog-json-carrier.js';
import { anyValue, numRuns } from './support/arbitraries.js';
import {
  datadogHeaders,
  eventBridgeEvent,
  snsRecord,
  sqsRecord,
  upstreamContext,
} from './support/events.js';

const up = upstreamContext({ seed: 5 });
const headers = datadogHeaders(up);

describe('DATADOG_ATTRIBUTE', () => {
  it('is _datadog', () => {
    expect(DATADOG_ATTRIBUTE).toBe('_datadog');
  });
});

describe('parseDatadogJson', () => {
  it.each<[string, unknown]>([
    [
      'an SQS String attribute',
      sqsRecord({ upstream: { kind: 'datadog-string', ...up } }).messageAttributes._datadog,
    ],
    [
      'an SQS Binary attribute',
      sqsRecord({ upstream: { kind: 'datadog-binary', ...up } }).messageAttributes._datadog,
    ],
    [
      'an SNS Binary attribute',
      snsRecord({ upstream: { kind: 'datadog-binary', ...up } }).Sns.MessageAttributes._datadog,
    ],
    [
      'an SNS String attribute',
      snsRecord({ upstream: { kind: 'datadog-string', ...up } }).Sns.MessageAttributes._datadog,
    ],
    [
      'an EventBridge detail object',
      (eventBridgeEvent({ upstream: { kind: 'datadog', ...up } }).detail as Record<string, unknown>)
        ._datadog,
    ],
    ['a JSON string', JSON.stringify(headers)],
  ])('reads %s', (_name, value) => {
    expect(parseDatadogJson(value)).toMatchObject(headers);
  });

  it('keeps strings and safe integers only', () => {
    expect(parseDatadogJson({ a: 'x', b: 12, c: 1.5, d: {}, e: 2 ** 60 })).toEqual({
      a: 'x',
      b: '12',
    });
  });

  it.each<[string, unknown]>([
    ['broken JSON', { dataType: 'String', stringValue: '{' }],
    ['a JSON array', '[1]'],
    ['a number', 5],
  ])('refuses %s', (_name, value) => {
    expect(parseDatadogJson(value)).toBeUndefined();
  });

  it('never throws and returns string fields only (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.json(), fc.record({ stringValue: fc.json() })), (value) => {
        const fields = parseDatadogJson(value);
        if (fields) for (const field of Object.values(fields)) expect(typeof field).toBe('string');
      }),
      { numRuns },
    );
  });
});
