import { warnOnce } from './diag.js';
import {
  type EnvReader,
  isPlainName,
  MAX_TIMER_MS,
  parseEnum,
  parseList,
  readEnum,
  readInteger,
  warnInvalid,
} from './env-reader.js';
import type { FlushConfig, RecordContextSource, RecordParenting } from './types.js';

/** Record-context sources in the kit's default extraction order. */
export const RECORD_CONTEXT_SOURCES: readonly RecordContextSource[] = [
  'message-attributes',
  'datadog',
  'sns',
  'eventbridge',
  'aws-trace-header',
];
/** Ways to parent `sqs.process` spans. */
export const RECORD_PARENTINGS: readonly RecordParenting[] = ['upstream', 'invocation'];

const DEFAULT_FLUSH: FlushConfig = { capMs: 2000, marginMs: 500, failingCapMs: 100 };
const ORDER = 'LAMBDA_OTEL_RECORD_CONTEXT_ORDER';

/**
 * `LAMBDA_OTEL_FLUSH_CAP_MS` (default 2000), `LAMBDA_OTEL_FLUSH_MARGIN_MS` (default 500) and
 * `LAMBDA_OTEL_FLUSH_FAILING_CAP_MS` (default 100).
 */
export function readFlush(env: EnvReader, option: Partial<FlushConfig> | undefined): FlushConfig {
  return {
    capMs:
      option?.capMs ??
      readInteger(env, 'LAMBDA_OTEL_FLUSH_CAP_MS', 0, MAX_TIMER_MS) ??
      DEFAULT_FLUSH.capMs,
    marginMs:
      option?.marginMs ??
      readInteger(env, 'LAMBDA_OTEL_FLUSH_MARGIN_MS', 0, MAX_TIMER_MS) ??
      DEFAULT_FLUSH.marginMs,
    failingCapMs:
      option?.failingCapMs ??
      readInteger(env, 'LAMBDA_OTEL_FLUSH_FAILING_CAP_MS', 0, MAX_TIMER_MS) ??
      DEFAULT_FLUSH.failingCapMs,
  };
}

/**
 * `LAMBDA_OTEL_RECORD_CONTEXT_ORDER`: the sources tried for each SQS record, first match wins.
 * A subset disables the others; `none` disables all; unknown names are warned once and ignored.
 */
export function readRecordContextOrder(
  env: EnvReader,
  option: readonly RecordContextSource[] | undefined,
): RecordContextSource[] {
  if (option !== undefined) return [...new Set(option)];
  const raw = env.get(ORDER);
  if (raw === undefined) return [...RECORD_CONTEXT_SOURCES];
  const names = parseList(raw);
  if (names.length === 1 && names[0] === 'none') return [];
  const sources: RecordContextSource[] = [];
  for (const name of names) {
    const source = parseEnum(name, RECORD_CONTEXT_SOURCES);
    if (source !== undefined) {
      if (!sources.includes(source)) sources.push(source);
      continue;
    }
    const shown = isPlainName(name) ? ` "${name}"` : '';
    warnOnce(`${ORDER}:unknown:${name}`, `${ORDER} names an unknown source${shown}; it is ignored`);
  }
  if (sources.length === 0) {
    warnInvalid(ORDER, `a list of ${RECORD_CONTEXT_SOURCES.join(', ')}, or none`);
    return [...RECORD_CONTEXT_SOURCES];
  }
  return sources;
}

/** `LAMBDA_OTEL_RECORD_PARENTING`: `upstream` (default) or `invocation`. */
export function readRecordParenting(
  env: EnvReader,
  option: RecordParenting | undefined,
): RecordParenting {
  return option ?? readEnum(env, 'LAMBDA_OTEL_RECORD_PARENTING', RECORD_PARENTINGS) ?? 'upstream';
}
