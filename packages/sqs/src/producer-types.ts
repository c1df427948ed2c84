import type { SendMessageLike } from '@lambda-otel-kit/propagators';
import type { TextMapPropagator, Tracer } from '@opentelemetry/api';

/** Options of the producer helpers and the SDK middleware. */
export interface ProducerOptions {
  /** Default `trace.getTracer('@lambda-otel-kit/sqs')` (the global provider). */
  tracer?: Tracer;
  /** Writes the trace fields; default W3C trace-context + baggage. Pass the kit's composite to add Datadog or X-Ray. */
  propagator?: TextMapPropagator;
}

/** The part of a `SendMessage` input the helpers read. */
export interface SendMessageInputLike extends SendMessageLike {
  QueueUrl?: string | undefined;
}

/** The part of a `SendMessageBatch` entry the helpers read. */
export interface SendMessageBatchEntryLike extends SendMessageLike {
  Id?: string | undefined;
}

/** The part of a `SendMessageBatch` input the helpers read. */
export interface SendMessageBatchInputLike {
  QueueUrl?: string | undefined;
  Entries?: SendMessageBatchEntryLike[] | undefined;
}

/** The part of a `SendMessage` output the helpers read. */
export interface SendMessageOutputLike {
  MessageId?: string | undefined;
}

/** The part of a `SendMessageBatch` output the helpers read. */
export interface SendMessageBatchOutputLike {
  Successful?: Array<{ Id?: string | undefined; MessageId?: string | undefined }> | undefined;
  Failed?:
    | Array<{ Id?: string | undefined; Code?: string | undefined; Message?: string | undefined }>
    | undefined;
}
