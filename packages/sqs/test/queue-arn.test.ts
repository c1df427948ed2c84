import { describe, expect, it } from 'vitest';
import { parseQueueUrl, parseSqsArn, queueNameOf } from '../src/queue-arn.js';

describe('parseSqsArn', () => {
  it.each([
    ['arn:aws:sqs:us-east-1:123456789012:orders', 'orders', false, 'us-east-1'],
    ['arn:aws:sqs:eu-west-1:123456789012:orders.fifo', 'orders.fifo', true, 'eu-west-1'],
    ['arn:aws-cn:sqs:cn-north-1:123456789012:q_1-a', 'q_1-a', false, 'cn-north-1'],
  ])('parses %s', (arn, queueName, fifo, region) => {
    expect(parseSqsArn(arn)).toEqual({ queueName, fifo, region, accountId: '123456789012' });
  });

  it.each([
    undefined,
    42,
    '',
    'arn:aws:sns:us-east-1:123456789012:orders',
    'arn:aws:sqs:us-east-1:12345:orders',
    'arn:aws:sqs:us-east-1:123456789012:',
    'arn:aws:sqs:us-east-1:123456789012:bad/name',
  ])('returns undefined for %s', (arn) => {
    expect(parseSqsArn(arn)).toBeUndefined();
  });
});

describe('parseQueueUrl', () => {
  it('parses an AWS queue URL', () => {
    expect(parseQueueUrl('https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo')).toEqual({
      queueName: 'orders.fifo',
      accountId: '123456789012',
      region: 'us-east-1',
      fifo: true,
    });
  });

  it('parses a local endpoint URL without a region', () => {
    expect(parseQueueUrl('http://127.0.0.1:4566/000000000000/orders')?.queueName).toBe('orders');
  });

  it.each(['not a url', 'https://sqs.us-east-1.amazonaws.com/', 'https://x/abc/orders', 7])(
    'returns undefined for %s',
    (url) => {
      expect(parseQueueUrl(url)).toBeUndefined();
    },
  );
});

describe('queueNameOf', () => {
  it('reads an ARN or a URL', () => {
    expect(queueNameOf('arn:aws:sqs:us-east-1:123456789012:a')).toBe('a');
    expect(queueNameOf('https://sqs.us-east-1.amazonaws.com/123456789012/b')).toBe('b');
    expect(queueNameOf('nothing')).toBeUndefined();
  });
});
