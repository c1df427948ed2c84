import { ATTR } from '@lambda-otel-kit/core';
import { injectIntoSendMessage, type SendMessageLike } from '@lambda-otel-kit/propagators';
import { context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { SQS_ATTR } from './attributes.js';
import { startProducerSpan } from './producer-span.js';
import type {
  ProducerOptions,
  SendMessageBatchInputLike,
  SendMessageBatchOutputLike,
  SendMessageInputLike,
  SendMessageOutputLike,
} from './producer-types.js';
import { queueNameOf } from './queue-arn.js';

const TRACER_NAME = '@lambda-otel-kit/sqs';

function failSpan(span: Span, error: unknown): void {
  const isError = error instanceof Error;
  span.recordException(isError ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: isError ? error.message : String(error) });
  if (isError) span.setAttribute(ATTR.ERROR_TYPE, error.name || 'Error');
}

function inject<E extends SendMessageLike>(entry: E, span: Span, options: ProducerOptions): E {
  const ctx = trace.setSpan(context.active(), span);
  const propagator = options.propagator ? { propagator: options.propagator } : {};
  const { input, outcome } = injectIntoSendMessage(entry, ctx, propagator);
  span.setAttribute(SQS_ATTR.INJECTION, outcome);
  return input;
}

/**
 * Sends one SQS message under a PRODUCER `send <queue>` span whose context is injected into the
 * message attributes (never more than 10; see `injectIntoSendMessage`), so the consumer's
 * `sqs.process` span becomes its child. The span gets the returned `MessageId`, or the error.
 *
 * @param input - The `SendMessage` input (not modified).
 * @param send - Sends the traced input, e.g. `(i) => sqs.send(new SendMessageCommand(i))`.
 * @param options - Tracer (default the global one) and propagator (default W3C + baggage).
 * @returns Whatever `send` returns.
 * @example
 * ```ts
 * await sendMessage({ QueueUrl, MessageBody: 'hi' }, (i) => sqs.send(new SendMessageCommand(i)));
 * ```
 */
export async function sendMessage<I extends SendMessageInputLike, O>(
  input: I,
  send: (input: I) => Promise<O>,
  options: ProducerOptions = {},
  outputOf: (result: O) => SendMessageOutputLike | undefined = (result) =>
    result as SendMessageOutputLike,
): Promise<O> {
  const tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
  const { span, context: ctx } = startProducerSpan(
    tracer,
    'send',
    queueNameOf(input.QueueUrl),
    context.active(),
  );
  try {
    const traced = inject(input, span, options);
    const result = await context.with(ctx, () => send(traced));
    const messageId = outputOf(result)?.MessageId;
    if (typeof messageId === 'string') span.setAttribute(ATTR.MESSAGING_MESSAGE_ID, messageId);
    return result;
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Sends an SQS batch under a PRODUCER `send <queue>` span, with one `create <queue>` child span
 * per entry whose context is injected into that entry, so each message keeps its own trace
 * link. Entries the response lists as `Failed` get ERROR on their `create` span.
 *
 * @param input - The `SendMessageBatch` input (not modified).
 * @param send - Sends the traced input, e.g. `(i) => sqs.send(new SendMessageBatchCommand(i))`.
 * @param options - Tracer and propagator.
 * @returns Whatever `send` returns.
 * @example
 * ```ts
 * await sendMessageBatch({ QueueUrl, Entries }, (i) => sqs.send(new SendMessageBatchCommand(i)));
 * ```
 */
export async function sendMessageBatch<I extends SendMessageBatchInputLike, O>(
  input: I,
  send: (input: I) => Promise<O>,
  options: ProducerOptions = {},
  outputOf: (result: O) => SendMessageBatchOutputLike | undefined = (result) =>
    result as SendMessageBatchOutputLike,
): Promise<O> {
  const tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
  const queueName = queueNameOf(input.QueueUrl);
  const entries = input.Entries ?? [];
  const send_ = startProducerSpan(tracer, 'send', queueName, context.active());
  send_.span.setAttribute(ATTR.MESSAGING_BATCH_MESSAGE_COUNT, entries.length);
  const creates = entries.map(() => startProducerSpan(tracer, 'create', queueName, send_.context));
  try {
    const traced = {
      ...input,
      Entries: entries.map((e, i) => inject(e, creates[i]!.span, options)),
    };
    const result = await context.with(send_.context, () => send(traced));
    const output = outputOf(result);
    const byId = new Map(entries.map((entry, i) => [entry.Id, creates[i]!.span]));
    for (const ok of output?.Successful ?? []) {
      if (ok.MessageId) byId.get(ok.Id)?.setAttribute(ATTR.MESSAGING_MESSAGE_ID, ok.MessageId);
    }
    const failed = output?.Failed ?? [];
    for (const entry of failed) {
      byId.get(entry.Id)?.setStatus({
        code: SpanStatusCode.ERROR,
        message: `${entry.Code ?? 'Failed'}: ${entry.Message ?? ''}`.trim(),
      });
    }
    send_.span.setAttribute(ATTR.KIT_FAILED_RECORD_COUNT, failed.length);
    return result;
  } catch (error) {
    failSpan(send_.span, error);
    throw error;
  } finally {
    for (const create of creates) create.span.end();
    send_.span.end();
  }
}
