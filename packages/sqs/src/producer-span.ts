import { ATTR } from '@lambda-otel-kit/core';
import { type Context, type Span, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { OPERATIONS, queueAttributes } from './attributes.js';

/** What {@link startProducerSpan} starts: a `send` span for the request or a `create` span for one entry of a batch. */
export type ProducerOperation = 'send' | 'create';

/**
 * Starts a PRODUCER span named `<operation> <queue>` (`send orders`, `create orders`), as the
 * messaging conventions name them, with `messaging.system`, `messaging.destination.name` and
 * the operation attributes.
 *
 * @param tracer - The tracer to start the span with.
 * @param operation - `send` for a request, `create` for one entry of a batch send.
 * @param queueName - The destination queue, `undefined` when unknown (the name is then just the operation).
 * @param parent - The parent context.
 * @returns The span and the parent context with it set.
 * @see https://github.com/open-telemetry/semantic-conventions/blob/main/docs/messaging/messaging-spans.md#span-name
 * @example
 * ```ts
 * const { span, context } = startProducerSpan(tracer, 'send', 'orders', context.active());
 * ```
 */
export function startProducerSpan(
  tracer: Tracer,
  operation: ProducerOperation,
  queueName: string | undefined,
  parent: Context,
): { span: Span; context: Context } {
  const span = tracer.startSpan(
    queueName === undefined ? operation : `${operation} ${queueName}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        ...queueAttributes(queueName),
        [ATTR.MESSAGING_OPERATION_TYPE]: OPERATIONS[operation],
        [ATTR.MESSAGING_OPERATION_NAME]: OPERATIONS[operation],
      },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}
