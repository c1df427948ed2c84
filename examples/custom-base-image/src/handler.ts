// An EventBridge consumer on a plain Node.js image: the runtime interface client (aws-lambda-ric)
// is the image's entrypoint and loads this handler. instrumentHandler makes each event one
// `lambda.invoke` span that continues the producer's trace (`detail.traceparent`).
import { instrumentHandler } from '@lambda-otel-kit/lambda';
import { trace } from '@opentelemetry/api';
import type { EventBridgeEvent } from 'aws-lambda';

const tracer = trace.getTracer('custom-base-image-example');

interface OrderPlaced {
  orderId: string;
  items: Array<{ sku: string; quantity: number }>;
}

/** Stands in for a call to a stock service: one span per order. */
function reserveStock(order: OrderPlaced): Promise<number> {
  return tracer.startActiveSpan('reserve stock', async (span) => {
    const units = order.items.reduce((sum, item) => sum + item.quantity, 0);
    span.setAttributes({ 'order.id': order.orderId, 'order.units': units });
    await new Promise((resolve) => setTimeout(resolve, 5));
    span.end();
    return units;
  });
}

export const handler = instrumentHandler(
  async (event: EventBridgeEvent<'OrderPlaced', OrderPlaced>) => {
    const units = await reserveStock(event.detail);
    return { orderId: event.detail.orderId, reserved: units };
  },
);
