import type { SpanKind, SpanStatusCode } from '@opentelemetry/api';

/**
 * A decoded OTLP `AnyValue`: strings, booleans, numbers (int64 becomes a `bigint` only when it
 * does not fit in a safe integer), bytes, arrays and key/value lists as plain objects.
 * `null` stands for an empty `AnyValue`.
 */
export type ReceivedValue =
  | string
  | number
  | boolean
  | bigint
  | Uint8Array
  | null
  | ReceivedValue[]
  | { [key: string]: ReceivedValue };

/** Attributes of a span, event, link, scope or resource, keyed by attribute name. */
export type ReceivedAttributes = Record<string, ReceivedValue>;

/** Name of an OTLP span kind; `UNSPECIFIED` is reported with `kind` = `SpanKind.INTERNAL`. */
export type ReceivedSpanKindName =
  | 'UNSPECIFIED'
  | 'INTERNAL'
  | 'SERVER'
  | 'CLIENT'
  | 'PRODUCER'
  | 'CONSUMER';

/** Wire protocol a span arrived on. */
export type OtlpProtocol = 'grpc' | 'http/protobuf' | 'http/json';

/** One span event, as received. */
export interface ReceivedEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: ReceivedAttributes;
}

/** One span link, as received. */
export interface ReceivedLink {
  /** 32 lowercase hex characters. */
  traceId: string;
  /** 16 lowercase hex characters. */
  spanId: string;
  /** `undefined` when the link carried no trace state. */
  traceState: string | undefined;
  attributes: ReceivedAttributes;
}

/**
 * One span decoded from an OTLP export request, with its resource and scope.
 * @see https://github.com/open-telemetry/opentelemetry-proto/blob/main/opentelemetry/proto/trace/v1/trace.proto
 */
export interface ReceivedSpan {
  /** 32 lowercase hex characters. */
  traceId: string;
  /** 16 lowercase hex characters. */
  spanId: string;
  /** `undefined` for a root span. */
  parentSpanId: string | undefined;
  /** `undefined` when the span carried no trace state. */
  traceState: string | undefined;
  /** The OTLP `flags` field (W3C trace flags in the low byte); 0 when absent. */
  flags: number;
  name: string;
  /** The `@opentelemetry/api` `SpanKind` number. */
  kind: SpanKind;
  kindName: ReceivedSpanKindName;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  /** `(end − start)` in milliseconds, fractional. */
  durationMs: number;
  attributes: ReceivedAttributes;
  events: ReceivedEvent[];
  links: ReceivedLink[];
  /** `code` is the `@opentelemetry/api` `SpanStatusCode` (same numbers as OTLP). */
  status: { code: SpanStatusCode; message: string | undefined };
  /** Attributes of the resource the span was exported with. */
  resource: ReceivedAttributes;
  /** Instrumentation scope; `version` is `undefined` when empty. */
  scope: { name: string; version: string | undefined };
  protocol: OtlpProtocol;
}

/** One export request as the receiver saw it. */
export interface ReceivedRequest {
  protocol: OtlpProtocol;
  /** HTTP headers or gRPC metadata, names in lowercase; repeated values joined with `, `. */
  headers: Record<string, string>;
  /** Spans decoded from the request (0 when it was rejected or failed to decode). */
  spanCount: number;
  /** What the receiver answered: `ok`, `invalid` (400 / INVALID_ARGUMENT) or the fault applied. */
  outcome: 'ok' | 'invalid' | 'unavailable' | 'hang';
}

/**
 * A fault the receiver plays for reliability tests. A receiver that is down is simply a
 * closed one, or a port from `getFreePort()`.
 * - `none`: answer at once.
 * - `delay`: answer after `ms` milliseconds (spans are recorded when the answer goes out).
 * - `unavailable`: HTTP 503 / gRPC `UNAVAILABLE`, spans not recorded.
 * - `hang`: read the request and never answer; `close()` still ends cleanly.
 */
export type OtlpFault =
  | 'none'
  | { kind: 'delay'; ms: number }
  | { kind: 'unavailable' }
  | { kind: 'hang' };

/** Options of `startOtlpReceiver`. */
export interface OtlpReceiverOptions {
  /** Address to bind; default `127.0.0.1`. */
  host?: string;
  /** gRPC port; default 0 (ephemeral). */
  grpcPort?: number;
  /** HTTP port; default 0 (ephemeral). */
  httpPort?: number;
  /** Which listeners to start; default both. */
  protocols?: ReadonlyArray<'grpc' | 'http'>;
}

/** Called with the spans of each accepted export request. */
export type SpansListener = (spans: readonly ReceivedSpan[], request: ReceivedRequest) => void;

/** Options of `OtlpReceiver.waitForSpans`. */
export interface WaitForSpansOptions {
  /** Default 5000. */
  timeoutMs?: number;
}

/** A running OTLP trace receiver. */
export interface OtlpReceiver {
  /** `http://HOST:PORT` of the gRPC listener, or `undefined` when gRPC is off. */
  readonly grpcUrl: string | undefined;
  /** `http://HOST:PORT` of the HTTP listener, or `undefined` when HTTP is off. */
  readonly httpUrl: string | undefined;
  /** `http://HOST:PORT/v1/traces`, or `undefined` when HTTP is off. */
  readonly tracesUrl: string | undefined;
  /** Every span received so far, in arrival order. */
  readonly spans: readonly ReceivedSpan[];
  /** Every export request received so far, in arrival order. */
  readonly requests: readonly ReceivedRequest[];
  /**
   * Resolves with all spans received once `count` spans arrived or `predicate(spans)` holds;
   * rejects after `timeoutMs` listing what did arrive.
   */
  waitForSpans(
    countOrPredicate: number | ((spans: readonly ReceivedSpan[]) => boolean),
    options?: WaitForSpansOptions,
  ): Promise<ReceivedSpan[]>;
  /** Calls `listener` for each accepted request; returns a function that unsubscribes. */
  onSpans(listener: SpansListener): () => void;
  /** Forgets the spans and requests received so far. */
  clear(): void;
  /** Sets the fault played from the next request on. */
  setFault(fault: OtlpFault): void;
  /** Stops both listeners, drops open connections and rejects pending waits. Idempotent. */
  close(): Promise<void>;
}
