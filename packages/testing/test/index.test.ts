import { describe, expect, it } from 'vitest';
import * as testing from '../src/index.js';

describe('package entry', () => {
  it('exports the harness, the event factories and the span-tree helpers as functions', () => {
    // Arrange
    const expected = [
      // OTLP receiver and runtime
      'startOtlpReceiver',
      'getFreePort',
      'startLambdaRuntime',
      'startRuntimeApiEmulator',
      'invokeInProcess',
      'createLambdaContext',
      'resolveRuntimeClientPath',
      // SQS endpoint stand-in
      'startSqsEndpoint',
      // events
      'sqsRecord',
      'sqsEvent',
      'snsRecord',
      'snsEvent',
      'snsNotification',
      'snsToSqsRecord',
      'eventBridgeEvent',
      'eventBridgeToSqsRecord',
      'apiGatewayV1Event',
      'apiGatewayV2Event',
      'albEvent',
      'functionUrlEvent',
      'clientContext',
      'encodeClientContext',
      'clientContextHeader',
      'scheduledEvent',
      's3Event',
      's3Record',
      'kinesisStreamEvent',
      'kinesisStreamRecord',
      'dynamoDbStreamEvent',
      'dynamoDbStreamRecord',
      'toAttributeValue',
      'idSource',
      'upstreamContext',
      'upstreamHeaders',
      'traceparent',
      'w3cHeaders',
      'datadogHeaders',
      'datadogDecimalId',
      'xrayTraceHeader',
      'b3Headers',
      'b3SingleHeader',
      'sqsCarrier',
      'snsCarrier',
      'stringAttribute',
      'md5OfMessageAttributes',
      'lambdaMessageAttributes',
      'queueArnOf',
      'sqsRecordFromMessage',
      'sqsEventFromMessages',
      // span trees
      'buildSpanTrees',
      'assertTreeShape',
      'treeMismatches',
      'findSpan',
      'findSpans',
      'describeTree',
      'renderWaterfall',
      'fromReadableSpans',
    ];

    // Act
    const exported = Object.keys(testing).sort();

    // Assert
    expect(exported).toStrictEqual([...expected].sort());
    for (const name of expected) {
      expect(typeof (testing as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
