import { detectTrigger } from '@lambda-otel-kit/lambda';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_FORMATS, sampleEvent, TRIGGER_NAMES } from '../src/sample-events.js';

const EXPECTED_KIND: Record<string, string> = {
  sqs: 'sqs',
  'sqs-fifo': 'sqs',
  sns: 'sns',
  'sns-sqs': 'sqs',
  eventbridge: 'eventbridge',
  'eventbridge-sqs': 'sqs',
  'apigw-rest': 'api-gateway-rest',
  'apigw-http': 'api-gateway-http',
  alb: 'alb',
  'function-url': 'function-url',
  s3: 's3',
  dynamodb: 'dynamodb',
  kinesis: 'kinesis',
  schedule: 'schedule',
  direct: 'direct',
};

describe('sampleEvent', () => {
  it.each(TRIGGER_NAMES)('builds a %s event the kit recognises', (trigger) => {
    // Act
    const sample = sampleEvent(trigger);
    // Assert
    expect(detectTrigger(sample?.event).kind).toBe(EXPECTED_KIND[trigger]);
    expect(sample?.formats.length).toBe(
      SUPPORTED_FORMATS[trigger].length -
        (SUPPORTED_FORMATS[trigger].includes('b3-single') ? 1 : 0),
    );
  });

  it('writes one record per format plus one without context for SQS batches', () => {
    // Act
    const event = sampleEvent('sqs')?.event as {
      Records: Array<{
        messageAttributes: Record<string, unknown>;
        attributes: Record<string, string>;
      }>;
    };
    // Assert
    expect(event.Records).toHaveLength(4);
    expect(event.Records[0]?.messageAttributes.traceparent).toBeDefined();
    expect(event.Records[1]?.messageAttributes._datadog).toBeDefined();
    expect(event.Records[2]?.attributes.AWSTraceHeader).toMatch(/^Root=1-/);
    expect(event.Records[3]?.messageAttributes).toEqual({});
  });

  it('carries only the formats asked for, and refuses one the trigger cannot carry', () => {
    // Act
    const datadog = sampleEvent('apigw-http', ['datadog'])?.event as {
      headers: Record<string, string>;
    };
    // Assert
    expect(Object.keys(datadog.headers).filter((h) => h.startsWith('x-datadog-'))).not.toHaveLength(
      0,
    );
    expect(datadog.headers.traceparent).toBeUndefined();
    expect(sampleEvent('s3', ['w3c'])).toBeUndefined();
    expect(sampleEvent('carrier-pigeon')).toBeUndefined();
  });
});
