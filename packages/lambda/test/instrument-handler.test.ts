import { createLambdaContext } from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { initTelemetry, instrumentHandler } from '../src/index.js';
import { useReceiver } from './support/harness.js';

const UPSTREAM_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const UPSTREAM_SPAN = '00f067aa0ba902b7';
const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders:live';

function httpApiEvent(headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: 'GET /orders/{id}',
    rawPath: '/orders/42',
    rawQueryString: '',
    headers: { 'user-agent': 'curl/8', host: 'api.example.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'api.example.com',
      http: {
        method: 'GET',
        path: '/orders/42',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: 'curl/8',
      },
      requestId: 'r1',
      routeKey: 'GET /orders/{id}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

const lambdaContext = (timeoutMs = 3000): Context =>
  createLambdaContext({ invokedFunctionArn: ARN, functionVersion: '7', timeoutMs });

describe('instrumentHandler', () => {
  const { receiver, options } = useReceiver();

  it.each(['http/protobuf', 'grpc'] as const)(
    'makes a lambda.invoke SERVER span continuing the caller’s traceparent (%s)',
    async (protocol) => {
      const handler = instrumentHandler(
        async () => {
          trace.getTracer('app').startSpan('load order').end();
          return { statusCode: 200, body: 'ok' };
        },
        { telemetryOptions: options(protocol) },
      );
      const context = lambdaContext();

      const result = await handler(
        httpApiEvent({ traceparent: `00-${UPSTREAM_TRACE}-${UPSTREAM_SPAN}-01` }),
        context,
      );

      expect(result).toEqual({ statusCode: 200, body: 'ok' });
      const spans = await receiver().waitForSpans(2);
      const invoke = spans.find((s) => s.name === 'lambda.invoke');
      const child = spans.find((s) => s.name === 'load order');
      expect(invoke).toMatchObject({
        traceId: UPSTREAM_TRACE,
        parentSpanId: UPSTREAM_SPAN,
        kind: SpanKind.SERVER,
        protocol,
        attributes: {
          'faas.trigger': 'http',
          'faas.invocation_id': context.awsRequestId,
          'faas.coldstart': true,
          'cloud.account.id': '123456789012',
          'cloud.resource_id': 'arn:aws:lambda:eu-west-1:123456789012:function:orders:7',
          'aws.lambda.invoked_arn': ARN,
          'http.request.method': 'GET',
          'url.path': '/orders/42',
          'http.route': '/orders/{id}',
          'http.response.status_code': 200,
          'lambda_otel.context.source': 'http-headers',
        },
        status: { code: SpanStatusCode.UNSET },
      });
      expect(invoke?.resource['service.name']).toBe('test-function');
      expect(child).toMatchObject({ traceId: UPSTREAM_TRACE, parentSpanId: invoke?.spanId });
    },
  );

  it('returns the very object the handler returned and marks only 5xx as errors', async () => {
    const answers = [{ statusCode: 404 }, { statusCode: 503 }];
    let call = 0;
    const handler = instrumentHandler(async () => answers[call++], { telemetryOptions: options() });

    const first = await handler(httpApiEvent(), lambdaContext());
    const second = await handler(httpApiEvent(), lambdaContext());

    expect(first).toBe(answers[0]);
    expect(second).toBe(answers[1]);
    const spans = await receiver().waitForSpans(2);
    expect(spans.map((s) => [s.attributes['http.response.status_code'], s.status.code])).toEqual([
      [404, SpanStatusCode.UNSET],
      [503, SpanStatusCode.ERROR],
    ]);
    expect(spans.map((s) => s.attributes['faas.coldstart'])).toEqual([true, false]);
  });

  it('rethrows the handler’s own error and records it on the span', async () => {
    const failure = new TypeError('order 42 is malformed');
    const handler = instrumentHandler(
      async () => {
        throw failure;
      },
      { telemetryOptions: options() },
    );

    await expect(handler({ orderId: 42 }, lambdaContext())).rejects.toBe(failure);

    const [span] = await receiver().waitForSpans(1);
    expect(span).toMatchObject({
      name: 'lambda.invoke',
      parentSpanId: undefined,
      status: { code: SpanStatusCode.ERROR, message: 'order 42 is malformed' },
      attributes: { 'faas.trigger': 'other', 'error.type': 'TypeError' },
    });
    expect(span?.events.map((e) => [e.name, e.attributes['exception.type']])).toEqual([
      ['exception', 'TypeError'],
    ]);
  });

  it('runs callback-style handlers and passes their result or error through', async () => {
    const handler = instrumentHandler(
      (
        event: { fail: boolean },
        _context: Context,
        callback: (e?: unknown, r?: string) => void,
      ) => {
        setImmediate(() => (event.fail ? callback(new Error('nope')) : callback(null, 'done')));
      },
      { telemetryOptions: options() },
    );

    expect(handler.length).toBe(2);
    await expect(handler({ fail: false }, lambdaContext())).resolves.toBe('done');
    await expect(handler({ fail: true }, lambdaContext())).rejects.toThrow('nope');
    const spans = await receiver().waitForSpans(2);
    expect(spans.map((s) => s.status.code)).toEqual([SpanStatusCode.UNSET, SpanStatusCode.ERROR]);
  });

  it('exports nothing and still runs the handler when OTEL_SDK_DISABLED=true', async () => {
    const telemetry = initTelemetry({ ...options(), env: { OTEL_SDK_DISABLED: 'true' } });
    const handler = instrumentHandler(async () => 'ran', { telemetry });

    await expect(handler({}, lambdaContext())).resolves.toBe('ran');

    expect(telemetry.enabled).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver().spans).toHaveLength(0);
  });

  it('ends and exports the span as timed out when the deadline comes first', async () => {
    const telemetry = initTelemetry({ ...options(), flush: { capMs: 1000, marginMs: 300 } });
    let release: () => void = () => {};
    const handler = instrumentHandler(
      () => new Promise<string>((resolve) => (release = () => resolve('late'))),
      { telemetry },
    );

    const pending = handler({}, lambdaContext(600));
    const [span] = await receiver().waitForSpans(1, { timeoutMs: 2000 });
    release();

    await expect(pending).resolves.toBe('late');
    expect(span).toMatchObject({
      name: 'lambda.invoke',
      status: { code: SpanStatusCode.ERROR },
      attributes: { 'lambda_otel.timed_out': true, 'error.type': 'timeout' },
    });
    expect(span?.durationMs).toBeGreaterThanOrEqual(250);
    expect(span?.durationMs).toBeLessThan(600); // before the deadline, even with late timers
  });
});
