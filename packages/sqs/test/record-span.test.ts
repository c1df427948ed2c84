import { extractRecordContext } from '@lambda-otel-kit/propagators';
import { propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { startRecordSpan } from '../src/record-span.js';
import { newUpstream, sqsRecord } from './support/events.js';
import { type InMemoryTracing, inMemoryTracing } from './support/tracing.js';

let tracing: InMemoryTracing;
afterEach(async () => tracing.shutdown());

function start(
  record: ReturnType<typeof sqsRecord>,
  parenting: 'upstream' | 'invocation',
  withInvoke = true,
) {
  tracing = inMemoryTracing();
  const invoke = tracing.tracer.startSpan('lambda.invoke');
  const invocationContext = withInvoke ? trace.setSpan(ROOT_CONTEXT, invoke) : ROOT_CONTEXT;
  const extracted = extractRecordContext(record, { context: invocationContext });
  const started = startRecordSpan(tracing.tracer, record, {
    invocationContext,
    extracted,
    parenting,
    queueName: 'orders',
  });
  started.span.end();
  invoke.end();
  return { started, span: tracing.byName('sqs.process')[0]!, invoke: invoke.spanContext() };
}

describe('startRecordSpan', () => {
  it('returns a context with the new span active', () => {
    const { started } = start(sqsRecord(), 'upstream');
    expect(trace.getSpan(started.context)).toBe(started.span);
  });

  it('parents on the upstream context and links a second upstream trace of the same record', () => {
    const w3c = newUpstream();
    const xray = newUpstream();
    const record = sqsRecord({ upstream: { kind: 'w3c', ...w3c } });
    record.attributes.AWSTraceHeader = `Root=1-${xray.traceId.slice(0, 8)}-${xray.traceId.slice(8)};Parent=${xray.spanId};Sampled=1`;

    const { span, invoke } = start(record, 'upstream');

    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.parentSpanContext?.spanId).toBe(w3c.spanId);
    expect(
      span.links.map((l) => [l.context.spanId, l.attributes?.['lambda_otel.link.role']]),
    ).toEqual([
      [invoke.spanId, 'invocation'],
      [xray.spanId, 'upstream'],
    ]);
  });

  it('starts a root span when there is neither an upstream context nor an invocation span', () => {
    const { span } = start(sqsRecord(), 'upstream', false);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.links).toEqual([]);
  });

  it('parents on lambda.invoke with parenting "invocation" but keeps the upstream baggage', () => {
    const up = newUpstream();
    const record = sqsRecord({ upstream: { kind: 'w3c', ...up } });
    record.messageAttributes.baggage = {
      stringValue: 'tenant=acme',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'String',
    };

    const { span, invoke, started } = start(record, 'invocation');

    expect(span.parentSpanContext?.spanId).toBe(invoke.spanId);
    expect(span.links.map((l) => l.context.spanId)).toEqual([up.spanId]);
    expect(propagation.getBaggage(started.context)?.getEntry('tenant')?.value).toBe('acme');
  });
});
