// instrumentHandler under the real aws-lambda-ric, driven by the Runtime API emulator, exporting
// to the OTLP receiver: what a deployed function does, minus AWS.
import { fileURLToPath } from 'node:url';
import {
  type LambdaRuntime,
  type OtlpReceiver,
  type ReceivedSpan,
  startLambdaRuntime,
  startOtlpReceiver,
} from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  albEvent,
  apiGatewayV1Event,
  apiGatewayV2Event,
  clientContext,
  dynamoDbStreamEvent,
  eventBridgeEvent,
  functionUrlEvent,
  kinesisStreamEvent,
  s3Event,
  scheduledEvent,
  snsEvent,
  sqsEvent,
  upstreamContext,
} from './support/events.js';

const taskRoot = fileURLToPath(new URL('./fixtures/', import.meta.url));
const up = upstreamContext({ seed: 7 });
const XRAY_TRACE = `Root=1-${up.traceId.slice(0, 8)}-${up.traceId.slice(8)};Parent=${up.spanId};Sampled=1`;

async function withRuntime(
  receiver: OtlpReceiver,
  env: Record<string, string>,
  handler = 'handlers.handler',
): Promise<LambdaRuntime> {
  return startLambdaRuntime({
    handler,
    taskRoot,
    functionName: 'orders',
    timeoutMs: 5000,
    env: {
      OTEL_SERVICE_NAME: 'orders-api',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl ?? '',
      OTEL_PROPAGATORS: 'tracecontext,baggage,datadog,xray,b3',
      ...env,
    },
  });
}

const invokeSpan = (spans: readonly ReceivedSpan[], requestId: string) =>
  spans.find((s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === requestId);

describe('instrumentHandler under the runtime interface client', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  describe('a trace per trigger', () => {
    let runtime: LambdaRuntime;
    beforeAll(async () => {
      runtime = await withRuntime(receiver, {});
    });
    afterAll(() => runtime.stop());

    const cases = [
      ['api-gateway REST', apiGatewayV1Event({ upstream: { kind: 'w3c', ...up } }), 'http', true],
      [
        'api-gateway HTTP',
        apiGatewayV2Event({ upstream: { kind: 'datadog', ...up } }),
        'http',
        true,
      ],
      ['ALB', albEvent({ upstream: { kind: 'xray', ...up } }), 'http', true],
      ['Function URL', functionUrlEvent({ upstream: { kind: 'b3', ...up } }), 'http', true],
      ['SNS', snsEvent({ upstream: { kind: 'w3c', ...up } }), 'pubsub', true],
      ['EventBridge', eventBridgeEvent({ upstream: { kind: 'datadog', ...up } }), 'pubsub', true],
      ['SQS', sqsEvent({ records: 2 }), 'pubsub', false],
      ['S3', s3Event(), 'datasource', false],
      ['DynamoDB stream', dynamoDbStreamEvent(), 'datasource', false],
      ['Kinesis stream', kinesisStreamEvent(), 'datasource', false],
      ['schedule', scheduledEvent(), 'timer', false],
      ['direct invoke', { orderId: 42 }, 'other', false],
    ] as const;

    it.each(cases)('%s', async (_name, event, faasTrigger, continuesUpstream) => {
      const result = await runtime.invoke(event);

      expect(result).toMatchObject({ ok: true, response: { statusCode: 200, body: 'ok' } });
      const spans = await receiver.waitForSpans(
        (all) => invokeSpan(all, result.requestId) !== undefined,
      );
      const span = invokeSpan(spans, result.requestId);
      expect(span).toMatchObject({
        kind: SpanKind.SERVER,
        attributes: {
          'faas.trigger': faasTrigger,
          'cloud.account.id': '123456789012',
          'aws.lambda.invoked_arn': 'arn:aws:lambda:us-east-1:123456789012:function:orders',
        },
        resource: { 'service.name': 'orders-api', 'faas.name': 'orders', 'cloud.provider': 'aws' },
      });
      if (continuesUpstream) expect(span?.traceId).toBe(up.traceId);
      else expect(span?.parentSpanId).toBeUndefined();
      if (faasTrigger === 'http') expect(span?.attributes['http.response.status_code']).toBe(200);
      const work = spans.find((s) => s.name === 'work' && s.parentSpanId === span?.spanId);
      expect(work?.traceId).toBe(span?.traceId);
    });

    it('direct invoke with a ClientContext continues the caller’s trace', async () => {
      const result = await runtime.invoke(
        { kit: {} },
        { clientContext: clientContext({ upstream: { kind: 'w3c', ...up } }) },
      );

      const spans = await receiver.waitForSpans((all) => !!invokeSpan(all, result.requestId));
      expect(invokeSpan(spans, result.requestId)).toMatchObject({
        traceId: up.traceId,
        parentSpanId: up.spanId,
        attributes: { 'lambda_otel.context.source': 'client-context' },
      });
    });

    it('passes a thrown error to the runtime unchanged and marks the span', async () => {
      const result = await runtime.invoke({ kit: { throw: 'out of stock' } });

      expect(result).toMatchObject({
        ok: false,
        error: { errorType: 'Error', errorMessage: 'out of stock' },
      });
      const spans = await receiver.waitForSpans((all) => !!invokeSpan(all, result.requestId));
      expect(invokeSpan(spans, result.requestId)?.status).toEqual({
        code: SpanStatusCode.ERROR,
        message: 'out of stock',
      });
    });
  });

  it('takes the invocation’s X-Ray header as parent with the xray-lambda propagator', async () => {
    const runtime = await withRuntime(receiver, { OTEL_PROPAGATORS: 'tracecontext,xray-lambda' });
    try {
      const result = await runtime.invoke({ orderId: 1 }, { traceId: XRAY_TRACE });

      const spans = await receiver.waitForSpans((all) => !!invokeSpan(all, result.requestId));
      expect(invokeSpan(spans, result.requestId)).toMatchObject({
        traceId: up.traceId,
        parentSpanId: up.spanId,
        attributes: { 'lambda_otel.context.source': 'lambda-trace-env' },
      });
    } finally {
      await runtime.stop();
    }
  });

  it.each([
    ['ES module, callback style', 'handlers.callback'],
    ['CommonJS', 'commonjs.handler'],
  ])('wraps %s handlers', async (_name, handler) => {
    const runtime = await withRuntime(
      receiver,
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl ?? '' },
      handler,
    );
    try {
      const result = await runtime.invoke({ n: 3 });

      expect(result).toMatchObject({
        ok: true,
        response: { statusCode: 200, body: expect.stringContaining('3') },
      });
      const spans = await receiver.waitForSpans((all) => !!invokeSpan(all, result.requestId));
      expect(invokeSpan(spans, result.requestId)?.protocol).toBe('grpc');
    } finally {
      await runtime.stop();
    }
  });
});
