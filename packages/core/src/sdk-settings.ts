import { warnOnce } from './diag.js';
import {
  type EnvReader,
  isPlainName,
  MAX_TIMER_MS,
  parseEnum,
  parseList,
  parseRatio,
  readEnum,
  readInteger,
  warnInvalid,
} from './env-reader.js';
import type {
  BspConfig,
  PropagatorName,
  SamplerConfig,
  SamplerName,
  SpanLimitsConfig,
} from './types.js';

/** Propagator names the kit understands. */
export const PROPAGATOR_NAMES: readonly PropagatorName[] = [
  'tracecontext',
  'baggage',
  'b3',
  'b3multi',
  'xray',
  'xray-lambda',
  'datadog',
  'none',
];
/** Sampler names the kit understands. */
export const SAMPLER_NAMES: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

const DEFAULT_PROPAGATORS: readonly PropagatorName[] = ['tracecontext', 'baggage'];
const DEFAULT_COUNT_LIMIT = 128;

/**
 * Applies the list rules shared by variables and options: `none` means no propagator at all,
 * and `xray-lambda` replaces `xray` (it wraps it; both would extract twice).
 */
export function finishPropagators(names: readonly PropagatorName[]): PropagatorName[] {
  const unique = [...new Set(names)];
  if (unique.includes('none')) {
    if (unique.length > 1) {
      warnOnce('OTEL_PROPAGATORS:none', 'propagators combine "none" with others; none is used');
    }
    return [];
  }
  if (unique.includes('xray') && unique.includes('xray-lambda')) {
    warnOnce(
      'OTEL_PROPAGATORS:xray',
      'propagators list xray and xray-lambda; xray-lambda replaces xray',
    );
    return unique.filter((name) => name !== 'xray');
  }
  return unique;
}

/** `OTEL_PROPAGATORS`: known names in order, each unknown name warned once and ignored. */
export function readPropagators(
  env: EnvReader,
  option: readonly PropagatorName[] | undefined,
): PropagatorName[] {
  if (option !== undefined) return finishPropagators(option);
  const raw = env.get('OTEL_PROPAGATORS');
  if (raw === undefined) return [...DEFAULT_PROPAGATORS];
  const known: PropagatorName[] = [];
  for (const name of parseList(raw)) {
    const propagator = parseEnum(name, PROPAGATOR_NAMES);
    if (propagator !== undefined) {
      known.push(propagator);
      continue;
    }
    const shown = isPlainName(name) ? ` "${name}"` : '';
    warnOnce(
      `OTEL_PROPAGATORS:unknown:${name}`,
      `OTEL_PROPAGATORS names an unknown propagator${shown}; it is ignored`,
    );
  }
  if (known.length === 0) {
    warnInvalid('OTEL_PROPAGATORS', `a list of ${PROPAGATOR_NAMES.join(', ')}`);
    return [...DEFAULT_PROPAGATORS];
  }
  return finishPropagators(known);
}

const usesRatio = (name: SamplerName) => name.endsWith('traceidratio');

/** `OTEL_TRACES_SAMPLER` and, for the ratio samplers, `OTEL_TRACES_SAMPLER_ARG` (0…1, default 1). */
export function readSampler(
  env: EnvReader,
  option: Partial<SamplerConfig> | undefined,
): SamplerConfig {
  const name =
    option?.name ?? readEnum(env, 'OTEL_TRACES_SAMPLER', SAMPLER_NAMES) ?? 'parentbased_always_on';
  let ratio = option?.ratio;
  if (ratio === undefined && usesRatio(name)) {
    const raw = env.get('OTEL_TRACES_SAMPLER_ARG');
    ratio = raw === undefined ? undefined : parseRatio(raw);
    if (raw !== undefined && ratio === undefined) {
      warnInvalid('OTEL_TRACES_SAMPLER_ARG', 'a number from 0 to 1');
    }
  }
  return { name, ratio: ratio ?? 1 };
}

const count = (env: EnvReader, name: string) => readInteger(env, name, 0, MAX_TIMER_MS);

/** Span limits: `OTEL_SPAN_*` first, then the general `OTEL_ATTRIBUTE_*`, then 128 (no value-length limit). */
export function readSpanLimits(
  env: EnvReader,
  option: Partial<SpanLimitsConfig> | undefined,
): SpanLimitsConfig {
  return {
    attributeCountLimit:
      option?.attributeCountLimit ??
      count(env, 'OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT') ??
      count(env, 'OTEL_ATTRIBUTE_COUNT_LIMIT') ??
      DEFAULT_COUNT_LIMIT,
    attributeValueLengthLimit:
      option?.attributeValueLengthLimit ??
      count(env, 'OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT') ??
      count(env, 'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT'),
    eventCountLimit:
      option?.eventCountLimit ?? count(env, 'OTEL_SPAN_EVENT_COUNT_LIMIT') ?? DEFAULT_COUNT_LIMIT,
    linkCountLimit:
      option?.linkCountLimit ?? count(env, 'OTEL_SPAN_LINK_COUNT_LIMIT') ?? DEFAULT_COUNT_LIMIT,
    attributePerEventCountLimit:
      option?.attributePerEventCountLimit ??
      count(env, 'OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT') ??
      DEFAULT_COUNT_LIMIT,
    attributePerLinkCountLimit:
      option?.attributePerLinkCountLimit ??
      count(env, 'OTEL_LINK_ATTRIBUTE_COUNT_LIMIT') ??
      DEFAULT_COUNT_LIMIT,
  };
}

/** `OTEL_BSP_*` (defaults 5000 / 30000 / 2048 / 512); a batch larger than the queue is cut to it. */
export function readBsp(env: EnvReader, option: Partial<BspConfig> | undefined): BspConfig {
  const maxQueueSize =
    option?.maxQueueSize ?? readInteger(env, 'OTEL_BSP_MAX_QUEUE_SIZE', 1, MAX_TIMER_MS) ?? 2048;
  let maxExportBatchSize =
    option?.maxExportBatchSize ??
    readInteger(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 1, MAX_TIMER_MS) ??
    512;
  if (maxExportBatchSize > maxQueueSize) {
    warnOnce(
      'OTEL_BSP_MAX_EXPORT_BATCH_SIZE:clamped',
      `the export batch size is larger than the queue (${maxQueueSize}); using the queue size`,
    );
    maxExportBatchSize = maxQueueSize;
  }
  return {
    scheduleDelayMs:
      option?.scheduleDelayMs ??
      readInteger(env, 'OTEL_BSP_SCHEDULE_DELAY', 0, MAX_TIMER_MS) ??
      5000,
    exportTimeoutMs:
      option?.exportTimeoutMs ??
      readInteger(env, 'OTEL_BSP_EXPORT_TIMEOUT', 1, MAX_TIMER_MS) ??
      30_000,
    maxQueueSize,
    maxExportBatchSize,
  };
}
