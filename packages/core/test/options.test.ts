import { describe, expect, it } from 'vitest';
import { KitError } from '../src/errors.js';
import { assertOptions, CORE_PACKAGE } from '../src/options.js';

describe('CORE_PACKAGE', () => {
  it('is the package name', () => {
    expect(CORE_PACKAGE).toBe('@lambda-otel-kit/core');
  });
});

describe('assertOptions', () => {
  it('accepts empty options and a full valid set', () => {
    expect(() => assertOptions({})).not.toThrow();
    expect(() =>
      assertOptions({
        sdkDisabled: false,
        serviceName: 'orders',
        resourceAttributes: { team: 'core' },
        propagators: ['tracecontext', 'datadog'],
        sampler: { name: 'traceidratio', ratio: 0.5 },
        otlp: {
          protocol: 'grpc',
          url: 'https://otlp.example.com:4317',
          headers: { Authorization: 'Bearer x' },
          timeoutMs: 1000,
          compression: 'gzip',
        },
        spanLimits: { attributeValueLengthLimit: 4095, linkCountLimit: 10_000 },
        bsp: { maxQueueSize: 10_000, scheduleDelayMs: 0 },
        vendor: 'honeycomb',
        flush: { capMs: 0, marginMs: 0 },
        recordContextOrder: [],
        recordParenting: 'invocation',
      }),
    ).not.toThrow();
  });

  it.each<[string, unknown]>([
    ['options must be an object', null],
    ['options must be an object', []],
    ['otlp must be an object', { otlp: 'http://x' }],
    ['sdkDisabled must be a boolean', { sdkDisabled: 'true' }],
    ['serviceName must be a non-blank string', { serviceName: '  ' }],
    ['resourceAttributes must be an object of string values', { resourceAttributes: { n: 1 } }],
    ['propagators must be a list of', { propagators: ['jaeger'] }],
    ['sampler.name must be one of', { sampler: { name: 'sometimes' } }],
    ['sampler.ratio must be a number from 0 to 1', { sampler: { ratio: 2 } }],
    ['otlp.protocol must be one of', { otlp: { protocol: 'http' } }],
    ['otlp.url must be an http:// or https:// URL', { otlp: { url: 'collector:4317' } }],
    [
      'otlp.headers must be an object of valid header names and values',
      { otlp: { headers: { 'bad name': 'x' } } },
    ],
    ['otlp.headers must be', { otlp: { headers: { a: 'line\nbreak' } } }],
    ['otlp.timeoutMs must be a whole number from 1', { otlp: { timeoutMs: 0 } }],
    ['otlp.timeoutMs must be', { otlp: { timeoutMs: 1.5 } }],
    ['otlp.compression must be one of', { otlp: { compression: 'zstd' } }],
    ['spanLimits.linkCountLimit must be', { spanLimits: { linkCountLimit: -1 } }],
    ['bsp.maxQueueSize must be a whole number ≥ 1', { bsp: { maxQueueSize: 0 } }],
    ['bsp.scheduleDelayMs must be', { bsp: { scheduleDelayMs: Number.NaN } }],
    ['vendor must be one of', { vendor: 'splunk' }],
    ['flush.capMs must be', { flush: { capMs: 2 ** 31 } }],
    ['recordContextOrder must be a list of', { recordContextOrder: ['headers'] }],
    ['recordParenting must be one of', { recordParenting: 'parent' }],
  ])('throws KitError "%s"', (message, options) => {
    let thrown: unknown;
    try {
      assertOptions(options);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(KitError);
    expect((thrown as KitError).package).toBe('@lambda-otel-kit/core');
    expect((thrown as KitError).message).toContain(message);
  });

  it('never puts a header value in its message', () => {
    expect(() =>
      assertOptions({ otlp: { headers: { authorization: 'Bearer s3cr3t\n' } } }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('s3cr3t') }));
  });
});
