import type { SNSEvent, SNSEventRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { snsEvent, snsNotification, snsRecord } from '../../src/events/sns.js';
import { datadogCarrier, extractW3c, UP, UP_DATADOG, UP_IDS } from '../support/propagation.js';

describe('snsRecord', () => {
  it('builds an SNS record as Lambda delivers it', () => {
    // Act
    const record = snsRecord({ message: { id: 1 }, subject: 'order', seed: 1 });

    // Assert
    expectTypeOf(record).toEqualTypeOf<SNSEventRecord>();
    expect(record).toMatchObject({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      Sns: {
        Type: 'Notification',
        Message: '{"id":1}',
        Subject: 'order',
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:order-events',
        Timestamp: '2024-06-01T12:00:00.000Z',
        MessageAttributes: {},
        SignatureVersion: '1',
      },
    });
    expect(record.EventSubscriptionArn).toMatch(
      /^arn:aws:sns:us-east-1:123456789012:order-events:[0-9a-f-]{36}$/,
    );
    expect(record.Sns.SigningCertUrl).toMatch(/^https:\/\/sns\.us-east-1\.amazonaws\.com\//);
    expect(record.Sns.UnsubscribeUrl).toContain(record.EventSubscriptionArn);
  });

  it('carries W3C and Datadog (binary and string) contexts as message attributes', () => {
    // Act
    const w3c = snsRecord({ upstream: { kind: 'w3c', ...UP } }).Sns.MessageAttributes;
    const binary = snsRecord({ upstream: { kind: 'datadog-binary', ...UP } }).Sns.MessageAttributes;
    const text = snsRecord({ upstream: { kind: 'datadog-string', ...UP } }).Sns.MessageAttributes;

    // Assert
    expect(extractW3c({ traceparent: w3c.traceparent?.Value ?? '' })).toMatchObject(UP_IDS);
    expect(binary._datadog?.Type).toBe('Binary');
    expect(datadogCarrier({ base64: binary._datadog?.Value })['x-datadog-parent-id']).toBe(
      UP_DATADOG.parentId,
    );
    expect(datadogCarrier({ string: text._datadog?.Value })['x-datadog-trace-id']).toBe(
      UP_DATADOG.traceId,
    );
  });

  it('takes the region from a given topic ARN', () => {
    // Act
    const record = snsRecord({ topicArn: 'arn:aws:sns:eu-central-1:111122223333:t' });

    // Assert
    expect(record.Sns.TopicArn).toBe('arn:aws:sns:eu-central-1:111122223333:t');
    expect(record.Sns.SigningCertUrl).toContain('sns.eu-central-1.amazonaws.com');
  });
});

describe('snsNotification', () => {
  it('is the JSON envelope SNS sends to queues, with …URL spellings', () => {
    // Act
    const notification = snsNotification({
      message: 'hi',
      upstream: { kind: 'w3c', ...UP },
      seed: 2,
    });

    // Assert
    expect(notification).toMatchObject({ Type: 'Notification', Message: 'hi' });
    expect(notification.SigningCertURL).toMatch(/^https:/);
    expect(notification.UnsubscribeURL).toMatch(/Action=Unsubscribe/);
    expect(notification.MessageAttributes?.traceparent?.Value).toMatch(/^00-/);
    expect(snsNotification({ message: 'hi' }).MessageAttributes).toBeUndefined();
    expect(Object.keys(snsNotification({ subject: 's' }))).toStrictEqual([
      'Type',
      'MessageId',
      'TopicArn',
      'Subject',
      'Message',
      'Timestamp',
      'SignatureVersion',
      'Signature',
      'SigningCertURL',
      'UnsubscribeURL',
    ]);
  });
});

describe('snsEvent', () => {
  it('holds one record by default and several when asked, with distinct ids', () => {
    // Act
    const one = snsEvent({ message: 'a' });
    const two = snsEvent({ seed: 1, records: [{ message: 'a' }, { message: 'b' }] });

    // Assert
    expectTypeOf(one).toEqualTypeOf<SNSEvent>();
    expect(one.Records).toHaveLength(1);
    expect(two.Records.map((r) => r.Sns.Message)).toStrictEqual(['a', 'b']);
    expect(two.Records[0]?.Sns.MessageId).not.toBe(two.Records[1]?.Sns.MessageId);
  });
});
