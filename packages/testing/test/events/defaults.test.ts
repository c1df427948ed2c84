import { describe, expect, it } from 'vitest';
import {
  arnParts,
  asList,
  bodyText,
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  iamUniqueId,
  isoTime,
} from '../../src/events/defaults.js';
import { idSource } from '../../src/events/ids.js';

describe('DEFAULT_REGION and DEFAULT_ACCOUNT', () => {
  it('are a real region and a twelve-digit account', () => {
    expect(DEFAULT_REGION).toBe('us-east-1');
    expect(DEFAULT_ACCOUNT).toMatch(/^\d{12}$/);
  });
});

describe('arnParts', () => {
  it.each([
    [
      'arn:aws:sqs:eu-west-1:111122223333:orders',
      { region: 'eu-west-1', account: '111122223333', resource: 'orders' },
    ],
    [
      'arn:aws:lambda:us-east-1:1:function:f:live',
      { region: 'us-east-1', account: '1', resource: 'function:f:live' },
    ],
  ])('reads %s', (arn, parts) => {
    expect(arnParts(arn)).toStrictEqual(parts);
  });

  it.each(['', 'orders', 'arn:aws:sqs:eu-west-1', 'urn:aws:sqs:r:a:q'])('rejects %j', (arn) => {
    expect(arnParts(arn)).toBeUndefined();
  });
});

describe('bodyText', () => {
  it('keeps strings, encodes objects, and falls back when undefined', () => {
    expect(bodyText('raw', 'x')).toBe('raw');
    expect(bodyText({ id: 1 }, 'x')).toBe('{"id":1}');
    expect(bodyText(undefined, 'x')).toBe('x');
  });
});

describe('iamUniqueId', () => {
  it('looks like an IAM user id', () => {
    expect(iamUniqueId(idSource(1))).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });
});

describe('isoTime', () => {
  it('writes milliseconds by default and drops them for seconds', () => {
    expect(isoTime(1_717_243_200_123)).toBe('2024-06-01T12:00:00.123Z');
    expect(isoTime(1_717_243_200_123, 'seconds')).toBe('2024-06-01T12:00:00Z');
  });
});

describe('asList', () => {
  it('wraps one item, keeps a list, and empties undefined', () => {
    expect(asList('a')).toStrictEqual(['a']);
    expect(asList(['a', 'b'])).toStrictEqual(['a', 'b']);
    expect(asList(undefined)).toStrictEqual([]);
  });
});
