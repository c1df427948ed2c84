import type {
  ProducerOptions,
  SendMessageBatchInputLike,
  SendMessageInputLike,
} from './producer-types.js';
import { type PublishInputLike, publishMessage } from './publish-message.js';
import { sendMessage, sendMessageBatch } from './send-message.js';

/** The middleware's name in the client's stack. */
export const SQS_TRACING_MIDDLEWARE = 'lambdaOtelSqsTracing';

/** The arguments an AWS SDK v3 initialize-step middleware receives (structural, no SDK import). */
export interface SdkMiddlewareArgs {
  input: object;
}

/** What the next handler in an AWS SDK v3 stack resolves to. */
export interface SdkMiddlewareResult {
  output: unknown;
}

/** The next handler of an AWS SDK v3 middleware. */
export type SdkNextHandler = (args: SdkMiddlewareArgs) => Promise<SdkMiddlewareResult>;

/** The handler context of an AWS SDK v3 middleware: only `commandName` is read. */
export interface SdkHandlerContext {
  commandName?: string;
  [key: string]: unknown;
}

/** An AWS SDK v3 initialize-step middleware. */
export type SdkInitializeMiddleware = (
  next: SdkNextHandler,
  context: SdkHandlerContext,
) => (args: SdkMiddlewareArgs) => Promise<SdkMiddlewareResult>;

/** The part of an AWS SDK v3 middleware stack the plugin uses. */
export interface SdkMiddlewareStackLike {
  add(
    middleware: SdkInitializeMiddleware,
    options: { step: 'initialize'; name: string; override: boolean; tags: string[] },
  ): void;
}

/** A pluggable for `client.middlewareStack.use(...)`. */
export interface SqsTracingPlugin {
  /** The middleware itself, to add by hand. */
  readonly middleware: SdkInitializeMiddleware;
  applyToStack(stack: SdkMiddlewareStackLike): void;
}

/**
 * An AWS SDK v3 plugin for `SQSClient` (and `SNSClient`): every `SendMessage` gets a PRODUCER `send <queue>` span
 * injected into its message attributes, and every `SendMessageBatch` a `send <queue>` span with
 * one `create <queue>` span per entry, each injected into its own entry — within the
 * 10-attribute limit. On an SNS client, `Publish` gets a `send <topic>` span, injected the same
 * way. Other commands pass through untouched. Added at the `initialize` step,
 * so the injected attributes are serialized (and signed) with the request.
 *
 * @param options - Tracer (default global) and propagator (default W3C + baggage).
 * @returns A pluggable for `client.middlewareStack.use()`.
 * @see https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/introduction/#middleware-stack
 * @example
 * ```ts
 * const sqs = new SQSClient({});
 * sqs.middlewareStack.use(sqsTracingMiddleware({ propagator: telemetry.propagator }));
 * ```
 */
export function sqsTracingMiddleware(options: ProducerOptions = {}): SqsTracingPlugin {
  const middleware: SdkInitializeMiddleware = (next, context) => (args) => {
    const command = context.commandName;
    if (command === 'SendMessageCommand') {
      return sendMessage(
        args.input as SendMessageInputLike,
        (input) => next({ ...args, input }),
        options,
        (result) => result.output as { MessageId?: string },
      );
    }
    if (command === 'SendMessageBatchCommand') {
      return sendMessageBatch(
        args.input as SendMessageBatchInputLike,
        (input) => next({ ...args, input }),
        options,
        (result) => result.output as never,
      );
    }
    if (command === 'PublishCommand') {
      return publishMessage(
        args.input as PublishInputLike,
        (input) => next({ ...args, input }),
        options,
        (result) => result.output as { MessageId?: string },
      );
    }
    return next(args);
  };
  return {
    middleware,
    applyToStack(stack) {
      stack.add(middleware, {
        step: 'initialize',
        name: SQS_TRACING_MIDDLEWARE,
        override: true,
        tags: ['LAMBDA_OTEL_KIT', 'TRACING'],
      });
    },
  };
}
