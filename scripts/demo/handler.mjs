// A small SQS consumer, instrumented by hand with the OpenTelemetry SDK the way the kit will
// do it: lambda.invoke (SERVER) → one sqs.process (CONSUMER) per record, parented on the
// record's upstream W3C context when it has one (else on lambda.invoke) → one sqs.batch
// (CONSUMER) linking every record. It runs under the real aws-lambda-ric and exports over
// OTLP http/protobuf to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, flushing before it returns.
import { setTimeout as sleep } from 'node:timers/promises';
import sdk from './sdk.cjs';

const { api, contextAsyncHooks, core, resources, traceBase, otlpProto } = sdk;
const { SpanKind, SpanStatusCode, ROOT_CONTEXT, trace, context, defaultTextMapGetter } = api;

// Init phase: one provider per runtime process, as a real function would have, and a context
// manager so spans started inside the business logic find their parent.
context.setGlobalContextManager(new contextAsyncHooks.AsyncLocalStorageContextManager().enable());
const provider = new traceBase.BasicTracerProvider({
  resource: resources.resourceFromAttributes({
    'service.name': process.env.OTEL_SERVICE_NAME ?? 'orders-worker',
    'cloud.provider': 'aws',
    'cloud.platform': 'aws_lambda',
    'cloud.region': process.env.AWS_REGION ?? 'us-east-1',
    'faas.name': process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'orders-worker',
  }),
  spanProcessors: [
    new traceBase.BatchSpanProcessor(
      new otlpProto.OTLPTraceExporter({ url: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT }),
    ),
  ],
});
const tracer = provider.getTracer('lambda-otel-kit-demo');
const w3c = new core.W3CTraceContextPropagator();
let coldStart = true;

/** The W3C context a producer put on the record's message attributes, if any. */
function upstreamOf(record) {
  const carrier = {};
  for (const [name, attribute] of Object.entries(record.messageAttributes ?? {})) {
    if (attribute.stringValue !== undefined) carrier[name] = attribute.stringValue;
  }
  return trace.getSpanContext(w3c.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter));
}

/** The business logic: validate, then "charge"; an order with `fail` throws. */
async function processOrder(order) {
  await tracer.startActiveSpan('validate order', async (span) => {
    await sleep(3);
    span.setAttribute('order.id', order.orderId);
    span.end();
  });
  await sleep(8);
  if (order.fail) throw new Error(`card declined for order ${order.orderId}`);
}

export const handler = async (event, lambdaContext) => {
  const invoke = tracer.startSpan('lambda.invoke', {
    kind: SpanKind.SERVER,
    attributes: {
      'faas.trigger': 'pubsub',
      'faas.invocation_id': lambdaContext.awsRequestId,
      'faas.coldstart': coldStart,
      'cloud.resource_id': lambdaContext.invokedFunctionArn,
    },
  });
  coldStart = false;
  const invocation = trace.setSpan(ROOT_CONTEXT, invoke);
  const failures = [];
  const recordLinks = [];
  for (const record of event.Records) {
    const upstream = upstreamOf(record);
    const parent = upstream ? trace.setSpanContext(ROOT_CONTEXT, upstream) : invocation;
    const span = tracer.startSpan(
      'sqs.process',
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'aws_sqs',
          'messaging.operation.type': 'process',
          'messaging.destination.name': record.eventSourceARN.split(':').pop(),
          'messaging.message.id': record.messageId,
        },
        links: upstream ? [{ context: invoke.spanContext() }] : [],
      },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), () => processOrder(JSON.parse(record.body)));
    } catch (error) {
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      failures.push(record.messageId);
    }
    span.end();
    recordLinks.push({
      context: span.spanContext(),
      attributes: { 'messaging.message.id': record.messageId },
    });
  }
  tracer
    .startSpan(
      'sqs.batch',
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.batch.message_count': event.Records.length,
          'lambda_otel.failed_count': failures.length,
        },
        links: recordLinks,
      },
      invocation,
    )
    .end();
  invoke.end();
  // Export before answering: Lambda freezes the sandbox once the response is posted.
  await provider.forceFlush();
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
};
