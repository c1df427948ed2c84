import type { IdSource } from './ids.js';

/**
 * The trace context an upstream producer had when it sent a message or request.
 * Ids are lowercase hex: `traceId` 32 characters, `spanId` 16.
 */
export interface UpstreamContext {
  traceId: string;
  spanId: string;
  sampled: boolean;
  /** W3C `tracestate` to send next to `traceparent` (W3C kinds only). */
  tracestate?: string;
  /** W3C `baggage` to send next to `traceparent` (W3C kinds only). */
  baggage?: string;
  /** Datadog sampling priority (-1, 0, 1, 2); default 1 when sampled, else 0. */
  samplingPriority?: number;
  /** Datadog origin, e.g. `lambda`, `synthetics`. */
  origin?: string;
  /**
   * Datadog kinds only: also write `traceparent` and a `tracestate` with a `dd=` member
   * next to the `x-datadog-*` keys, as dd-trace does with its default propagation styles.
   */
  datadogWithTraceContext?: boolean;
}

/**
 * An upstream context and the way the producer encoded it. `none` sends nothing and
 * ignores any ids, so a test can loop over every kind with the same context.
 */
export type Upstream<K extends string> =
  | (UpstreamContext & { kind: K })
  | (Partial<UpstreamContext> & { kind: 'none' });

/**
 * How a producer put its context on an SQS message:
 * `w3c` — `traceparent`/`tracestate`/`baggage` String attributes (OTel aws-sdk instrumentation);
 * `datadog-string` — one `_datadog` String attribute holding JSON (dd-trace on SQS);
 * `datadog-binary` — `_datadog` as a Binary attribute, base64 JSON (dd-trace on SNS);
 * `xray` — the `AWSTraceHeader` system attribute.
 */
export type SqsUpstreamKind = 'w3c' | 'datadog-string' | 'datadog-binary' | 'xray';

/** An SQS record's upstream context. */
export type SqsUpstream = Upstream<SqsUpstreamKind>;

/** How a producer put its context on an SNS message (always message attributes). */
export type SnsUpstreamKind = 'w3c' | 'datadog-string' | 'datadog-binary';

/** An SNS message's upstream context. */
export type SnsUpstream = Upstream<SnsUpstreamKind>;

/**
 * How a producer put its context inside an EventBridge event's `detail`:
 * `datadog` — a `_datadog` object (dd-trace); `w3c` — `traceparent`/`tracestate` keys.
 */
export type EventBridgeUpstreamKind = 'datadog' | 'w3c';

/** An EventBridge event's upstream context. */
export type EventBridgeUpstream = Upstream<EventBridgeUpstreamKind>;

/** HTTP header formats a caller can send. */
export type HeaderUpstreamKind = 'w3c' | 'datadog' | 'xray' | 'b3' | 'b3-single';

/** The upstream context of an HTTP request or a direct invoke's client context. */
export type HeaderUpstream = Upstream<HeaderUpstreamKind>;

/** Options every factory accepts. */
export interface CommonEventOptions {
  /** A seed (or a shared {@link IdSource}) for ids and timestamps that repeat run to run. */
  seed?: number | string | IdSource;
  /** AWS region; default `us-east-1`. */
  region?: string;
  /** AWS account id; default `123456789012`. */
  accountId?: string;
}
