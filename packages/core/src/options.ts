import { parseEndpoint } from './endpoint.js';
import { MAX_TIMER_MS } from './env-reader.js';
import { KitError } from './errors.js';
import { isHeaderName, isHeaderValue } from './key-value.js';
import { RECORD_CONTEXT_SOURCES, RECORD_PARENTINGS } from './kit-settings.js';
import { OTLP_COMPRESSIONS, OTLP_PROTOCOLS } from './otlp.js';
import { VENDOR_PRESET_NAMES } from './presets.js';
import { PROPAGATOR_NAMES, SAMPLER_NAMES } from './sdk-settings.js';
import type { KitConfigOptions } from './types.js';

/** The package name errors carry. */
export const CORE_PACKAGE = '@lambda-otel-kit/core';

type Check = (value: unknown) => boolean;

const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);
const listOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    Array.isArray(value) && value.every(oneOf(allowed));
const wholeNumber =
  (min: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_TIMER_MS;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringMap: Check = (value) =>
  isObject(value) && Object.values(value).every((item) => typeof item === 'string');
const headerMap: Check = (value) =>
  isObject(value) &&
  Object.entries(value).every(
    ([name, item]) => isHeaderName(name) && typeof item === 'string' && isHeaderValue(item),
  );

/** Each option path with the rule it must follow and how to say it. */
const RULES: readonly [path: string, check: Check, expected: string][] = [
  ['sdkDisabled', (value) => typeof value === 'boolean', 'a boolean'],
  [
    'serviceName',
    (value) => typeof value === 'string' && value.trim() !== '',
    'a non-blank string',
  ],
  ['resourceAttributes', stringMap, 'an object of string values'],
  ['propagators', listOf(PROPAGATOR_NAMES), `a list of ${PROPAGATOR_NAMES.join(', ')}`],
  ['sampler.name', oneOf(SAMPLER_NAMES), `one of ${SAMPLER_NAMES.join(', ')}`],
  [
    'sampler.ratio',
    (value) => typeof value === 'number' && value >= 0 && value <= 1,
    'a number from 0 to 1',
  ],
  ['otlp.protocol', oneOf(OTLP_PROTOCOLS), `one of ${OTLP_PROTOCOLS.join(', ')}`],
  [
    'otlp.url',
    (value) => typeof value === 'string' && parseEndpoint(value) !== undefined,
    'an http:// or https:// URL',
  ],
  ['otlp.headers', headerMap, 'an object of valid header names and values'],
  ['otlp.timeoutMs', wholeNumber(1), `a whole number from 1 to ${MAX_TIMER_MS}`],
  ['otlp.compression', oneOf(OTLP_COMPRESSIONS), `one of ${OTLP_COMPRESSIONS.join(', ')}`],
  ['spanLimits.attributeCountLimit', wholeNumber(0), 'a whole number ≥ 0'],
  ['spanLimits.attributeValueLengthLimit', wholeNumber(0), 'a whole number ≥ 0'],
  ['spanLimits.eventCountLimit', wholeNumber(0), 'a whole number ≥ 0'],
  ['spanLimits.linkCountLimit', wholeNumber(0), 'a whole number ≥ 0'],
  ['spanLimits.attributePerEventCountLimit', wholeNumber(0), 'a whole number ≥ 0'],
  ['spanLimits.attributePerLinkCountLimit', wholeNumber(0), 'a whole number ≥ 0'],
  ['bsp.scheduleDelayMs', wholeNumber(0), 'a whole number ≥ 0'],
  ['bsp.exportTimeoutMs', wholeNumber(1), 'a whole number ≥ 1'],
  ['bsp.maxQueueSize', wholeNumber(1), 'a whole number ≥ 1'],
  ['bsp.maxExportBatchSize', wholeNumber(1), 'a whole number ≥ 1'],
  ['vendor', oneOf(VENDOR_PRESET_NAMES), `one of ${VENDOR_PRESET_NAMES.join(', ')}`],
  ['flush.capMs', wholeNumber(0), 'a whole number ≥ 0'],
  ['flush.marginMs', wholeNumber(0), 'a whole number ≥ 0'],
  ['flush.failingCapMs', wholeNumber(0), 'a whole number ≥ 0'],
  [
    'recordContextOrder',
    listOf(RECORD_CONTEXT_SOURCES),
    `a list of ${RECORD_CONTEXT_SOURCES.join(', ')}`,
  ],
  ['recordParenting', oneOf(RECORD_PARENTINGS), `one of ${RECORD_PARENTINGS.join(', ')}`],
];
const GROUPS = ['sampler', 'otlp', 'spanLimits', 'bsp', 'flush'];

function fail(message: string): never {
  throw new KitError(`readConfig options: ${message}`, { package: CORE_PACKAGE });
}

/**
 * Checks explicit options. Options come from code, so a wrong one is a setup mistake and throws
 * a {@link KitError} naming the option (never its value); variables, in contrast, are lenient.
 *
 * @param options - what the caller passed to {@link readConfig}.
 * @example
 * ```ts
 * assertOptions({ otlp: { timeoutMs: 0 } }); // throws KitError: otlp.timeoutMs must be …
 * ```
 */
export function assertOptions(options: unknown): asserts options is KitConfigOptions {
  if (!isObject(options)) fail('options must be an object');
  for (const group of GROUPS) {
    if (options[group] !== undefined && !isObject(options[group]))
      fail(`${group} must be an object`);
  }
  for (const [path, check, expected] of RULES) {
    const [head = '', tail] = path.split('.');
    const holder =
      tail === undefined ? options : (options[head] as Record<string, unknown> | undefined);
    const value = holder?.[tail ?? head];
    if (value !== undefined && !check(value)) fail(`${path} must be ${expected}`);
  }
}
