/**
 * Public types of the kit's configuration. Values come from {@link readConfig}; see
 * `docs/environment-variables.md` for the variable behind each field.
 */

/** OTLP transport, as in `OTEL_EXPORTER_OTLP_PROTOCOL`. */
export type OtlpProtocol = 'grpc' | 'http/protobuf' | 'http/json';

/** A propagator name accepted in `OTEL_PROPAGATORS` (the spec's names plus the kit's `datadog` and `xray-lambda`). */
export type PropagatorName =
  | 'tracecontext'
  | 'baggage'
  | 'b3'
  | 'b3multi'
  | 'xray'
  | 'xray-lambda'
  | 'datadog'
  | 'none';

/** A sampler name accepted in `OTEL_TRACES_SAMPLER`. */
export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** A vendor preset named by `LAMBDA_OTEL_VENDOR`. */
export type VendorPreset =
  | 'coralogix'
  | 'datadog'
  | 'datadog-agentless'
  | 'honeycomb'
  | 'grafana'
  | 'newrelic'
  | 'collector';

/** Where an SQS record's upstream context can come from, in extraction-chain order. */
export type RecordContextSource =
  | 'message-attributes'
  | 'datadog'
  | 'sns'
  | 'eventbridge'
  | 'aws-trace-header';

/** How `sqs.process` spans are parented: on the record's upstream context (kit default) or on `lambda.invoke` (semconv shape). */
export type RecordParenting = 'upstream' | 'invocation';

/** OTLP compression; the JS exporters know only these two. */
export type OtlpCompression = 'gzip' | 'none';

/** Sampler choice: `ratio` is used by the `*traceidratio` samplers only. */
export interface SamplerConfig {
  name: SamplerName;
  ratio: number;
}

/** Where and how spans are exported. */
export interface OtlpConfig {
  protocol: OtlpProtocol;
  /** The final traces URL: for `http/*` it ends in `/v1/traces` unless given as is; for gRPC the base URL. */
  url: string;
  /** Header names are lower-case; values are secrets (print them through {@link redactHeaders}). */
  headers: Record<string, string>;
  timeoutMs: number;
  compression: OtlpCompression;
}

/** Span limits, named as the OTel SDK's `SpanLimits`. */
export interface SpanLimitsConfig {
  attributeCountLimit: number;
  /** `undefined` = no limit. */
  attributeValueLengthLimit: number | undefined;
  eventCountLimit: number;
  linkCountLimit: number;
  attributePerEventCountLimit: number;
  attributePerLinkCountLimit: number;
}

/** Batch span processor settings. */
export interface BspConfig {
  scheduleDelayMs: number;
  exportTimeoutMs: number;
  maxQueueSize: number;
  maxExportBatchSize: number;
}

/** Flush guard settings: flush within `min(capMs, remaining time − marginMs)`. */
export interface FlushConfig {
  capMs: number;
  marginMs: number;
  /**
   * The cap while flushes are failing: after a flush that did not finish (backend down or
   * hanging), later flushes wait at most this long until one finishes again; one flush every
   * 30 s still gets the full cap.
   */
  failingCapMs: number;
}

/** The kit's whole configuration, resolved once by {@link readConfig}. */
export interface KitConfig {
  /** `OTEL_SDK_DISABLED`: true only for `true` (any case). */
  sdkDisabled: boolean;
  /** `OTEL_SERVICE_NAME`, else `service.name` from the resource attributes. */
  serviceName: string | undefined;
  /** Preset attributes, then `OTEL_RESOURCE_ATTRIBUTES` (percent-decoded), then options; `service.name` = {@link KitConfig.serviceName} when set. */
  resourceAttributes: Record<string, string>;
  /** `OTEL_PROPAGATORS`, deduplicated; `none` gives `[]`. */
  propagators: PropagatorName[];
  sampler: SamplerConfig;
  otlp: OtlpConfig;
  spanLimits: SpanLimitsConfig;
  bsp: BspConfig;
  /** `LAMBDA_OTEL_VENDOR`. */
  vendor: VendorPreset | undefined;
  flush: FlushConfig;
  /** `LAMBDA_OTEL_RECORD_CONTEXT_ORDER`: the sources tried for each SQS record, in order. */
  recordContextOrder: RecordContextSource[];
  /** `LAMBDA_OTEL_RECORD_PARENTING`. */
  recordParenting: RecordParenting;
}

/**
 * Explicit options for {@link readConfig}: any subset; nested groups are partial.
 * Options beat variables, variables beat the vendor preset, the preset beats defaults.
 * `resourceAttributes` and `otlp.headers` are merged key by key over the lower layers.
 */
export interface KitConfigOptions {
  sdkDisabled?: boolean;
  serviceName?: string;
  resourceAttributes?: Record<string, string>;
  propagators?: PropagatorName[];
  sampler?: Partial<SamplerConfig>;
  otlp?: Partial<OtlpConfig>;
  spanLimits?: Partial<SpanLimitsConfig>;
  bsp?: Partial<BspConfig>;
  vendor?: VendorPreset;
  flush?: Partial<FlushConfig>;
  recordContextOrder?: RecordContextSource[];
  recordParenting?: RecordParenting;
}

/** The environment the reader looks at (`process.env` by default). */
export type EnvMap = Readonly<Record<string, string | undefined>>;

/** One variable the kit reads; `secret` ones are never echoed anywhere. */
export interface ConfigVariable {
  name: string;
  secret: boolean;
}

/** Options of {@link KitError}. */
export interface KitErrorOptions {
  /** The kit package that raised the error, e.g. `@lambda-otel-kit/core`. */
  package: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** Result of {@link parseOtlpHeaders}. */
export interface ParsedHeaders {
  /** Lower-case header name → value. */
  headers: Record<string, string>;
  /** How many entries were malformed and skipped. */
  invalidEntries: number;
}

/** What a vendor preset contributes; explicit options and `OTEL_*` variables still win over it. */
export interface PresetSettings {
  /** Traces URL for the chosen protocol; `undefined` leaves the default. */
  url: string | undefined;
  headers: Record<string, string>;
  resourceAttributes: Record<string, string>;
  /** Problems to report once; they never contain a variable's value. */
  warnings: string[];
}

/** Reads a vendor variable (blank = unset). */
export type PresetGetter = (name: string) => string | undefined;

/** One vendor preset: plain data plus a small resolver. */
export interface VendorPresetSpec {
  readonly name: VendorPreset;
  /** One line for docs and the doctor. */
  readonly description: string;
  /** Protocol used when neither an option nor a variable names one. */
  readonly protocol?: OtlpProtocol;
  /** Every variable the resolver may read. */
  readonly variables: readonly ConfigVariable[];
  /** Each group lists variables of which at least one must be set (the credential). */
  readonly required: readonly (readonly string[])[];
  /** Builds the settings from the vendor's variables for the chosen protocol. */
  resolve(get: PresetGetter, protocol: OtlpProtocol): PresetSettings;
}
