import { describe, expect, it } from 'vitest';
import { unwrapPayload } from '../src/envelope.js';

const sns = JSON.stringify({
  Type: 'Notification',
  TopicArn: 'arn:aws:sns:us-east-1:1:t',
  Message: 'hi',
});
const eventBridge = JSON.stringify({ 'detail-type': 'OrderPlaced', detail: { id: 7 } });

describe('unwrapPayload', () => {
  it.each([
    ['none', sns, sns, undefined],
    ['sns', sns, 'hi', 'sns'],
    ['sns', eventBridge, eventBridge, undefined],
    ['eventbridge', eventBridge, { id: 7 }, 'eventbridge'],
    ['eventbridge', sns, sns, undefined],
    ['auto', sns, 'hi', 'sns'],
    ['auto', eventBridge, { id: 7 }, 'eventbridge'],
    ['auto', 'plain text', 'plain text', undefined],
    ['auto', '{not json', '{not json', undefined],
  ] as const)('mode %s', (mode, body, payload, envelope) => {
    expect(unwrapPayload(body, mode)).toEqual({ payload, envelope });
  });
});
