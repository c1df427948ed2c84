// An SQS batch consumer: orders arrive from upstream services (some through SNS or EventBridge),
// each with its own trace context. sqsBatchHandler gives every record an `sqs.process` span on
// that record's upstream trace, links them all from one `sqs.batch` span, and returns the failed
// records as `batchItemFailures` so SQS redelivers only those (enable ReportBatchItemFailures on
// the event source mapping). With `envelope: 'auto'` the record handler gets the SNS message or
// EventBridge detail itself when the record is such an envelope.
import { sqsBatchHandler } from '@lambda-otel-kit/sqs';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('orders-consumer');

interface Order {
  orderId: string;
  quantity: number;
}

/** The payload is the SQS body, or the unwrapped SNS message / EventBridge detail. */
function parseOrder(payload: unknown): Order {
  const order = (typeof payload === 'string' ? JSON.parse(payload) : payload) as Partial<Order>;
  if (typeof order.orderId !== 'string') throw new TypeError('order without an orderId');
  if (typeof order.quantity !== 'number' || order.quantity <= 0) {
    throw new RangeError(`order ${order.orderId} has no positive quantity`);
  }
  return order as Order;
}

/** Stands in for a database write: a span of its own, under the record's span. */
function saveOrder(order: Order): Promise<void> {
  return tracer.startActiveSpan('save order', async (span) => {
    span.setAttribute('order.id', order.orderId);
    await new Promise((resolve) => setTimeout(resolve, 2));
    span.end();
  });
}

export const handler = sqsBatchHandler(
  async (_record, { payload }) => {
    await saveOrder(parseOrder(payload));
  },
  { envelope: 'auto' },
);
