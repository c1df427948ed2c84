/** The Datadog correlation ids, as Datadog's own Node.js tracer writes them (`dd.trace_id`, `dd.span_id`). */
export interface DatadogCorrelation {
  /** Unsigned decimal of the low 64 bits of the trace id. */
  trace_id: string;
  /** Unsigned decimal of the span id. */
  span_id: string;
}

/**
 * The fields a correlated log line carries. Empty (`{}`) when there is no valid span context.
 * Names follow OpenTelemetry's "Trace Context in non-OTLP Log Formats".
 */
export interface CorrelationFields {
  /** 32 lowercase hex digits. */
  trace_id?: string;
  /** 16 lowercase hex digits. */
  span_id?: string;
  /** 2 hex digits: `01` sampled, `00` not sampled. */
  trace_flags?: string;
  /** Only with the Datadog option. In JSON it is the nested object `{"dd":{"trace_id":…}}`. */
  dd?: DatadogCorrelation;
}

/** Options of {@link correlationFields}. */
export interface CorrelationOptions {
  /** Add `dd.trace_id` / `dd.span_id` (decimal). Default `false`. */
  datadog?: boolean;
}

/** Options of the logger integrations; the Datadog default comes from the kit's configuration. */
export interface LoggerCorrelationOptions {
  /**
   * Add `dd.trace_id` / `dd.span_id`. When left out, the kit's configuration is read once, in
   * the call that takes these options: on when `LAMBDA_OTEL_VENDOR` is `datadog` or
   * `datadog-agentless`.
   */
  datadog?: boolean;
}

/** The console methods {@link instrumentConsole} replaces. */
export type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** The `level` written for each console method (the names Lambda's own JSON log format uses). */
export type ConsoleLevel = 'INFO' | 'WARN' | 'ERROR' | 'DEBUG';

/** Options of {@link instrumentConsole}. */
export interface ConsoleOptions extends LoggerCorrelationOptions {
  /**
   * Where each line (JSON plus `\n`) goes. Default: `process.stdout.write`, for every level,
   * so lines keep their order (Lambda sends both streams to the same log group).
   */
  write?: (line: string) => void;
  /**
   * Returns the Lambda request id for the line. Default: {@link lambdaRequestId}, which asks the
   * Lambda runtime's invoke store, then the active `lambda.invoke` span.
   */
  requestId?: () => string | undefined;
  /** Clock for `timestamp`. Default `() => new Date()`. */
  now?: () => Date;
}

/** Restores what an `instrument…` call replaced. Safe to call more than once. */
export type Restore = () => void;

/** One structured console line, before JSON encoding. */
export interface ConsoleRecord extends CorrelationFields {
  timestamp: string;
  level: ConsoleLevel;
  requestId?: string;
  message: string;
}

/**
 * The part of a Powertools `LogFormatter` the correlation wrapper relies on: `formatAttributes`
 * returns a `LogItem`, whose `addAttributes` merges more keys.
 */
export interface FormatterLike {
  formatAttributes(...args: never[]): {
    addAttributes(attributes: Record<string, unknown>): unknown;
  };
}
