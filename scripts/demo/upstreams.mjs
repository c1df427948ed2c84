// The upstream services of the demo: each sends one order to the queue, traced with the
// OpenTelemetry SDK, and hands its context over in the format that service's stack uses on the
// wire (W3C attributes, Datadog's `_datadog`, the X-Ray header, an SNS envelope, an EventBridge
// event). Returns the SQS batch the function receives.
import { createRequire } from 'node:module';

const sdk = createRequire(import.meta.url)('./sdk.cjs');
const queueArn = 'arn:aws:sqs:eu-west-1:123456789012:orders';

/** [producer service, carrier on the wire, order]; quantity 0 is refused by the consumer. */
export const PRODUCERS = [
  ['checkout-api', 'W3C traceparent attribute', { orderId: 'o-1', quantity: 2 }],
  ['billing (dd-trace)', '_datadog attribute', { orderId: 'o-2', quantity: 1 }],
  ['inventory (X-Ray SDK)', 'AWSTraceHeader', { orderId: 'o-3', quantity: 5 }],
  ['notifications', 'SNS → SQS envelope', { orderId: 'o-4', quantity: 1 }],
  ['partner-bus', 'EventBridge → SQS', { orderId: 'o-5', quantity: 3 }],
  ['mobile-api', 'W3C traceparent attribute', { orderId: 'o-6', quantity: 0 }],
];

/**
 * Sends the orders (their producer spans go to the receiver) and builds the SQS batch.
 *
 * @param {{ tracesUrl: string }} receiver
 * @param {any} events the event factories of @lambda-otel-kit/testing
 */
export async function produceBatch(receiver, events) {
  const { api, resources, traceBase, otlpProto } = sdk;
  const records = [];
  for (const [service, carrier, order] of PRODUCERS) {
    const provider = new traceBase.BasicTracerProvider({
      resource: resources.resourceFromAttributes({ 'service.name': service }),
      spanProcessors: [
        new traceBase.SimpleSpanProcessor(
          new otlpProto.OTLPTraceExporter({ url: receiver.tracesUrl }),
        ),
      ],
    });
    const span = provider.getTracer(service).startSpan(`send order ${order.orderId}`, {
      kind: api.SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'aws_sqs', 'messaging.destination.name': 'orders' },
    });
    const up = { ...span.spanContext(), sampled: true };
    span.end();
    await provider.shutdown();
    const seed = order.orderId;
    if (carrier.startsWith('W3C'))
      records.push(
        events.sqsRecord({ seed, queueArn, body: order, upstream: { kind: 'w3c', ...up } }),
      );
    if (carrier.startsWith('_datadog'))
      records.push(
        events.sqsRecord({
          seed,
          queueArn,
          body: order,
          upstream: { kind: 'datadog-string', ...up },
        }),
      );
    if (carrier.startsWith('AWSTrace'))
      records.push(
        events.sqsRecord({ seed, queueArn, body: order, upstream: { kind: 'xray', ...up } }),
      );
    if (carrier.startsWith('SNS'))
      records.push(
        events.snsToSqsRecord({ seed, queueArn, message: order, upstream: { kind: 'w3c', ...up } }),
      );
    if (carrier.startsWith('EventBridge'))
      records.push(
        events.eventBridgeToSqsRecord({
          seed,
          queueArn,
          detail: order,
          upstream: { kind: 'datadog', ...up },
        }),
      );
  }
  // And one message from a producer that sends no context at all.
  records.push(events.sqsRecord({ seed: 'o-7', queueArn, body: { orderId: 'o-7', quantity: 1 } }));
  return { Records: records };
}
