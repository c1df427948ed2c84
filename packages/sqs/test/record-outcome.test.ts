import { SpanStatusCode } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { markRecordFailed, markRecordSkipped, markRecordSucceeded } from '../src/record-outcome.js';
import { type InMemoryTracing, inMemoryTracing } from './support/tracing.js';

let tracing: InMemoryTracing;
afterEach(async () => tracing.shutdown());

function ended(mark: (span: import('@opentelemetry/api').Span) => void) {
  tracing = inMemoryTracing();
  const span = tracing.tracer.startSpan('sqs.process');
  mark(span);
  span.end();
  return tracing.spans()[0]!;
}

describe('markRecordFailed', () => {
  it('sets ERROR, error.type and records the exception', () => {
    const span = ended((s) => markRecordFailed(s, new RangeError('too big')));
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'too big' });
    expect(span.attributes).toMatchObject({
      'error.type': 'RangeError',
      'lambda_otel.record.outcome': 'failure',
    });
    expect(span.events[0]!.attributes?.['exception.message']).toBe('too big');
  });

  it('accepts a thrown non-error', () => {
    const span = ended((s) => markRecordFailed(s, 42));
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: '42' });
    expect(span.attributes['error.type']).toBe('number');
  });
});

describe('markRecordSucceeded', () => {
  it('sets the success outcome and leaves the status unset', () => {
    const span = ended(markRecordSucceeded);
    expect(span.attributes['lambda_otel.record.outcome']).toBe('success');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });
});

describe('markRecordSkipped', () => {
  it('sets the skipped outcome and the reason', () => {
    const span = ended((s) => markRecordSkipped(s, 'deadline'));
    expect(span.attributes).toMatchObject({
      'lambda_otel.record.outcome': 'skipped',
      'lambda_otel.record.skip_reason': 'deadline',
    });
  });
});
