import {
  type KitConfig,
  type PropagatorName,
  RECORD_CONTEXT_SOURCES,
  type RecordContextSource,
} from '@lambda-otel-kit/core';
import {
  createCompositePropagator,
  type ExtractedContext,
  extractEventContext,
  extractRecordContext,
} from '@lambda-otel-kit/propagators';
import { trace } from '@opentelemetry/api';

/** An upstream span context found in an event or a record, and where it was found. */
export interface FoundContext {
  traceId: string;
  spanId: string;
  /** `http-headers`, `message-attributes`, `datadog`, `sns`, `eventbridge`, `aws-trace-header`, `client-context`, … */
  source: string;
}

/** What an event or record carries, and what the function's configuration reads of it. */
export interface UpstreamAnalysis {
  /** The parent this configuration extracts; `undefined` when it finds none. */
  expected: FoundContext | undefined;
  /** The first context any format and any source would give; `undefined` when there is none at all. */
  available: FoundContext | undefined;
  /** Propagators (`OTEL_PROPAGATORS` names) that each read a context from the carrier. */
  readableBy: PropagatorName[];
  /** Propagators missing from `OTEL_PROPAGATORS` that would make the configuration read it. */
  missingPropagators: PropagatorName[];
  /** Record sources missing from `LAMBDA_OTEL_RECORD_CONTEXT_ORDER` that hold it (records only). */
  missingSources: RecordContextSource[];
}

/** The propagators probed one by one (`b3` reads single and multi headers). */
const PROBES: readonly PropagatorName[] = ['tracecontext', 'datadog', 'xray', 'b3'];

function found(extracted: ExtractedContext<string>): FoundContext | undefined {
  if (extracted.source === undefined) return undefined;
  const spanContext = trace.getSpanContext(extracted.context);
  if (spanContext === undefined) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId, source: extracted.source };
}

function analyze(
  read: (
    propagators: readonly string[],
    order: readonly RecordContextSource[],
  ) => FoundContext | undefined,
  config: KitConfig,
  isRecord: boolean,
): UpstreamAnalysis {
  const configured = config.propagators;
  const order = config.recordContextOrder;
  const expected = read(configured, order);
  const available = read([...configured, ...PROBES], RECORD_CONTEXT_SOURCES);
  const withoutPropagators = read([], order);
  const readableBy = PROBES.filter((name) => {
    const context = read([name], order);
    return context !== undefined && context.source !== withoutPropagators?.source;
  });
  const missingPropagators =
    expected === undefined && available !== undefined
      ? PROBES.filter((name) => !configured.includes(name) && read([...configured, name], order))
      : [];
  const missingSources =
    isRecord && expected === undefined && available !== undefined
      ? RECORD_CONTEXT_SOURCES.filter(
          (source) => !order.includes(source) && read([...configured, ...PROBES], [source]),
        )
      : [];
  return { expected, available, readableBy, missingPropagators, missingSources };
}

/**
 * Analyses the upstream context of a whole (non-SQS) event, as `instrumentHandler` reads it
 * for `lambda.invoke`: what the function's configuration extracts, what any propagator would,
 * and which propagators are missing when the configuration finds nothing.
 *
 * @param event - the Lambda event.
 * @param config - the function's configuration (`readConfig` of its environment).
 * @param clientContext - `context.clientContext` of a direct invoke.
 * @example
 * ```ts
 * analyzeEvent(apiGatewayV2Event({ upstream: { kind: 'datadog', ...up } }), readConfig({}, {})).missingPropagators;
 * // ['datadog']
 * ```
 */
export function analyzeEvent(
  event: unknown,
  config: KitConfig,
  clientContext?: unknown,
): UpstreamAnalysis {
  const read = (propagators: readonly string[], order: readonly RecordContextSource[]) =>
    found(
      extractEventContext(event, {
        propagator: createCompositePropagator(propagators),
        order,
        clientContext,
      }),
    );
  return analyze(read, config, false);
}

/**
 * Analyses one SQS record's upstream context, as the SQS batch helper reads it for its
 * `sqs.process` span: the configured propagators and `LAMBDA_OTEL_RECORD_CONTEXT_ORDER`, then
 * every format and source, to tell which propagator or source is missing.
 *
 * @param record - a Lambda SQS record.
 * @param config - the function's configuration.
 * @example
 * ```ts
 * analyzeRecord(sqsRecord({ upstream: { kind: 'xray', ...up } }), config).expected?.source; // 'aws-trace-header'
 * ```
 */
export function analyzeRecord(record: unknown, config: KitConfig): UpstreamAnalysis {
  const read = (propagators: readonly string[], order: readonly RecordContextSource[]) =>
    found(
      extractRecordContext(record, { propagator: createCompositePropagator(propagators), order }),
    );
  return analyze(read, config, true);
}
