import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTrigger, type FaasTrigger, type TriggerKind } from '../src/trigger.js';
import {
  albEvent,
  apiGatewayV1Event,
  apiGatewayV2Event,
  dynamoDbStreamEvent,
  eventBridgeEvent,
  functionUrlEvent,
  kinesisStreamEvent,
  s3Event,
  scheduledEvent,
  snsEvent,
  snsToSqsRecord,
  sqsEvent,
} from './support/events.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);

describe('detectTrigger', () => {
  const cases: ReadonlyArray<[string, unknown, TriggerKind, FaasTrigger]> = [
    ['API Gateway REST (v1 payload)', apiGatewayV1Event(), 'api-gateway-rest', 'http'],
    ['API Gateway HTTP API (v2 payload)', apiGatewayV2Event(), 'api-gateway-http', 'http'],
    ['ALB, single-value headers', albEvent(), 'alb', 'http'],
    ['ALB, multi-value headers', albEvent({ multiValue: true }), 'alb', 'http'],
    ['Function URL', functionUrlEvent(), 'function-url', 'http'],
    ['SQS', sqsEvent({ records: 3 }), 'sqs', 'pubsub'],
    ['SQS fed by SNS', { Records: [snsToSqsRecord({ message: 'hi' })] }, 'sqs', 'pubsub'],
    ['SNS', snsEvent(), 'sns', 'pubsub'],
    ['EventBridge', eventBridgeEvent({ detail: { orderId: 7 } }), 'eventbridge', 'pubsub'],
    ['EventBridge rule schedule', scheduledEvent(), 'schedule', 'timer'],
    ['EventBridge Scheduler', scheduledEvent({ via: 'scheduler' }), 'schedule', 'timer'],
    ['S3', s3Event(), 's3', 'datasource'],
    ['DynamoDB stream', dynamoDbStreamEvent(), 'dynamodb', 'datasource'],
    ['Kinesis stream', kinesisStreamEvent(), 'kinesis', 'datasource'],
    ['direct invoke with an object', { orderId: 42 }, 'direct', 'other'],
  ];

  it.each(cases)('recognises %s', (_name, event, kind, faasTrigger) => {
    // Arrange: the event comes from the factory. Act:
    const trigger = detectTrigger(event);

    // Assert
    expect(trigger).toEqual({ kind, faasTrigger });
  });

  it('takes an HTTP API event with payload format 1.0 as the REST shape it copies', () => {
    const event = { ...apiGatewayV1Event(), version: '1.0' };

    expect(detectTrigger(event).kind).toBe('api-gateway-rest');
  });

  it('tells a Function URL from an HTTP API by its lambda-url domain only', () => {
    const url = functionUrlEvent();
    const relabelled = {
      ...url,
      requestContext: { ...url.requestContext, domainName: 'api.example.com' },
    };

    expect(detectTrigger(url).kind).toBe('function-url');
    expect(detectTrigger(relabelled).kind).toBe('api-gateway-http');
  });

  it('treats an EventBridge event whose detail-type only looks scheduled as EventBridge', () => {
    const event = eventBridgeEvent({ detailType: 'Scheduled Event', source: 'com.example' });

    expect(detectTrigger(event).kind).toBe('eventbridge');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'hello'],
    ['a number', 0],
    ['an array', [{ eventSource: 'aws:sqs' }]],
    ['empty Records', { Records: [] }],
    ['a record that is not an object', { Records: [null] }],
    ['an unknown event source', { Records: [{ eventSource: 'aws:kafka' }] }],
    ['a requestContext without a method', { requestContext: {} }],
    ['payload 2.0 without requestContext.http', { version: '2.0', requestContext: {} }],
    ['a detail-type without a source', { 'detail-type': 'OrderPlaced' }],
  ])('answers direct for %s', (_name, event) => {
    expect(detectTrigger(event)).toEqual({ kind: 'direct', faasTrigger: 'other' });
  });

  it('never throws and always answers a known kind, whatever JSON it is given', () => {
    const kinds = new Set(cases.map(([, , kind]) => kind));

    fc.assert(
      fc.property(fc.jsonValue(), (event) => {
        const trigger = detectTrigger(event);
        expect(kinds.has(trigger.kind)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('never throws on JSON shaped like the events it looks into', () => {
    const json = fc.jsonValue({ maxDepth: 2 });
    const shaped = fc.record(
      {
        Records: fc.array(fc.record({ eventSource: json, EventSource: json }), { maxLength: 2 }),
        requestContext: fc.record({ elb: json, http: json, domainName: json }),
        version: fc.constantFrom('2.0', '1.0', 2),
        httpMethod: json,
        'detail-type': fc.oneof(fc.constant('Scheduled Event'), json),
        source: fc.oneof(fc.constantFrom('aws.events', 'aws.scheduler'), json),
      },
      { requiredKeys: [] },
    );

    fc.assert(
      fc.property(shaped, (event) => {
        expect(() => detectTrigger(event)).not.toThrow();
      }),
      { numRuns },
    );
  });
});
