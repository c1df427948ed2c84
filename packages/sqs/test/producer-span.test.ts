import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { startProducerSpan } from '../src/producer-span.js';
import { type InMemoryTracing, inMemoryTracing } from './support/tracing.js';

let tracing: InMemoryTracing;
afterEach(async () => tracing.shutdown());

describe('startProducerSpan', () => {
  it.each([
    ['send', 'orders', 'send orders'],
    ['create', 'orders', 'create orders'],
    ['send', undefined, 'send'],
  ] as const)('starts a PRODUCER span for %s to %s', (operation, queue, name) => {
    tracing = inMemoryTracing();

    const { span, context } = startProducerSpan(tracing.tracer, operation, queue, ROOT_CONTEXT);
    span.end();

    const [ended] = tracing.spans();
    expect(trace.getSpan(context)).toBe(span);
    expect(ended!.name).toBe(name);
    expect(ended!.kind).toBe(SpanKind.PRODUCER);
    expect(ended!.attributes['messaging.operation.type']).toBe(operation);
    expect(ended!.attributes['messaging.destination.name']).toBe(queue);
  });
});
