// An HTTP API that queues orders: API Gateway (HTTP API, payload 2.0) `POST /orders` with one
// order or an array of orders in the body, sent to the SQS queue in QUEUE_URL. instrumentHandler
// makes each request one `lambda.invoke` span continuing the caller's trace (its `traceparent`),
// and sqsTracingMiddleware gives every SendMessage / SendMessageBatch a PRODUCER span whose
// context travels in each message's attributes, so the consumer continues the same trace.
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { initTelemetry, instrumentHandler } from '@lambda-otel-kit/lambda';
import { sqsTracingMiddleware } from '@lambda-otel-kit/sqs';
import { trace } from '@opentelemetry/api';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** SendMessageBatch takes at most 10 entries. */
const BATCH_SIZE = 10;
const MAX_ORDERS = 100;

interface Order {
  orderId: string;
  [field: string]: unknown;
}

// Built once, at init. The propagator follows OTEL_PROPAGATORS (add `datadog` or `xray` and the
// messages carry those headers too); the endpoint and credentials come from the usual AWS_*
// variables, so a local SQS needs no code (AWS_ENDPOINT_URL_SQS and a QUEUE_URL on it).
const telemetry = initTelemetry();
const sqs = new SQSClient({});
sqs.middlewareStack.use(sqsTracingMiddleware({ propagator: telemetry.propagator }));

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The orders in a request body, or a message saying why there are none. */
function parseOrders(event: APIGatewayProxyEventV2): Order[] | string {
  const text = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return 'the body is not valid JSON';
  }
  const orders = Array.isArray(payload) ? payload : [payload];
  if (orders.length === 0) return 'no orders';
  if (orders.length > MAX_ORDERS) return `at most ${MAX_ORDERS} orders per request`;
  const valid = orders.every(
    (o) => typeof o === 'object' && o !== null && typeof (o as Order).orderId === 'string',
  );
  return valid ? (orders as Order[]) : 'every order needs a string orderId';
}

/** Sends the orders: one SendMessage for one order, SendMessageBatch in tens for more. */
async function queueOrders(queueUrl: string, orders: Order[]): Promise<string[]> {
  if (orders.length === 1) {
    const sent = await sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(orders[0]) }),
    );
    return [sent.MessageId ?? ''];
  }
  const chunks: Order[][] = [];
  for (let i = 0; i < orders.length; i += BATCH_SIZE) chunks.push(orders.slice(i, i + BATCH_SIZE));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const sent = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((order, i) => ({ Id: String(i), MessageBody: JSON.stringify(order) })),
        }),
      );
      if (sent.Failed?.length) {
        const codes = sent.Failed.map((f) => f.Code).join(', ');
        throw new Error(`${sent.Failed.length} of ${chunk.length} messages not sent (${codes})`);
      }
      const ids = new Map(sent.Successful?.map((s) => [s.Id, s.MessageId ?? '']));
      return chunk.map((_, i) => ids.get(String(i)) ?? '');
    }),
  );
  return results.flat();
}

export const handler = instrumentHandler(
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const queueUrl = process.env.QUEUE_URL;
    if (!queueUrl) throw new Error('QUEUE_URL is not set');
    const orders = parseOrders(event);
    if (typeof orders === 'string') return json(400, { error: orders });
    try {
      const messageIds = await queueOrders(queueUrl, orders);
      return json(202, { messageIds });
    } catch (error) {
      // The `send` span already holds the error; put it on the request's span as well. A 5xx
      // answer marks `lambda.invoke` as an error. Some orders may have been queued: consumers
      // should be idempotent when callers retry.
      trace.getActiveSpan()?.recordException(error as Error);
      return json(502, { error: 'the orders could not be queued' });
    }
  },
  { telemetry },
);
