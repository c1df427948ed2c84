import { readConfig } from '@lambda-otel-kit/core';
import { createLambdaContext } from '@lambda-otel-kit/testing';
import { context, type Span, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import type { Context } from 'aws-lambda';
import type { SqsBatchConfig } from '../../src/types.js';

/** The kit's configuration from options only (the environment is ignored). */
export function testConfig(linkCountLimit = 128, marginMs = 500): SqsBatchConfig {
  return readConfig({ spanLimits: { linkCountLimit }, flush: { marginMs } }, {});
}

/** Runs `fn` inside a `lambda.invoke` SERVER span, as the lambda package's wrapper would. */
export async function withInvocation<T>(
  tracer: Tracer,
  fn: (invokeSpan: Span) => Promise<T>,
): Promise<{ result: T | undefined; error: unknown; invokeSpan: Span }> {
  const invokeSpan = tracer.startSpan('lambda.invoke', { kind: SpanKind.SERVER });
  try {
    const result = await context.with(trace.setSpan(context.active(), invokeSpan), () =>
      fn(invokeSpan),
    );
    return { result, error: undefined, invokeSpan };
  } catch (error) {
    return { result: undefined, error, invokeSpan };
  } finally {
    invokeSpan.end();
  }
}

/** A Lambda context with a long deadline. */
export function lambdaContext(): Context {
  return createLambdaContext({ functionName: 'orders-consumer', timeoutMs: 60_000 });
}

/** A Lambda context whose remaining time is whatever `remaining()` says. */
export function clockedContext(remaining: () => number): Context {
  return { ...lambdaContext(), getRemainingTimeInMillis: remaining };
}
