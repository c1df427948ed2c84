import { type Context, context as contextApi, diag } from '@opentelemetry/api';
import { defaultMessagePropagator } from './default-propagators.js';
import { MAX_MESSAGE_ATTRIBUTES, type Plan, plan } from './message-attribute-plan.js';
import { AWS_TRACE_HEADER } from './sqs-record-carrier.js';
import type {
  InjectionOutcome,
  InjectMessageOptions,
  PublishLike,
  SendMessageLike,
} from './types.js';
import { warnOnce } from './warn-once.js';

function report(operation: string, result: Plan, count: number): void {
  const { outcome } = result;
  diag.debug(`lambda-otel-kit: ${operation} trace-context injection: ${outcome}`);
  if (outcome === 'complete' || !result.hadFields) return;
  const detail =
    outcome === 'partial'
      ? `only the most important trace fields fit within ${MAX_MESSAGE_ATTRIBUTES} message attributes`
      : outcome === 'aws-trace-header'
        ? `no room within ${MAX_MESSAGE_ATTRIBUTES} message attributes; the context went into the ${AWS_TRACE_HEADER} system attribute`
        : `no room within ${MAX_MESSAGE_ATTRIBUTES} message attributes (or ${AWS_TRACE_HEADER} already set): no trace context injected`;
  warnOnce(
    `propagators:${operation}:${outcome}`,
    `lambda-otel-kit: ${operation}: ${detail} (the message had ${count} attributes)`,
  );
}

/**
 * Injects the trace context into an SQS `SendMessage` input (or one `SendMessageBatch` entry)
 * without ever making it exceed 10 message attributes.
 *
 * Fields are added most important first — `traceparent`, `_datadog` (Datadog headers packed as
 * one JSON attribute, as dd-trace does), `tracestate`, `baggage`, then others (B3); an X-Ray
 * header always goes to the `AWSTraceHeader` system attribute, outside the limit. When not even
 * one field fits, `AWSTraceHeader` carries the context instead (unless already set). Attributes
 * the caller set under the same names are replaced. What happened is reported through `diag`.
 *
 * @param input - The SDK input; not modified.
 * @param context - The context to inject, default the active one.
 * @param options - The propagator producing the fields (default W3C trace-context + baggage).
 * @returns A copy of `input` with `MessageAttributes` (and maybe `MessageSystemAttributes`) set, and the outcome.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html
 * @example
 * ```ts
 * const { input } = injectIntoSendMessage({ QueueUrl, MessageBody: 'hi' });
 * await sqs.send(new SendMessageCommand(input));
 * ```
 */
export function injectIntoSendMessage<T extends object>(
  input: T & SendMessageLike,
  context: Context = contextApi.active(),
  options: InjectMessageOptions = {},
): { input: T & SendMessageLike; outcome: InjectionOutcome } {
  const propagator = options.propagator ?? defaultMessagePropagator();
  const result = plan(input, context, propagator, true);
  report('SendMessage', result, Object.keys(input.MessageAttributes ?? {}).length);
  const output: T & SendMessageLike = { ...input, MessageAttributes: result.attributes };
  if (result.systemAttributes) output.MessageSystemAttributes = result.systemAttributes;
  return { input: output, outcome: result.outcome };
}

/**
 * Injects the trace context into every entry of an SQS `SendMessageBatch` input, each entry
 * within 10 message attributes as {@link injectIntoSendMessage} does.
 *
 * @param input - The SDK input; not modified.
 * @param context - The context to inject, default the active one.
 * @param options - The propagator producing the fields.
 * @returns A copy of `input` and each entry's outcome, in entry order.
 * @example
 * ```ts
 * const { input } = injectIntoSendMessageBatch({ QueueUrl, Entries: [{ Id: '1', MessageBody: 'a' }] });
 * ```
 */
export function injectIntoSendMessageBatch<T extends { Entries?: readonly object[] }>(
  input: T,
  context: Context = contextApi.active(),
  options: InjectMessageOptions = {},
): { input: T; outcomes: InjectionOutcome[] } {
  const entries = (input.Entries ?? []) as ReadonlyArray<SendMessageLike>;
  const results = entries.map((entry) => injectIntoSendMessage(entry, context, options));
  return {
    input: { ...input, Entries: results.map((result) => result.input) } as T,
    outcomes: results.map((result) => result.outcome),
  };
}

/**
 * Injects the trace context into an SNS `Publish` input within 10 message attributes (an SQS
 * subscription with raw delivery discards messages with more). SNS has no system attribute for
 * X-Ray (it reads the request's own `X-Amzn-Trace-Id`), so when nothing fits nothing is added.
 *
 * @param input - The SDK input; not modified.
 * @param context - The context to inject, default the active one.
 * @param options - The propagator producing the fields.
 * @example
 * ```ts
 * const { input } = injectIntoPublish({ TopicArn, Message: 'hi' });
 * await sns.send(new PublishCommand(input));
 * ```
 */
export function injectIntoPublish<T extends object>(
  input: T & PublishLike,
  context: Context = contextApi.active(),
  options: InjectMessageOptions = {},
): { input: T & PublishLike; outcome: InjectionOutcome } {
  const propagator = options.propagator ?? defaultMessagePropagator();
  const result = plan({ MessageAttributes: input.MessageAttributes }, context, propagator, false);
  report('Publish', result, Object.keys(input.MessageAttributes ?? {}).length);
  return { input: { ...input, MessageAttributes: result.attributes }, outcome: result.outcome };
}
