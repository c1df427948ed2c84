// The same handler instrumented by hand with the OpenTelemetry SDK, as a team writes it today
// (the exporter is given by the entry file: raw-sdk.mjs or raw-sdk-grpc.mjs):
// a provider with a BatchSpanProcessor (queue raised so nothing is dropped, for a fair per-record
// comparison), W3C extraction from each record's message attributes, the same spans with the same
// attributes and links as the kit's, and a force flush before returning.
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
        maxExportBatchSize: Number(process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE ?? 512),
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

  let coldstart = true;
  return async (event, lambdaContext) => {
    // The same spans the kit makes, attribute for attribute (so the per-record figure compares
    // the work, not the amount of data): lambda.invoke, one sqs.process per record on its
    // upstream trace, sqs.batch spans linking every record in parts of 128 links.
    const arn = lambdaContext.invokedFunctionArn;
    const account = arn.split(':')[4];
    const invoke = tracer.startSpan('lambda.invoke', {
      kind: SpanKind.SERVER,
      attributes: {
        'faas.trigger': 'pubsub',
        'faas.invocation_id': lambdaContext.awsRequestId,
        'faas.coldstart': coldstart,
        'aws.lambda.invoked_arn': arn,
        'cloud.account.id': account,
        'cloud.resource_id': arn,
      },
    });
    coldstart = false;
    const invokeContext = trace.setSpan(ROOT_CONTEXT, invoke);
    const queue = event.Records[0]?.eventSourceARN.split(':')[5];
    const batchItemFailures = [];
    const batchLinks = [];
    let failed = 0;
    for (const record of event.Records) {
      const upstream = propagation.extract(ROOT_CONTEXT, record.messageAttributes, getter);
      const upstreamSpan = trace.getSpanContext(upstream);
      const parent = upstreamSpan ? upstream : invokeContext;
      await tracer.startActiveSpan(
        'sqs.process',
        {
          kind: SpanKind.CONSUMER,
          links: upstreamSpan
            ? [
                {
                  context: invoke.spanContext(),
                  attributes: { 'lambda_otel.link.role': 'invocation' },
                },
              ]
            : [],
          attributes: {
            'messaging.system': 'aws_sqs',
            'messaging.destination.name': queue,
            'messaging.operation.type': 'process',
            'messaging.operation.name': 'process',
            'lambda_otel.context.source': upstreamSpan ? 'message-attributes' : 'none',
            'messaging.message.id': record.messageId,
            'lambda_otel.sqs.receive_count': Number(record.attributes.ApproximateReceiveCount),
            'messaging.message.body.size': Buffer.byteLength(record.body),
          },
        },
        parent,
        async (span) => {
          batchLinks.push({
            context: span.spanContext(),
            attributes: {
              'lambda_otel.link.role': 'record',
              'messaging.message.id': record.messageId,
            },
          });
          try {
            JSON.parse(record.body);
            span.setAttribute('lambda_otel.record.outcome', 'success');
          } catch (error) {
            span.recordException(error);
            span.setStatus({ code: SpanStatusCode.ERROR });
            span.setAttribute('lambda_otel.record.outcome', 'failure');
            batchItemFailures.push({ itemIdentifier: record.messageId });
            failed += 1;
          } finally {
            span.end();
          }
        },
      );
    }
    const parts = Math.ceil(batchLinks.length / 128);
    for (let part = 0; part < parts; part++) {
      const links = batchLinks.slice(part * 128, part * 128 + 128);
      tracer
        .startSpan(
          'sqs.batch',
          {
            kind: SpanKind.CONSUMER,
            links,
            attributes: {
              'messaging.system': 'aws_sqs',
              'messaging.destination.name': queue,
              'messaging.operation.type': 'process',
              'messaging.operation.name': 'process',
              'messaging.batch.message_count': links.length,
              'lambda_otel.batch.total_message_count': batchLinks.length,
              'lambda_otel.batch.part': part + 1,
              'lambda_otel.batch.parts': parts,
              'lambda_otel.batch.failed_count': part === 0 ? failed : 0,
              'lambda_otel.batch.skipped_count': 0,
            },
          },
          invokeContext,
        )
        .end();
    }
    invoke.end();
    await provider.forceFlush();
    return { batchItemFailures };
  };
}
