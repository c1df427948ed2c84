import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnvReader } from '../src/env-reader.js';
import {
  finishPropagators,
  PROPAGATOR_NAMES,
  readBsp,
  readPropagators,
  readSampler,
  readSpanLimits,
  SAMPLER_NAMES,
} from '../src/sdk-settings.js';
import type { PropagatorName } from '../src/types.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';

let messages: string[];
beforeEach(() => {
  messages = spyOnDiag();
});
afterEach(stopDiagSpy);

/** The variable each warning names (the word after the prefix). */
const warned = () => messages.map((message) => message.split(' ')[1]);

describe('PROPAGATOR_NAMES', () => {
  it('has the spec names the kit supports plus datadog and xray-lambda', () => {
    expect(PROPAGATOR_NAMES).toEqual([
      'tracecontext',
      'baggage',
      'b3',
      'b3multi',
      'xray',
      'xray-lambda',
      'datadog',
      'none',
    ]);
  });
});

describe('SAMPLER_NAMES', () => {
  it('has the six built-in samplers', () => {
    expect(SAMPLER_NAMES).toHaveLength(6);
  });
});

describe('finishPropagators', () => {
  it.each<[PropagatorName[], PropagatorName[], number]>([
    [['b3', 'b3', 'tracecontext'], ['b3', 'tracecontext'], 0],
    [['none'], [], 0],
    [['none', 'b3'], [], 1],
    [['xray', 'datadog', 'xray-lambda'], ['datadog', 'xray-lambda'], 1],
  ])('%j → %j', (names, expected, warnings) => {
    expect(finishPropagators(names)).toEqual(expected);
    expect(messages).toHaveLength(warnings);
  });
});

describe('readPropagators', () => {
  it.each<[string | undefined, PropagatorName[], string[]]>([
    [undefined, ['tracecontext', 'baggage'], []],
    ['  ', ['tracecontext', 'baggage'], []],
    ['b3', ['b3'], []],
    [' TraceContext , datadog ', ['tracecontext', 'datadog'], []],
    ['tracecontext,tracecontext,baggage', ['tracecontext', 'baggage'], []],
    ['none', [], []],
    [
      'jaeger,tracecontext',
      ['tracecontext'],
      ['OTEL_PROPAGATORS names an unknown propagator "jaeger"; it is ignored'],
    ],
    [
      'bogus',
      ['tracecontext', 'baggage'],
      ['unknown propagator "bogus"', 'OTEL_PROPAGATORS is not a list of'],
    ],
    [',,,', ['tracecontext', 'baggage'], ['OTEL_PROPAGATORS is not a list of']],
    [
      'k=s3cr3t value',
      ['tracecontext', 'baggage'],
      ['unknown propagator; it is ignored', 'OTEL_PROPAGATORS is not'],
    ],
  ])('%j → %j', (value, expected, warnings) => {
    const env = createEnvReader({ OTEL_PROPAGATORS: value });

    expect(readPropagators(env, undefined)).toEqual(expected);
    expect(messages).toHaveLength(warnings.length);
    for (const [at, warning] of warnings.entries()) expect(messages[at]).toContain(warning);
    expect(messages.join()).not.toContain('s3cr3t');
  });

  it('warns once per unknown name however often it is read', () => {
    const env = createEnvReader({ OTEL_PROPAGATORS: 'jaeger,ottrace,tracecontext' });

    readPropagators(env, undefined);
    readPropagators(env, undefined);

    expect(messages).toHaveLength(2);
  });

  it('takes the option over the variable', () => {
    const env = createEnvReader({ OTEL_PROPAGATORS: 'b3' });

    expect(readPropagators(env, ['datadog', 'tracecontext'])).toEqual(['datadog', 'tracecontext']);
  });
});

describe('readSampler', () => {
  it.each<[Record<string, string>, { name: string; ratio: number }, string[]]>([
    [{}, { name: 'parentbased_always_on', ratio: 1 }, []],
    [{ OTEL_TRACES_SAMPLER: 'always_off' }, { name: 'always_off', ratio: 1 }, []],
    [
      { OTEL_TRACES_SAMPLER: 'ParentBased_TraceIdRatio', OTEL_TRACES_SAMPLER_ARG: '0.1' },
      { name: 'parentbased_traceidratio', ratio: 0.1 },
      [],
    ],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio' }, { name: 'traceidratio', ratio: 1 }, []],
    [
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' },
      { name: 'traceidratio', ratio: 1 },
      ['OTEL_TRACES_SAMPLER_ARG'],
    ],
    [
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '-0.5' },
      { name: 'traceidratio', ratio: 1 },
      ['OTEL_TRACES_SAMPLER_ARG'],
    ],
    [
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: 'half' },
      { name: 'traceidratio', ratio: 1 },
      ['OTEL_TRACES_SAMPLER_ARG'],
    ],
    [
      { OTEL_TRACES_SAMPLER: 'always_on', OTEL_TRACES_SAMPLER_ARG: 'ignored' },
      { name: 'always_on', ratio: 1 },
      [],
    ],
    [
      { OTEL_TRACES_SAMPLER: 'jaeger_remote' },
      { name: 'parentbased_always_on', ratio: 1 },
      ['OTEL_TRACES_SAMPLER'],
    ],
  ])('%j → %j', (env, expected, warnings) => {
    expect(readSampler(createEnvReader(env), undefined)).toEqual(expected);
    expect(warned()).toEqual(warnings);
  });

  it('takes option fields over the variables, field by field', () => {
    const env = createEnvReader({
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.5',
    });

    expect(readSampler(env, { ratio: 0.2 })).toEqual({ name: 'traceidratio', ratio: 0.2 });
    expect(readSampler(env, { name: 'always_on' })).toEqual({ name: 'always_on', ratio: 1 });
  });
});

describe('readSpanLimits', () => {
  it('defaults to 128 everywhere and no value-length limit', () => {
    expect(readSpanLimits(createEnvReader({}), undefined)).toEqual({
      attributeCountLimit: 128,
      attributeValueLengthLimit: undefined,
      eventCountLimit: 128,
      linkCountLimit: 128,
      attributePerEventCountLimit: 128,
      attributePerLinkCountLimit: 128,
    });
  });

  it.each<[string, string, string, number | undefined]>([
    ['OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', '64', 'attributeCountLimit', 64],
    ['OTEL_ATTRIBUTE_COUNT_LIMIT', '32', 'attributeCountLimit', 32],
    ['OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', '4095', 'attributeValueLengthLimit', 4095],
    ['OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', '0', 'attributeValueLengthLimit', 0],
    ['OTEL_SPAN_EVENT_COUNT_LIMIT', '5', 'eventCountLimit', 5],
    ['OTEL_SPAN_LINK_COUNT_LIMIT', '10000', 'linkCountLimit', 10_000],
    ['OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT', '3', 'attributePerEventCountLimit', 3],
    ['OTEL_LINK_ATTRIBUTE_COUNT_LIMIT', '2', 'attributePerLinkCountLimit', 2],
  ])('%s=%s sets %s', (name, value, field, expected) => {
    const limits = readSpanLimits(createEnvReader({ [name]: value }), undefined);

    expect(limits).toHaveProperty(field, expected);
    expect(messages).toEqual([]);
  });

  it.each(['-1', 'lots', '1.5', '99999999999'])('warns and keeps the default for %j', (value) => {
    const limits = readSpanLimits(
      createEnvReader({ OTEL_SPAN_LINK_COUNT_LIMIT: value }),
      undefined,
    );

    expect(limits.linkCountLimit).toBe(128);
    expect(warned()).toEqual(['OTEL_SPAN_LINK_COUNT_LIMIT']);
  });

  it('prefers the span-specific variable over the general one', () => {
    const env = createEnvReader({
      OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '10',
      OTEL_ATTRIBUTE_COUNT_LIMIT: '20',
    });

    expect(readSpanLimits(env, undefined).attributeCountLimit).toBe(10);
    expect(readSpanLimits(env, { attributeCountLimit: 1 }).attributeCountLimit).toBe(1);
  });
});

describe('readBsp', () => {
  it('defaults to the spec values', () => {
    expect(readBsp(createEnvReader({}), undefined)).toEqual({
      scheduleDelayMs: 5000,
      exportTimeoutMs: 30_000,
      maxQueueSize: 2048,
      maxExportBatchSize: 512,
    });
  });

  it.each<[string, string, string, number, string[]]>([
    ['OTEL_BSP_SCHEDULE_DELAY', '0', 'scheduleDelayMs', 0, []],
    ['OTEL_BSP_SCHEDULE_DELAY', '-5', 'scheduleDelayMs', 5000, ['OTEL_BSP_SCHEDULE_DELAY']],
    ['OTEL_BSP_EXPORT_TIMEOUT', '1000', 'exportTimeoutMs', 1000, []],
    ['OTEL_BSP_EXPORT_TIMEOUT', '0', 'exportTimeoutMs', 30_000, ['OTEL_BSP_EXPORT_TIMEOUT']],
    ['OTEL_BSP_MAX_QUEUE_SIZE', '10000', 'maxQueueSize', 10_000, []],
    ['OTEL_BSP_MAX_QUEUE_SIZE', '0', 'maxQueueSize', 2048, ['OTEL_BSP_MAX_QUEUE_SIZE']],
    ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE', '100', 'maxExportBatchSize', 100, []],
    [
      'OTEL_BSP_MAX_EXPORT_BATCH_SIZE',
      'big',
      'maxExportBatchSize',
      512,
      ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE'],
    ],
  ])('%s=%s → %s %d', (name, value, field, expected, warnings) => {
    expect(readBsp(createEnvReader({ [name]: value }), undefined)).toHaveProperty(field, expected);
    expect(warned()).toEqual(warnings);
  });

  it('cuts a batch larger than the queue to the queue size, with a warning', () => {
    const env = createEnvReader({
      OTEL_BSP_MAX_QUEUE_SIZE: '100',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '512',
    });

    expect(readBsp(env, undefined)).toMatchObject({ maxQueueSize: 100, maxExportBatchSize: 100 });
    expect(messages).toEqual([expect.stringContaining('larger than the queue (100)')]);
  });
});
