// The same handler instrumented by hand with the OpenTelemetry SDK, as a team writes it today
// (the exporter is given by the entry file: raw-sdk.mjs or raw-sdk-grpc.mjs):
// a provider with a BatchSpanProcessor (queue raised so nothing is dropped, for a fair per-record
// comparison), W3C extraction from each record's message attributes, the same three span kinds,
// and a force flush before returning.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Builds the hand-instrumented handler around an exporter.
 *
 * @param {import('@opentelemetry/sdk-trace-base').SpanExporter} exporter
 */
export function rawSdkHandler(exporter) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'bench',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'faas.name': process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'bench',
    }),
    spanProcessors: [
      new BatchSpanProcessor(exporter, {
        maxQueueSize: 100_000,
        maxExportBatchSize: 512,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const tracer = trace.getTracer('raw');

  const getter = {
    keys: (carrier) => Object.keys(carrier ?? {}),
    get: (carrier, key) => carrier?.[key]?.stringValue,
  };

  return async (event, lambdaContext) => {
    const invoke = tracer.startSpan('lambda.invoke', {
      kind: SpanKind.SERVER,
      attributes: { 'faas.trigger': 'pubsub', 'faas.invocation_id': lambdaContext.awsRequestId },
    });
    const invokeContext = trace.setSpan(ROOT_CONTEXT, invoke);
    const batchItemFailures = [];
    const links = [];
    for (const record of event.Records) {
      const upstream = propagation.extract(ROOT_CONTEXT, record.messageAttributes, getter);
      const upstreamSpan = trace.getSpanContext(upstream);
      const parent = upstreamSpan ? upstream : invokeContext;
      if (upstreamSpan) links.push({ context: upstreamSpan });
      await tracer.startActiveSpan(
        'sqs.process',
        {
          kind: SpanKind.CONSUMER,
          links: upstreamSpan ? [{ context: invoke.spanContext() }] : [],
          attributes: {
            'messaging.system': 'aws_sqs',
            'messaging.operation.type': 'process',
            'messaging.message.id': record.messageId,
          },
        },
        parent,
        async (span) => {
          try {
            JSON.parse(record.body);
          } catch (error) {
            span.recordException(error);
            span.setStatus({ code: SpanStatusCode.ERROR });
            batchItemFailures.push({ itemIdentifier: record.messageId });
          } finally {
            span.end();
          }
        },
      );
    }
    tracer
      .startSpan(
        'sqs.batch',
        { kind: SpanKind.CONSUMER, links: links.slice(0, 128) },
        invokeContext,
      )
      .end();
    invoke.end();
    await provider.forceFlush();
    return { batchItemFailures };
  };
}
