// An HTTP API on Lambda: Hono routes behind API Gateway through `hono/aws-lambda`, wrapped by
// instrumentHandler. Each request becomes one `lambda.invoke` span that continues the caller's
// trace (its `traceparent` header), with the spans the routes start as children.
import { instrumentHandler } from '@lambda-otel-kit/lambda';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const tracer = trace.getTracer('http-api-example');

interface Order {
  id: string;
  status: 'open' | 'shipped';
}

/** Stands in for a database call: a span of its own, under the request's span. */
function loadOrder(id: string): Promise<Order | undefined> {
  return tracer.startActiveSpan('load order', async (span) => {
    span.setAttribute('order.id', id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const order: Order | undefined = id.startsWith('missing') ? undefined : { id, status: 'open' };
    if (!order) span.setStatus({ code: SpanStatusCode.ERROR, message: 'order not found' });
    span.end();
    return order;
  });
}

export const app = new Hono()
  .get('/health', (c) => c.text('ok'))
  .get('/orders/:id', async (c) => {
    const order = await loadOrder(c.req.param('id'));
    return order ? c.json(order) : c.json({ error: 'not found' }, 404);
  });

export const handler = instrumentHandler(handle(app));
