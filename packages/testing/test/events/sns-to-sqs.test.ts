import type { SQSRecord } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SnsNotification } from '../../src/events/sns.js';
import { snsToSqsRecord } from '../../src/events/sns-to-sqs.js';
import {
  datadogCarrier,
  extractW3c,
  extractXray,
  UP,
  UP_DATADOG,
  UP_IDS,
} from '../support/propagation.js';

describe('snsToSqsRecord', () => {
  it('wraps the message in the SNS notification JSON without raw delivery', () => {
    // Act
    const record = snsToSqsRecord({
      message: { orderId: 1 },
      upstream: { kind: 'w3c', ...UP },
      seed: 1,
    });
    const body = JSON.parse(record.body) as SnsNotification;

    // Assert
    expectTypeOf(record).toEqualTypeOf<SQSRecord>();
    expect(body).toMatchObject({
      Type: 'Notification',
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:order-events',
      Message: '{"orderId":1}',
    });
    expect(
      extractW3c({ traceparent: body.MessageAttributes?.traceparent?.Value ?? '' }),
    ).toMatchObject(UP_IDS);
    expect(record.messageAttributes).toStrictEqual({});
    expect(record.eventSource).toBe('aws:sqs');
  });

  it('keeps a binary _datadog attribute base64 inside the envelope', () => {
    // Act
    const record = snsToSqsRecord({ upstream: { kind: 'datadog-binary', ...UP } });
    const body = JSON.parse(record.body) as SnsNotification;

    // Assert
    expect(body.MessageAttributes?._datadog?.Type).toBe('Binary');
    expect(datadogCarrier({ base64: body.MessageAttributes?._datadog?.Value })).toMatchObject({
      'x-datadog-trace-id': UP_DATADOG.traceId,
    });
  });

  it('delivers the bare message and SQS attributes with raw delivery', () => {
    // Act
    const record = snsToSqsRecord({
      raw: true,
      message: 'plain text',
      upstream: [
        { kind: 'w3c', ...UP },
        { kind: 'datadog-binary', ...UP },
      ],
      messageAttributes: { count: { Type: 'Number', Value: '3' } },
    });

    // Assert
    expect(record.body).toBe('plain text');
    expect(record.messageAttributes.traceparent).toMatchObject({ dataType: 'String' });
    expect(
      extractW3c({ traceparent: record.messageAttributes.traceparent?.stringValue ?? '' }),
    ).toMatchObject(UP_IDS);
    expect(record.messageAttributes._datadog?.dataType).toBe('Binary');
    expect(
      datadogCarrier({ base64: record.messageAttributes._datadog?.binaryValue }),
    ).toMatchObject({
      'x-datadog-parent-id': UP_DATADOG.parentId,
    });
    expect(record.messageAttributes.count).toMatchObject({ dataType: 'Number', stringValue: '3' });
    expect(record.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
  });

  it('turns an X-Ray upstream into AWSTraceHeader (SNS active tracing)', () => {
    // Act
    const record = snsToSqsRecord({ upstream: { kind: 'xray', ...UP } });
    const body = JSON.parse(record.body) as SnsNotification;

    // Assert
    expect(extractXray(record.attributes.AWSTraceHeader ?? '')).toMatchObject(UP_IDS);
    expect(body.MessageAttributes).toBeUndefined();
  });

  it('uses the queue ARN, SQS message id and region given', () => {
    // Act
    const record = snsToSqsRecord({
      queueArn: 'arn:aws:sqs:eu-west-1:111122223333:fanout',
      sqsMessageId: 'sqs-1',
      messageId: 'sns-1',
    });

    // Assert
    expect(record).toMatchObject({ messageId: 'sqs-1', awsRegion: 'eu-west-1' });
    expect(JSON.parse(record.body).MessageId).toBe('sns-1');
  });
});
