import type { PropagatorName, RecordContextSource } from '@lambda-otel-kit/core';
import type { Context, SpanContext, TextMapPropagator } from '@opentelemetry/api';

/** A propagator name as accepted in `OTEL_PROPAGATORS`; the one definition lives in core. */
/** Where an SQS (or SNS) record's upstream context can come from; defined in core. */
export type { PropagatorName, RecordContextSource };

/** Where a whole Lambda event's upstream context came from: a record source, HTTP headers, the ClientContext or the invocation's own `_X_AMZN_TRACE_ID`. */
export type EventContextSource =
  | RecordContextSource
  | 'http-headers'
  | 'client-context'
  | 'lambda-trace-env';

/** What {@link extractRecordContext} and {@link extractEventContext} return. */
export interface ExtractedContext<S extends string = RecordContextSource> {
  /** The base context with the upstream span context (and baggage) set, or the base context unchanged. */
  context: Context;
  /** The source the upstream span context came from; `undefined` when none had a valid one. */
  source: S | undefined;
  /** Valid upstream span contexts of *other* traces found in the same record, to be linked. */
  links?: SpanContext[];
}

/** Options of {@link extractRecordContext}. */
export interface RecordContextOptions {
  /** Sources to try, first match wins. Default {@link DEFAULT_RECORD_CONTEXT_ORDER}. */
  order?: readonly RecordContextSource[];
  /**
   * Reads trace headers stored as message attributes (and in SNS / EventBridge envelopes).
   * Default: W3C trace-context and baggage. Pass the composite built from `config.propagators`.
   */
  propagator?: TextMapPropagator;
  /** The context to extract into. Default `ROOT_CONTEXT`. */
  context?: Context;
}

/** Options of {@link extractEventContext}. */
export interface EventContextOptions extends RecordContextOptions {
  /** The Lambda `context.clientContext` of the invocation (read when the event carries nothing). */
  clientContext?: unknown;
}

/** A parsed `X-Amzn-Trace-Id` value. */
export interface XRayHeader {
  /** The OTel trace id: the 8 hex epoch digits followed by the 24 hex random digits, lowercase. */
  traceId: string;
  /** The 16 hex parent (span) id, or `undefined` for a Root-only header. */
  parentId: string | undefined;
  /** `true` for `Sampled=1`, `false` for `Sampled=0`, `undefined` for `Sampled=?` or no `Sampled`. */
  sampled: boolean | undefined;
  /** The `Lineage` value, kept opaque (Lambda uses it to detect recursive loops). */
  lineage: string | undefined;
}

/** A parsed set of Datadog headers (`x-datadog-*`). */
export interface DatadogContext {
  /** 32 lowercase hex: `_dd.p.tid` (or 16 zeros) followed by the low 64 bits. */
  traceId: string;
  /** 16 lowercase hex of `x-datadog-parent-id`. */
  spanId: string;
  /** `x-datadog-sampling-priority`: -1 user reject, 0 auto reject, 1 auto keep, 2 user keep. */
  samplingPriority: number | undefined;
  /** `x-datadog-origin`, e.g. `synthetics`, `rum`, `lambda`. */
  origin: string | undefined;
  /** Valid `_dd.p.*` propagation tags other than `_dd.p.tid`, in header order. */
  tags: Record<string, string>;
}

/** An SQS message attribute as the AWS SDK v3 takes it (`SendMessage`, `SendMessageBatch`, SNS `Publish`). */
export interface SdkMessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
  StringListValues?: string[];
  BinaryListValues?: Uint8Array[];
}

/** The part of an SDK `SendMessage` input (or a `SendMessageBatch` entry) the kit touches. */
export interface SendMessageLike {
  MessageAttributes?: Record<string, SdkMessageAttributeValue>;
  MessageSystemAttributes?: Record<string, SdkMessageAttributeValue>;
}

/** The part of an SDK `SendMessageBatch` input the kit touches. */
export interface SendMessageBatchLike<E extends SendMessageLike = SendMessageLike> {
  Entries?: E[];
}

/** The part of an SDK SNS `Publish` input the kit touches. */
export interface PublishLike {
  MessageAttributes?: Record<string, SdkMessageAttributeValue>;
}

/** What a message-attribute injection did. */
export type InjectionOutcome =
  /** every field the propagator produced became a message attribute */
  | 'complete'
  /** only the fields that fit within the 10-attribute limit, most important first */
  | 'partial'
  /** no room for any attribute: the X-Ray `AWSTraceHeader` system attribute carries the context */
  | 'aws-trace-header'
  /** nothing was injected (no valid span context, tracing suppressed, or no room and no fallback) */
  | 'none';

/** Options of the message injectors. */
export interface InjectMessageOptions {
  /** Produces the fields to inject. Default: W3C trace-context and baggage. */
  propagator?: TextMapPropagator;
}
