import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createCompositePropagator } from '../src/composite-propagator.js';
import { extractEventContext } from '../src/event-context.js';
import type { EventContextSource } from '../src/types.js';
import { anyValue, baseContext, expectUnchangedOrValid, numRuns } from './support/arbitraries.js';
import {
  apiGatewayV1Event,
  apiGatewayV2Event,
  clientContext,
  eventBridgeEvent,
  snsEvent,
  upstreamContext,
  xrayTraceHeader,
} from './support/events.js';

const up = upstreamContext({ seed: 31 });
const env = upstreamContext({ seed: 32 });
const all = createCompositePropagator([
  'tracecontext',
  'baggage',
  'datadog',
  'xray-lambda',
  'b3multi',
]);
const spanOf = (result: ReturnType<typeof extractEventContext>) =>
  trace.getSpanContext(result.context);

describe('extractEventContext', () => {
  it.each<[EventContextSource, () => unknown, Parameters<typeof extractEventContext>[1]]>([
    ['http-headers', () => apiGatewayV2Event({ upstream: { kind: 'w3c', ...up } }), {}],
    [
      'http-headers',
      () => apiGatewayV1Event({ upstream: { kind: 'datadog', ...up } }),
      { propagator: all },
    ],
    [
      'http-headers',
      () => apiGatewayV1Event({ upstream: { kind: 'xray', ...up } }),
      { propagator: all },
    ],
    ['eventbridge', () => eventBridgeEvent({ upstream: { kind: 'w3c', ...up } }), {}],
    ['eventbridge', () => eventBridgeEvent({ upstream: { kind: 'datadog', ...up } }), {}],
    [
      'client-context',
      () => ({ direct: true }),
      { clientContext: clientContext({ upstream: { kind: 'w3c', ...up } }) },
    ],
    [
      'client-context',
      () => ({}),
      { propagator: all, clientContext: clientContext({ upstream: { kind: 'b3', ...up } }) },
    ],
    ['message-attributes', () => snsEvent({ upstream: { kind: 'w3c', ...up } }), {}],
    ['datadog', () => snsEvent({ upstream: { kind: 'datadog-binary', ...up } }), {}],
  ])('reads %s (%#)', (source, makeEvent, options) => {
    // Arrange
    vi.stubEnv('_X_AMZN_TRACE_ID', xrayTraceHeader(env));
    // Act
    const result = extractEventContext(makeEvent(), options);
    // Assert
    expect(result.source).toBe(source);
    expect(spanOf(result)).toMatchObject({
      traceId: up.traceId,
      spanId: up.spanId,
      isRemote: true,
    });
  });

  it('falls back to _X_AMZN_TRACE_ID last, only with xray-lambda', () => {
    // Arrange
    vi.stubEnv('_X_AMZN_TRACE_ID', xrayTraceHeader(env));
    const event = eventBridgeEvent({ detail: { a: 1 } });
    // Act
    const withLambda = extractEventContext(event, { propagator: all });
    const without = extractEventContext(event);
    // Assert
    expect(withLambda.source).toBe('lambda-trace-env');
    expect(spanOf(withLambda)?.traceId).toBe(env.traceId);
    expect(without).toEqual({ context: ROOT_CONTEXT, source: undefined });
  });

  it('does not let the fallback hide a _datadog detail or a client context', () => {
    // Arrange
    vi.stubEnv('_X_AMZN_TRACE_ID', xrayTraceHeader(env));
    // Act
    const fromDetail = extractEventContext(
      eventBridgeEvent({ upstream: { kind: 'datadog', ...up } }),
      { propagator: all },
    );
    const fromClient = extractEventContext(
      {},
      { propagator: all, clientContext: clientContext({ upstream: { kind: 'w3c', ...up } }) },
    );
    // Assert
    expect(fromDetail.source).toBe('eventbridge');
    expect(fromClient.source).toBe('client-context');
    expect(spanOf(fromClient)?.traceId).toBe(up.traceId);
  });

  it('reports an X-Amzn-Trace-Id header equal to the invocation trace as http-headers', () => {
    // Arrange
    vi.stubEnv('_X_AMZN_TRACE_ID', xrayTraceHeader(up));
    // Act
    const result = extractEventContext(apiGatewayV1Event({ upstream: { kind: 'xray', ...up } }), {
      propagator: all,
    });
    // Assert
    expect(result.source).toBe('http-headers');
  });

  it('prefers HTTP headers over the client context and links another trace', () => {
    // Act
    const result = extractEventContext(apiGatewayV2Event({ upstream: { kind: 'w3c', ...up } }), {
      clientContext: clientContext({ upstream: { kind: 'w3c', ...env } }),
    });
    // Assert
    expect(result.source).toBe('http-headers');
    expect(result.links?.map((link) => link.traceId)).toEqual([env.traceId]);
  });

  it('gives nothing for an SQS event: each record has its own context', () => {
    const sqs = { Records: [{ eventSource: 'aws:sqs', messageAttributes: {}, body: '{}' }] };
    expect(extractEventContext(sqs)).toEqual({ context: ROOT_CONTEXT, source: undefined });
  });

  it('never throws, never yields an invalid context, leaves garbage unchanged (fuzz)', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', '');
    const event = fc.record(
      {
        headers: anyValue,
        multiValueHeaders: anyValue,
        'detail-type': fc.string(),
        detail: anyValue,
        Records: fc.array(fc.record({ Sns: anyValue, body: anyValue }), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(event, anyValue), anyValue, (input, client) => {
        const result = extractEventContext(input, {
          context: baseContext,
          clientContext: client,
          propagator: all,
        });
        expectUnchangedOrValid(result.context);
        if (result.source === undefined) expect(result.context).toBe(baseContext);
      }),
      { numRuns },
    );
  });
});
