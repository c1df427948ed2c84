import { ATTR } from '@lambda-otel-kit/core';
import { injectIntoPublish, type PublishLike } from '@lambda-otel-kit/propagators';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OPERATIONS, SQS_ATTR } from './attributes.js';
import type { ProducerOptions, SendMessageOutputLike } from './producer-types.js';

/** The part of an SNS `Publish` input the helper reads. */
export interface PublishInputLike extends PublishLike {
  TopicArn?: string | undefined;
  TargetArn?: string | undefined;
}

/** `messaging.system` for SNS. */
const AWS_SNS = 'aws_sns';

/** The topic name from an SNS topic ARN (`arn:aws:sns:<region>:<account>:<topic>`). */
function topicNameOf(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined;
  const match = /^arn:aws[a-z-]*:sns:[a-z0-9-]*:\d{12}:([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/.exec(
    arn,
  );
  return match?.[1];
}

/**
 * Publishes to SNS under a PRODUCER `send <topic>` span whose context is injected into the
 * message attributes within the 10-attribute limit (an SQS subscription with raw delivery
 * discards messages with more). SQS consumers of the topic find it through the `sns` source
 * (the envelope's attributes) or, with raw delivery, the message attributes.
 *
 * @param input - The `Publish` input (not modified).
 * @param send - Publishes the traced input, e.g. `(i) => sns.send(new PublishCommand(i))`.
 * @param options - Tracer and propagator.
 * @param outputOf - Reads the `MessageId` from what `send` returns (default: the result itself).
 * @returns Whatever `send` returns.
 * @example
 * ```ts
 * await publishMessage({ TopicArn, Message: 'hi' }, (i) => sns.send(new PublishCommand(i)));
 * ```
 */
export async function publishMessage<I extends PublishInputLike, O>(
  input: I,
  send: (input: I) => Promise<O>,
  options: ProducerOptions = {},
  outputOf: (result: O) => SendMessageOutputLike | undefined = (result) =>
    result as SendMessageOutputLike,
): Promise<O> {
  const tracer = options.tracer ?? trace.getTracer('@lambda-otel-kit/sqs');
  const topic = topicNameOf(input.TopicArn ?? input.TargetArn);
  const span = tracer.startSpan(topic === undefined ? 'send' : `send ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      [ATTR.MESSAGING_SYSTEM]: AWS_SNS,
      [ATTR.MESSAGING_OPERATION_TYPE]: OPERATIONS.send,
      [ATTR.MESSAGING_OPERATION_NAME]: OPERATIONS.send,
      ...(topic === undefined ? {} : { [ATTR.MESSAGING_DESTINATION_NAME]: topic }),
    },
  });
  const ctx = trace.setSpan(context.active(), span);
  try {
    const propagator = options.propagator ? { propagator: options.propagator } : {};
    const injected = injectIntoPublish(input, ctx, propagator);
    span.setAttribute(SQS_ATTR.INJECTION, injected.outcome);
    const result = await context.with(ctx, () => send(injected.input));
    const messageId = outputOf(result)?.MessageId;
    if (typeof messageId === 'string') span.setAttribute(ATTR.MESSAGING_MESSAGE_ID, messageId);
    return result;
  } catch (error) {
    const isError = error instanceof Error;
    span.recordException(isError ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: isError ? error.message : String(error),
    });
    throw error;
  } finally {
    span.end();
  }
}
