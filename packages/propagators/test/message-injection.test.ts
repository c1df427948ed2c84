import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompositePropagator } from '../src/composite-propagator.js';
import {
  injectIntoPublish,
  injectIntoSendMessage,
  injectIntoSendMessageBatch,
} from '../src/message-injection.js';
import { extractRecordContext } from '../src/record-context.js';
import type { SdkMessageAttributeValue, SendMessageLike } from '../src/types.js';
import { numRuns, spanContextArb } from './support/arbitraries.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';

const spanContext = {
  traceId: '640cfd8d00000000abcdef0123456789',
  spanId: '00f067aa0ba902b7',
  traceFlags: 1,
};
const ctx = trace.setSpanContext(ROOT_CONTEXT, spanContext);
const attrs = (count: number): Record<string, SdkMessageAttributeValue> =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `user${i}`,
      { DataType: 'String', StringValue: String(i) },
    ]),
  );

/** What Lambda shows the consumer for an SDK input (PascalCase → camelCase record). */
function delivered(input: {
  MessageAttributes?: Record<string, SdkMessageAttributeValue>;
  MessageSystemAttributes?: Record<string, SdkMessageAttributeValue>;
}) {
  const messageAttributes = Object.fromEntries(
    Object.entries(input.MessageAttributes ?? {}).map(([name, a]) => [
      name,
      {
        dataType: a.DataType,
        stringValue: a.StringValue,
        stringListValues: [],
        binaryListValues: [],
      },
    ]),
  );
  const trace = input.MessageSystemAttributes?.AWSTraceHeader?.StringValue;
  return { messageAttributes, attributes: trace ? { AWSTraceHeader: trace } : {}, body: 'x' };
}

/** The sources an SQS consumer of these messages needs (no SNS or EventBridge bodies here). */
const CONSUMER_ORDER = ['message-attributes', 'datadog', 'aws-trace-header'] as const;

let diagSpy: ReturnType<typeof spyOnDiag>;
beforeEach(() => {
  diagSpy = spyOnDiag();
});
afterEach(stopDiagSpy);

describe('injectIntoSendMessage', () => {
  it('injects W3C attributes that the consumer extracts, without touching the input', () => {
    // Arrange
    const input = { QueueUrl: 'q', MessageBody: 'x', MessageAttributes: attrs(2) };
    // Act
    const { input: output, outcome } = injectIntoSendMessage(input, ctx);
    // Assert
    expect(outcome).toBe('complete');
    expect(input.MessageAttributes).toEqual(attrs(2));
    expect(output.QueueUrl).toBe('q');
    const result = extractRecordContext(delivered(output));
    expect(result.source).toBe('message-attributes');
    expect(trace.getSpanContext(result.context)?.spanId).toBe(spanContext.spanId);
    expect(diagSpy.warnings).toEqual([]);
  });

  it('uses the active context by default', () => {
    // Arrange
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    // Act
    const { outcome } = context.with(ctx, () => injectIntoSendMessage({ MessageBody: 'x' }));
    context.disable();
    // Assert
    expect(outcome).toBe('complete');
  });

  it('falls back to AWSTraceHeader when no attribute fits, says so once, and the consumer still gets the trace', () => {
    // Act
    const first = injectIntoSendMessage({ MessageAttributes: attrs(10) }, ctx);
    injectIntoSendMessage({ MessageAttributes: attrs(10) }, ctx);
    // Assert
    expect(first.outcome).toBe('aws-trace-header');
    expect(Object.keys(first.input.MessageAttributes ?? {})).toHaveLength(10);
    const result = extractRecordContext(delivered(first.input));
    expect(result.source).toBe('aws-trace-header');
    expect(trace.getSpanContext(result.context)?.traceId).toBe(spanContext.traceId);
    expect(diagSpy.warnings).toEqual([
      'lambda-otel-kit: SendMessage: no room within 10 message attributes; the context went into the AWSTraceHeader system attribute (the message had 10 attributes)',
    ]);
  });

  it('reports a partial injection', () => {
    // Act
    const { outcome } = injectIntoSendMessage({ MessageAttributes: attrs(9) }, ctx, {
      propagator: createCompositePropagator(['tracecontext', 'datadog']),
    });
    // Assert
    expect(outcome).toBe('partial');
    expect(diagSpy.warnings[0]).toContain(
      'only the most important trace fields fit within 10 message attributes',
    );
  });

  it('injects nothing and stays silent without a span context', () => {
    const { input, outcome } = injectIntoSendMessage({ MessageBody: 'x' }, ROOT_CONTEXT);
    expect(outcome).toBe('none');
    expect(input.MessageAttributes).toEqual({});
    expect(diagSpy.warnings).toEqual([]);
  });

  it('never makes a message pass 10 attributes and the consumer always finds the trace (fuzz)', () => {
    const propagator = createCompositePropagator(['tracecontext', 'baggage', 'datadog', 'b3multi']);
    fc.assert(
      fc.property(spanContextArb, fc.nat({ max: 10 }), (sc, count) => {
        const { input } = injectIntoSendMessage(
          { MessageAttributes: attrs(count) },
          trace.setSpanContext(ROOT_CONTEXT, sc),
          { propagator },
        );
        // A boolean predicate: fast-check reports the counterexample; `expect` is slow in a hot loop.
        const found = extractRecordContext(delivered(input), { order: CONSUMER_ORDER });
        return (
          Object.keys(input.MessageAttributes ?? {}).length <= 10 &&
          trace.getSpanContext(found.context)?.traceId === sc.traceId
        );
      }),
      { numRuns },
    );
  });
});

describe('injectIntoSendMessageBatch', () => {
  it('injects into every entry within its own room', () => {
    // Act
    const { input, outcomes } = injectIntoSendMessageBatch(
      { QueueUrl: 'q', Entries: [{ Id: '1' }, { Id: '2', MessageAttributes: attrs(10) }] },
      ctx,
    );
    // Assert
    expect(outcomes).toEqual(['complete', 'aws-trace-header']);
    expect(input.Entries?.[0]?.MessageAttributes?.traceparent).toBeDefined();
    const second: SendMessageLike | undefined = input.Entries?.[1];
    expect(second?.MessageSystemAttributes?.AWSTraceHeader).toBeDefined();
    expect(injectIntoSendMessageBatch({}, ctx).outcomes).toEqual([]);
  });
});

describe('injectIntoPublish', () => {
  it('injects attributes, and nothing (with a warning) when no room is left', () => {
    // Act
    const room = injectIntoPublish({ TopicArn: 't', Message: 'm' }, ctx);
    const full = injectIntoPublish({ TopicArn: 't', MessageAttributes: attrs(10) }, ctx);
    // Assert
    expect(room.outcome).toBe('complete');
    expect(room.input.MessageAttributes?.traceparent?.StringValue).toMatch(/^00-640cfd8d/);
    expect(full.outcome).toBe('none');
    expect(Object.keys(full.input.MessageAttributes ?? {})).toHaveLength(10);
    expect(diagSpy.warnings[0]).toContain('Publish: no room within 10 message attributes');
  });
});
