// The seed case, shared by the adapter tests: a web app behind a Lambda adapter, wrapped by
// instrumentHandler, gives one trace per request, parented on the caller's headers, with the
// spans made inside routes as children of lambda.invoke. Each adapter test builds the same small
// app in its own framework and hands its adapter's handler to `adapterScenarios`.
import type { ReceivedSpan } from '@lambda-otel-kit/testing';
import { createLambdaContext } from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context } from 'aws-lambda';
import { expect, it } from 'vitest';
import { type AnyHandler, instrumentHandler } from '../../src/index.js';
import {
  albEvent,
  apiGatewayV1Event,
  apiGatewayV2Event,
  functionUrlEvent,
  upstreamContext,
} from './events.js';
import { useReceiver } from './harness.js';

/** What an adapter hands to Lambda, async or callback style, typed by each adapter. */
// biome-ignore lint/suspicious/noExplicitAny: adapters type their events each their own way
export type AdapterHandler = (event: any, context: Context, callback: any) => unknown;

/** The response every adapter builds from the app's answer. */
interface HttpResult {
  statusCode: number;
  body: string;
}

/**
 * The work the app does inside `GET /orders/:id`, as user code does it: a span from the global
 * tracer, made active so anything below it nests too.
 */
export async function loadOrder(id: string): Promise<{ id: string; status: string }> {
  return trace.getTracer('orders-app').startActiveSpan('load order', async (span) => {
    span.setAttribute('order.id', id);
    await new Promise((resolve) => setTimeout(resolve, 1));
    trace.getTracer('orders-app').startSpan('query orders table').end();
    span.end();
    return { id, status: 'shipped' };
  });
}

/** The app's routes: `GET /orders/:id` (200, JSON), `GET /broken` (503), anything else 404. */
export const ROUTES = { order: '/orders/42', broken: '/broken', unknown: '/nowhere' } as const;

const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live';
const PROPAGATORS = ['tracecontext', 'baggage', 'datadog', 'xray'] as const;

/** The upstream context and header format of a request. */
type Upstream = NonNullable<Parameters<typeof apiGatewayV2Event>[0]>['upstream'];

const v2Order = (upstream?: Upstream) =>
  apiGatewayV2Event({ path: ROUTES.order, routeKey: 'GET /orders/{id}', upstream });
const v1Order = (upstream?: Upstream) =>
  apiGatewayV1Event({
    path: ROUTES.order,
    resource: '/orders/{id}',
    pathParameters: { id: '42' },
    upstream,
  });
const albOrder = (upstream?: Upstream) => albEvent({ path: ROUTES.order, upstream });
const urlOrder = (upstream?: Upstream) => functionUrlEvent({ path: ROUTES.order, upstream });

/** lambda.invoke and the route's spans of one request, checked to form one tree. */
function requestTree(spans: readonly ReceivedSpan[], requestId: string) {
  const invoke = spans.find(
    (s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === requestId,
  );
  expect(invoke, `lambda.invoke of ${requestId}`).toBeDefined();
  const inTrace = spans.filter((s) => s.traceId === invoke?.traceId);
  const load = inTrace.find((s) => s.name === 'load order');
  const query = inTrace.find((s) => s.name === 'query orders table');
  return { invoke: invoke!, load, query, inTrace };
}

/**
 * Registers the seed-case tests for one adapter.
 *
 * @param makeHandler - builds the adapter's handler around a fresh app.
 */
export function adapterScenarios(makeHandler: () => AdapterHandler): void {
  const { receiver, options } = useReceiver();

  const instrumented = () =>
    instrumentHandler(makeHandler() as unknown as AnyHandler<unknown, HttpResult>, {
      telemetryOptions: options('http/protobuf', { propagators: [...PROPAGATORS] }),
    });
  const lambdaContext = () =>
    createLambdaContext({ invokedFunctionArn: ARN, functionVersion: '3' });

  const route = '/orders/{id}';
  const cases = [
    ['an HTTP API (v2) request with W3C traceparent', 'w3c', v2Order, route],
    ['a REST API (v1) request with W3C traceparent', 'w3c', v1Order, route],
    ['an HTTP API (v2) request with Datadog headers', 'datadog', v2Order, route],
    ['a REST API (v1) request with Datadog headers', 'datadog', v1Order, route],
    ['an HTTP API (v2) request with an X-Ray header', 'xray', v2Order, route],
    ['a REST API (v1) request with an X-Ray header', 'xray', v1Order, route],
    ['an ALB request with an X-Ray header', 'xray', albOrder, undefined],
    ['a Function URL request with W3C traceparent', 'w3c', urlOrder, undefined],
  ] as const;

  it.each(cases)('continues the caller’s trace for %s', async (name, kind, event, httpRoute) => {
    const up = upstreamContext({ seed: name });
    const handler = instrumented();
    const context = lambdaContext();

    const result = await handler(event({ kind, ...up }), context);

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ id: '42', status: 'shipped' });
    const spans = await receiver().waitForSpans(3);
    const { invoke, load, query } = requestTree(spans, context.awsRequestId);
    expect(invoke).toMatchObject({
      traceId: up.traceId,
      parentSpanId: up.spanId,
      kind: SpanKind.SERVER,
      status: { code: SpanStatusCode.UNSET },
      attributes: {
        'faas.trigger': 'http',
        'http.request.method': 'GET',
        'url.path': ROUTES.order,
        'http.response.status_code': 200,
        'cloud.resource_id': 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api:3',
      },
    });
    expect(invoke.attributes['http.route']).toBe(httpRoute);
    expect(load).toMatchObject({ parentSpanId: invoke.spanId, attributes: { 'order.id': '42' } });
    expect(query?.parentSpanId).toBe(load?.spanId);
  });

  it('makes one trace per request, each with its own route spans', async () => {
    const handler = instrumented();
    const callers = [1, 2, 3].map((seed) => upstreamContext({ seed: `caller ${seed}` }));
    const contexts = callers.map(() => lambdaContext());

    for (const [i, up] of callers.entries()) {
      await handler(v2Order({ kind: 'w3c', ...up }), contexts[i]!);
    }

    const spans = await receiver().waitForSpans(9);
    const trees = contexts.map((c) => requestTree(spans, c.awsRequestId));
    expect(trees.map((t) => t.invoke.traceId)).toEqual(callers.map((up) => up.traceId));
    expect(trees.map((t) => t.inTrace.length)).toEqual([3, 3, 3]);
    expect(trees.map((t) => t.invoke.attributes['faas.coldstart'])).toEqual([true, false, false]);
  });

  it('starts a new trace for a request without trace headers, route spans still below', async () => {
    const handler = instrumented();
    const context = lambdaContext();

    await handler(v2Order(), context);

    const { invoke, load } = requestTree(await receiver().waitForSpans(3), context.awsRequestId);
    expect(invoke.parentSpanId).toBeUndefined();
    expect(load?.parentSpanId).toBe(invoke.spanId);
  });

  it.each([
    [
      'a 503 from the app marks lambda.invoke as an error',
      ROUTES.broken,
      503,
      SpanStatusCode.ERROR,
    ],
    ['a 404 from the app leaves lambda.invoke unset', ROUTES.unknown, 404, SpanStatusCode.UNSET],
  ])('%s', async (_name, path, statusCode, code) => {
    const handler = instrumented();
    const context = lambdaContext();

    const result = await handler(apiGatewayV2Event({ path }), context);

    expect(result.statusCode).toBe(statusCode);
    const [invoke] = await receiver().waitForSpans(1);
    expect(invoke).toMatchObject({
      name: 'lambda.invoke',
      attributes: { 'http.response.status_code': statusCode, 'url.path': path },
      status: { code },
    });
  });
}
