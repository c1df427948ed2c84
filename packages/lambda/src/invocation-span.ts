import { ATTR, SPAN_NAMES } from '@lambda-otel-kit/core';
import { extractEventContext } from '@lambda-otel-kit/propagators';
import {
  type Attributes,
  type Context as OtelContext,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { Context } from 'aws-lambda';
import { parseLambdaArn, resolvedResourceId } from './arn.js';
import { httpRequestAttributes, httpResponseStatus } from './http-attributes.js';
import type { Telemetry } from './telemetry.js';
import { detectTrigger, type Trigger } from './trigger.js';

/** A started `lambda.invoke` span and the context the handler runs in. */
export interface InvocationSpan {
  readonly span: Span;
  /** The upstream context with the span set: run the handler in it. */
  readonly context: OtelContext;
  readonly trigger: Trigger;
}

function invocationAttributes(
  event: unknown,
  lambdaContext: Context,
  trigger: Trigger,
  coldStart: boolean,
): Attributes {
  const attributes: Attributes = {
    [ATTR.FAAS_TRIGGER]: trigger.faasTrigger,
    [ATTR.FAAS_INVOCATION_ID]: lambdaContext.awsRequestId,
    [ATTR.FAAS_COLDSTART]: coldStart,
  };
  const arn = parseLambdaArn(lambdaContext.invokedFunctionArn);
  if (arn !== undefined) {
    attributes[ATTR.AWS_LAMBDA_INVOKED_ARN] = lambdaContext.invokedFunctionArn;
    attributes[ATTR.CLOUD_ACCOUNT_ID] = arn.accountId;
    attributes[ATTR.CLOUD_RESOURCE_ID] = resolvedResourceId(arn, lambdaContext.functionVersion);
  }
  if (trigger.faasTrigger === 'http')
    Object.assign(attributes, httpRequestAttributes(event, trigger.kind));
  return attributes;
}

/**
 * Starts the `lambda.invoke` SERVER span of one invocation: detects the trigger, extracts the
 * upstream context with the telemetry's propagator (HTTP headers, SNS attributes, EventBridge
 * `detail`, `ClientContext`, the invocation's own X-Ray header, in that order of the event's
 * shape) and sets the FaaS, cloud and HTTP request attributes. SQS records are not parents of
 * the invocation: each record's context belongs to its own `sqs.process` span.
 *
 * @param telemetry - the function's telemetry.
 * @param event - the invocation event.
 * @param lambdaContext - the Lambda context.
 * @param coldStart - `faas.coldstart`.
 * @example
 * ```ts
 * const { span, context } = startInvocationSpan(telemetry, event, lambdaContext, false);
 * ```
 */
export function startInvocationSpan(
  telemetry: Telemetry,
  event: unknown,
  lambdaContext: Context,
  coldStart: boolean,
): InvocationSpan {
  const trigger = detectTrigger(event);
  const upstream = extractEventContext(event, {
    propagator: telemetry.propagator,
    clientContext: lambdaContext.clientContext,
    order: telemetry.config.recordContextOrder,
  });
  const attributes = invocationAttributes(event, lambdaContext, trigger, coldStart);
  if (upstream.source !== undefined) attributes[ATTR.KIT_CONTEXT_SOURCE] = upstream.source;
  const span = telemetry.tracer.startSpan(
    SPAN_NAMES.invoke,
    {
      kind: SpanKind.SERVER,
      attributes,
      links: upstream.links?.map((spanContext) => ({ context: spanContext })),
    },
    upstream.context,
  );
  return { span, context: trace.setSpan(upstream.context, span), trigger };
}

/**
 * Records a settled invocation on its span: for HTTP triggers the response status code (5xx is
 * an error, 4xx is not: the function answered), or the handler's error as an exception with
 * ERROR status and `error.type`.
 *
 * @param invocation - the span started by {@link startInvocationSpan}.
 * @param outcome - the handler's result or error.
 * @example
 * ```ts
 * recordOutcome(invocation, { ok: true, value: { statusCode: 200 } });
 * ```
 */
export function recordOutcome(
  invocation: InvocationSpan,
  outcome: { ok: true; value: unknown } | { ok: false; error: unknown },
): void {
  const { span, trigger } = invocation;
  if (!outcome.ok) {
    const error = outcome.error;
    const exception = error instanceof Error ? error : String(error);
    span.recordException(exception);
    span.setAttribute(ATTR.ERROR_TYPE, error instanceof Error ? error.name : typeof error);
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  if (trigger.faasTrigger !== 'http') return;
  const status = httpResponseStatus(outcome.value);
  if (status === undefined) return;
  span.setAttribute(ATTR.HTTP_RESPONSE_STATUS_CODE, status);
  if (status >= 500) {
    span.setAttribute(ATTR.ERROR_TYPE, String(status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
}

/**
 * Ends an invocation span that is still open when the deadline comes: ERROR status saying the
 * invocation timed out, and `lambda_otel.timed_out=true`, so timeouts are visible in the trace.
 *
 * @param invocation - the open span.
 * @param remainingMs - time left when the deadline path fired, for the message.
 * @example
 * ```ts
 * endAsTimedOut(invocation, 500);
 * ```
 */
export function endAsTimedOut(invocation: InvocationSpan, remainingMs: number | undefined): void {
  const { span } = invocation;
  span.setAttribute(ATTR.KIT_TIMED_OUT, true);
  span.setAttribute(ATTR.ERROR_TYPE, 'timeout');
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message:
      remainingMs === undefined
        ? 'invocation timed out'
        : `invocation timed out (${Math.round(remainingMs)} ms left, ended by the flush guard)`,
  });
  span.end();
}
