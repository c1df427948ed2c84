import { warnOnce } from '@lambda-otel-kit/core';
import {
  createFlushBreaker,
  createInvocationGuard,
  type FlushBreaker,
  type InvocationGuard,
  settleAfter,
} from '@lambda-otel-kit/flush';
import { context as otelContext } from '@opentelemetry/api';
import type { Context } from 'aws-lambda';
import { type AnyHandler, callHandler } from './call-handler.js';
import { createColdStartTracker } from './cold-start.js';
import {
  endAsTimedOut,
  type InvocationSpan,
  recordOutcome,
  startInvocationSpan,
} from './invocation-span.js';
import { initTelemetry, type Telemetry, type TelemetryOptions } from './telemetry.js';

/** Options of {@link instrumentHandler}. */
export interface InstrumentHandlerOptions {
  /** The telemetry to use; by default {@link initTelemetry} is called with `telemetryOptions`. */
  telemetry?: Telemetry;
  /** Options for {@link initTelemetry} when `telemetry` is not given. */
  telemetryOptions?: TelemetryOptions;
}

/** The wrapped handler: always async, two parameters, as every Node.js runtime accepts. */
export type InstrumentedHandler<TEvent, TResult> = (
  event: TEvent,
  context: Context,
) => Promise<TResult>;

function safeStart(
  telemetry: Telemetry,
  event: unknown,
  lambdaContext: Context,
  coldStart: boolean,
): InvocationSpan | undefined {
  try {
    return startInvocationSpan(telemetry, event, lambdaContext, coldStart);
  } catch (error) {
    warnOnce('invoke-start', `could not start the invocation span: ${String(error)}`);
    return undefined;
  }
}

function remainingOf(lambdaContext: Context): (() => number) | undefined {
  return typeof lambdaContext?.getRemainingTimeInMillis === 'function'
    ? () => lambdaContext.getRemainingTimeInMillis()
    : undefined;
}

/** One breaker per telemetry: whether flushes fail is a property of its exporter's backend. */
const breakers = new WeakMap<Telemetry, FlushBreaker>();

function breakerFor(telemetry: Telemetry): FlushBreaker {
  let breaker = breakers.get(telemetry);
  if (breaker === undefined) {
    breaker = createFlushBreaker({ failingCapMs: telemetry.config.flush.failingCapMs });
    breakers.set(telemetry, breaker);
  }
  return breaker;
}

function guardFor(
  telemetry: Telemetry,
  lambdaContext: Context,
  onDeadline: () => void,
): InvocationGuard {
  return createInvocationGuard({
    flush: () => telemetry.forceFlush(),
    capMs: telemetry.config.flush.capMs,
    marginMs: telemetry.config.flush.marginMs,
    getRemainingTimeInMillis: remainingOf(lambdaContext),
    onDeadline,
    breaker: breakerFor(telemetry),
  });
}

/**
 * Wraps a Lambda handler (async or callback style, ESM or CommonJS, bundled or not) so that each
 * invocation runs inside a `lambda.invoke` SERVER span parented on the caller's context, and its
 * spans are exported before the sandbox freezes:
 *
 * - the trigger is detected from the event and `faas.*`, `cloud.*`, `aws.lambda.invoked_arn` and,
 *   for HTTP triggers, `http.*` / `url.*` attributes are set; 5xx responses and errors mark it;
 * - after the handler settles, spans are flushed within `min(cap, remaining − margin)`; if the
 *   deadline (`remaining − margin`) comes first, the span is ended as timed out and flushed;
 *   while flushes are failing (backend down), they wait only the failing cap
 *   (`LAMBDA_OTEL_FLUSH_FAILING_CAP_MS`) until one finishes;
 * - the handler's result or error reaches the runtime unchanged, always: a failure of the
 *   instrumentation goes to `diag` and the handler runs uninstrumented.
 *
 * Nothing is patched; `initTelemetry()` runs here (once) if it has not run yet, so call this at
 * module level, during init.
 *
 * @param handler - the user's handler.
 * @param options - telemetry to use or options to build it with.
 * @returns an async handler with two parameters, to export in its place.
 * @see https://opentelemetry.io/docs/specs/semconv/faas/aws-lambda/
 * @example
 * ```ts
 * export const handler = instrumentHandler(async (event) => ({ statusCode: 200, body: 'ok' }));
 * ```
 */
export function instrumentHandler<TEvent = unknown, TResult = unknown>(
  handler: AnyHandler<TEvent, TResult>,
  options: InstrumentHandlerOptions = {},
): InstrumentedHandler<TEvent, TResult> {
  const telemetry = options.telemetry ?? initTelemetry(options.telemetryOptions);
  const isColdStart = createColdStartTracker({
    initializationType: process.env.AWS_LAMBDA_INITIALIZATION_TYPE,
    initializedAt: performance.now(),
  });

  return async function instrumented(event: TEvent, lambdaContext: Context): Promise<TResult> {
    const coldStart = isColdStart();
    if (!telemetry.enabled) return callHandler(handler, event, lambdaContext);
    const invocation = safeStart(telemetry, event, lambdaContext, coldStart);
    if (invocation === undefined) return callHandler(handler, event, lambdaContext);

    let ended = false;
    const end = (outcome: Parameters<typeof recordOutcome>[1]): void => {
      if (ended) return;
      ended = true;
      try {
        recordOutcome(invocation, outcome);
      } catch (error) {
        warnOnce('invoke-outcome', `could not record the outcome: ${String(error)}`);
      }
      invocation.span.end();
    };
    const guard = guardFor(telemetry, lambdaContext, () => {
      ended = true;
      endAsTimedOut(invocation, remainingOf(lambdaContext)?.());
    });

    const handled = otelContext.with(invocation.context, () =>
      callHandler(handler, event, lambdaContext),
    );
    return settleAfter(
      guard,
      handled.then(
        (value) => {
          end({ ok: true, value });
          return value;
        },
        (error: unknown) => {
          end({ ok: false, error });
          throw error;
        },
      ),
    );
  };
}
