import { describe, expect, it } from 'vitest';
import { queueAttributes, recordAttributes } from '../src/attributes.js';
import { sqsRecord } from './support/events.js';

describe('recordAttributes', () => {
  it('describes a standard-queue record without a context', () => {
    const record = sqsRecord({ messageId: 'id-1', body: 'abc', receiveCount: 2 });
    expect(recordAttributes(record, 'orders', undefined)).toEqual({
      'messaging.system': 'aws_sqs',
      'messaging.destination.name': 'orders',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.message.id': 'id-1',
      'messaging.message.body.size': 3,
      'lambda_otel.sqs.receive_count': 2,
      'lambda_otel.context.source': 'none',
    });
  });

  it('skips what a malformed record lacks', () => {
    const attributes = recordAttributes({ attributes: {} } as never, undefined, 'datadog');
    expect(attributes).toEqual({
      'messaging.system': 'aws_sqs',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'lambda_otel.context.source': 'datadog',
    });
  });
});

describe('queueAttributes', () => {
  it('names the system and, when known, the queue', () => {
    expect(queueAttributes('q')).toEqual({
      'messaging.system': 'aws_sqs',
      'messaging.destination.name': 'q',
    });
    expect(queueAttributes(undefined)).toEqual({ 'messaging.system': 'aws_sqs' });
  });
});
