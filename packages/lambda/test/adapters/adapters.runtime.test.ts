// The seed case under the real aws-lambda-ric, driven by the Runtime API emulator, exporting
// to the OTLP receiver: each adapter's app in a runtime process of its own.
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
import { apiGatewayV1Event, apiGatewayV2Event, upstreamContext } from '../support/events.js';

const taskRoot = fileURLToPath(new URL('../fixtures/', import.meta.url));

const spansOf = (spans: readonly ReceivedSpan[], requestId: string) => {
  const invoke = spans.find(
    (s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === requestId,
  );
  return {
    invoke,
    inTrace: spans.filter((s) => invoke !== undefined && s.traceId === invoke.traceId),
  };
};

describe.each([
  ['Hono', 'adapters.hono'],
  ['serverless-http', 'adapters.serverlessHttp'],
  ['serverless-express', 'adapters.serverlessExpress'],
])('%s under the runtime interface client', (_name, handler) => {
  let receiver: OtlpReceiver;
  let runtime: LambdaRuntime;
  beforeAll(async () => {
    receiver = await startOtlpReceiver({ protocols: ['http'] });
    runtime = await startLambdaRuntime({
      handler,
      taskRoot,
      functionName: 'orders-api',
      timeoutMs: 5000,
      env: {
        OTEL_SERVICE_NAME: 'orders-api',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl ?? '',
        OTEL_PROPAGATORS: 'tracecontext,baggage,datadog,xray',
      },
    });
  });
  afterAll(async () => {
    await runtime.stop();
    await receiver.close();
  });

  it('answers each request in a trace of its own, parented on the caller, route spans below', async () => {
    const callers = [
      upstreamContext({ seed: `${handler} w3c` }),
      upstreamContext({ seed: `${handler} datadog` }),
      upstreamContext({ seed: `${handler} xray` }),
    ] as const;
    const events = [
      apiGatewayV2Event({
        path: '/orders/42',
        routeKey: 'GET /orders/{id}',
        upstream: { kind: 'w3c', ...callers[0] },
      }),
      apiGatewayV1Event({
        path: '/orders/42',
        resource: '/orders/{id}',
        upstream: { kind: 'datadog', ...callers[1] },
      }),
      apiGatewayV2Event({ path: '/orders/42', upstream: { kind: 'xray', ...callers[2] } }),
    ];

    const results = [];
    for (const event of events) results.push(await runtime.invoke(event));

    for (const result of results) {
      expect(result).toMatchObject({ ok: true, response: { statusCode: 200 } });
    }
    const spans = await receiver.waitForSpans(9);
    for (const [i, result] of results.entries()) {
      const { invoke, inTrace } = spansOf(spans, result.requestId);
      const load = inTrace.find((s) => s.name === 'load order');
      const query = inTrace.find((s) => s.name === 'query orders table');
      expect(invoke).toMatchObject({
        traceId: callers[i]?.traceId,
        parentSpanId: callers[i]?.spanId,
        kind: SpanKind.SERVER,
        attributes: {
          'faas.trigger': 'http',
          'url.path': '/orders/42',
          'http.response.status_code': 200,
        },
        resource: { 'service.name': 'orders-api' },
      });
      expect(load?.parentSpanId).toBe(invoke?.spanId);
      expect(query?.parentSpanId).toBe(load?.spanId);
      expect(inTrace).toHaveLength(3);
    }
  });

  it('marks lambda.invoke as an error when the app answers 503, and passes the answer on', async () => {
    const result = await runtime.invoke(apiGatewayV2Event({ path: '/broken' }));

    expect(result).toMatchObject({ ok: true, response: { statusCode: 503 } });
    const spans = await receiver.waitForSpans(
      (all) => spansOf(all, result.requestId).invoke !== undefined,
    );
    expect(spansOf(spans, result.requestId).invoke).toMatchObject({
      attributes: { 'http.response.status_code': 503 },
      status: { code: SpanStatusCode.ERROR },
    });
  });
});
