/** A timestamp in nanoseconds since the epoch: bigint, decimal string, or number. */
export type UnixNano = bigint | string | number;

/** A loosely typed attribute map (values as the receiver or SDK decoded them). */
export type TreeAttributes = Readonly<Record<string, unknown>>;

/**
 * The minimal span record the tree accepts. The OTLP receiver's spans and the output of
 * `fromReadableSpans` fit it as they are.
 */
export interface TreeSpan {
  /** 32 lowercase hex characters. */
  readonly traceId: string;
  /** 16 lowercase hex characters. */
  readonly spanId: string;
  /** Missing, empty or all zeros for a root span. */
  readonly parentSpanId?: string | undefined;
  readonly name: string;
  /**
   * `@opentelemetry/api` `SpanKind` number (INTERNAL 0, SERVER 1, CLIENT 2, PRODUCER 3,
   * CONSUMER 4), or a name such as `SERVER` / `SPAN_KIND_SERVER`.
   */
  readonly kind: number | string;
  readonly startTimeUnixNano: UnixNano;
  readonly endTimeUnixNano: UnixNano;
  readonly attributes?: TreeAttributes;
  readonly links?: ReadonlyArray<{
    readonly traceId: string;
    readonly spanId: string;
    readonly attributes?: TreeAttributes;
  }>;
  /** `code`: 0 UNSET, 1 OK, 2 ERROR (or those names). */
  readonly status?: { readonly code: number | string; readonly message?: string | undefined };
  readonly events?: ReadonlyArray<{
    readonly name: string;
    readonly timeUnixNano?: UnixNano;
    readonly attributes?: TreeAttributes;
  }>;
  /** Resource attributes; `service.name` shows in printed trace headers. */
  readonly resource?: TreeAttributes;
}

/** Span kind names. */
export type SpanKindName = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

/** Span status code names. */
export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';

/** A link with its target span when that span was received. */
export interface ResolvedLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: TreeAttributes;
  /** The linked span, or undefined when it was not among the spans given. */
  readonly target: SpanNode | undefined;
}

/** One span placed in its tree. */
export interface SpanNode {
  /** The record as given. */
  readonly span: TreeSpan;
  readonly traceId: string;
  readonly spanId: string;
  /** Normalised: undefined for a root. */
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: SpanKindName;
  readonly startNs: bigint;
  readonly endNs: bigint;
  /** `end − start`, never negative. */
  readonly durationNs: bigint;
  readonly status: { readonly code: StatusCodeName; readonly message: string | undefined };
  readonly attributes: TreeAttributes;
  readonly events: ReadonlyArray<{ readonly name: string; readonly attributes: TreeAttributes }>;
  /** The parent node, undefined for roots and orphans. */
  readonly parent: SpanNode | undefined;
  /** Children ordered by start time (ties keep input order). */
  readonly children: readonly SpanNode[];
  readonly links: readonly ResolvedLink[];
  /** True when the span names a parent that was not received. */
  readonly orphan: boolean;
  /** 0 for roots and orphans. */
  readonly depth: number;
}

/** All received spans of one trace. */
export interface TraceTree {
  readonly traceId: string;
  /** Spans without a parent, by start time. */
  readonly roots: readonly SpanNode[];
  /** Spans whose parent was not received, by start time, each with its subtree. */
  readonly orphans: readonly SpanNode[];
  /** Every span of the trace, depth-first: roots' subtrees, then orphans' subtrees. */
  readonly spans: readonly SpanNode[];
  readonly startNs: bigint;
  readonly endNs: bigint;
  readonly durationNs: bigint;
  /** Resource attributes of the trace's first span, when given. */
  readonly resource: TreeAttributes | undefined;
}

/** Every trace built from a list of spans. */
export interface SpanForest {
  /** Traces ordered by their first span's start time. */
  readonly traces: readonly TraceTree[];
  /** Every span, trace by trace, depth-first. */
  readonly spans: readonly SpanNode[];
  /** Records whose trace and span ids repeat an earlier one (the first is kept). */
  readonly duplicates: readonly TreeSpan[];
  /** Looks a span up by ids. */
  get(traceId: string, spanId: string): SpanNode | undefined;
}

/** Anything the tree helpers accept: span records, a forest, one trace or one node. */
export type SpanSource = Iterable<TreeSpan> | SpanForest | TraceTree | SpanNode;

/**
 * A value matcher inside a shape: a literal (deep equality; numbers and bigints compare by
 * value), a RegExp (tested against strings), a predicate, or an asymmetric matcher such as
 * vitest's `expect.any(String)`. `undefined` means "attribute absent".
 */
export type ValueMatcher = unknown;

/** The expected shape of a link. */
export interface LinkShape {
  traceId?: string;
  spanId?: string;
  /** Name of the linked span; requires the target to have been received. */
  name?: string | RegExp;
  attributes?: Record<string, ValueMatcher>;
}

/**
 * The expected shape of a span and (optionally) its subtree. Every field is optional;
 * `attributes` is partial, `children` (when given) must match in count, order, name and kind.
 */
export interface SpanShape {
  name?: string | RegExp;
  kind?: SpanKindName | number;
  traceId?: string;
  spanId?: string;
  /** `null` asserts a root span (no parent). */
  parentSpanId?: string | null;
  /** True asserts the parent was not received; false that it was (or there is none). */
  orphan?: boolean;
  attributes?: Record<string, ValueMatcher>;
  status?: StatusCodeName | { code: StatusCodeName; message?: string | RegExp };
  /** A count, or one shape per link in order. */
  links?: number | readonly LinkShape[];
  /** Event names (or name + partial attributes), in order. */
  events?: ReadonlyArray<string | { name: string; attributes?: Record<string, ValueMatcher> }>;
  /** Exactly these children, in start-time order. `[]` asserts a leaf. */
  children?: readonly SpanShape[];
}
