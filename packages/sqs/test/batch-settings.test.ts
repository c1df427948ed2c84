import { KitError } from '@lambda-otel-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { assertBatchOptions, resolveBatchSettings } from '../src/batch-settings.js';
import type { SqsBatchOptions } from '../src/types.js';
import { testConfig } from './support/invoke.js';

describe('assertBatchOptions', () => {
  it.each<SqsBatchOptions>([
    { concurrency: 0 },
    { concurrency: 1.5 },
    { deadlineMarginMs: -1 },
    { deadlineMarginMs: Number.NaN },
    { parenting: 'sideways' as never },
    { envelope: 'sqs' as never },
    { fifoFailureScope: 'queue' as never },
    { contextOrder: ['carrier-pigeon' as never] },
  ])('rejects %o with a KitError', (options) => {
    expect(() => assertBatchOptions(options)).toThrow(KitError);
  });

  it('accepts valid options', () => {
    expect(() =>
      assertBatchOptions({ concurrency: 4, deadlineMarginMs: 0, parenting: 'invocation' }),
    ).not.toThrow();
  });
});

describe('resolveBatchSettings', () => {
  it('takes defaults from the configuration', () => {
    expect(resolveBatchSettings({}, testConfig(64, 750))).toEqual({
      contextOrder: ['message-attributes', 'datadog', 'sns', 'eventbridge', 'aws-trace-header'],
      parenting: 'upstream',
      deadlineMarginMs: 1500,
      concurrency: 1,
      throwOnFullFailure: false,
      fifoFailureScope: 'group',
      envelope: 'none',
      linkLimit: 64,
    });
  });

  it('lets options beat the configuration', () => {
    const settings = resolveBatchSettings(
      { parenting: 'invocation', deadlineMarginMs: 2000, contextOrder: ['datadog'] },
      testConfig(),
    );
    expect(settings).toMatchObject({
      parenting: 'invocation',
      deadlineMarginMs: 2000,
      contextOrder: ['datadog'],
    });
  });

  it('reads the environment when no configuration is given', () => {
    vi.stubEnv('LAMBDA_OTEL_RECORD_PARENTING', 'invocation');
    vi.stubEnv('OTEL_SPAN_LINK_COUNT_LIMIT', '16');
    expect(resolveBatchSettings()).toMatchObject({ parenting: 'invocation', linkLimit: 16 });
  });
});
