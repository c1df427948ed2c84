import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { KitError } from '../src/errors.js';
import { CONFIG_VARIABLES } from '../src/variables.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';
import { VARIABLE_CASES } from './support/variable-cases.js';

let messages: string[];
beforeEach(() => {
  messages = spyOnDiag();
});
afterEach(stopDiagSpy);

const SECRET_VALUES = ['c2VjcmV0', 'dd-key', 'hc-key', 'tok', 'eu01xx0123456789abcdef'];

describe('readConfig', () => {
  it('has a case for every variable in CONFIG_VARIABLES, and no other', () => {
    expect(VARIABLE_CASES.map((c) => c.name).sort()).toStrictEqual(
      CONFIG_VARIABLES.map((v) => v.name).sort(),
    );
  });

  describe.each(VARIABLE_CASES)('$name', (variable) => {
    const context = variable.context ?? {};

    it('gives the default when unset or blank', () => {
      // Act
      const unset = readConfig({}, context);
      const blank = readConfig({}, { ...context, [variable.name]: '  ' });

      // Assert
      expect(variable.read(unset)).toStrictEqual(variable.unset);
      expect(variable.read(blank)).toStrictEqual(variable.unset);
    });

    it('reads a good value without a warning', () => {
      // Act
      const config = readConfig({}, { ...context, [variable.name]: variable.good });

      // Assert
      expect(variable.read(config)).toStrictEqual(variable.expected);
      expect(messages).toStrictEqual([]);
    });
  });

  describe.each(VARIABLE_CASES.filter((c) => c.bad !== undefined))('$name', (variable) => {
    const context = variable.context ?? {};

    it('warns once about a bad value, never echoing a secret, and falls back', () => {
      // Act
      const env = { ...context, [variable.name]: variable.bad };
      const first = readConfig({}, env);
      const second = readConfig({}, env);

      // Assert
      expect(variable.read(first)).toStrictEqual(variable.fallback);
      expect(variable.read(second)).toStrictEqual(variable.fallback);
      expect(messages).toHaveLength(variable.warningCount ?? 1);
      expect(messages[0]).toContain(variable.warning ?? variable.name);
      for (const secret of SECRET_VALUES) expect(messages.join('\n')).not.toContain(secret);
    });
  });

  it('prefers options over variables over presets over defaults', () => {
    // Arrange
    const env = {
      LAMBDA_OTEL_VENDOR: 'honeycomb',
      HONEYCOMB_API_KEY: 'from-preset',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-honeycomb-team=from-env',
      OTEL_EXPORTER_OTLP_TIMEOUT: '4000',
      OTEL_SERVICE_NAME: 'from-env',
    };

    // Act
    const fromEnv = readConfig({}, env);
    const fromOptions = readConfig(
      {
        serviceName: 'from-option',
        otlp: { timeoutMs: 100, headers: { 'X-Honeycomb-Team': 'opt' } },
      },
      env,
    );

    // Assert
    expect(fromEnv.otlp.headers['x-honeycomb-team']).toBe('from-env');
    expect(fromEnv.otlp.url).toBe('https://api.honeycomb.io/v1/traces');
    expect(fromEnv.otlp.timeoutMs).toBe(4000);
    expect(fromOptions.serviceName).toBe('from-option');
    expect(fromOptions.resourceAttributes['service.name']).toBe('from-option');
    expect(fromOptions.otlp.timeoutMs).toBe(100);
    expect(fromOptions.otlp.headers['x-honeycomb-team']).toBe('opt');
  });

  it('gives the documented defaults for an empty environment', () => {
    // Act
    const config = readConfig({}, {});

    // Assert
    expect(config).toStrictEqual({
      sdkDisabled: false,
      serviceName: undefined,
      resourceAttributes: {},
      propagators: ['tracecontext', 'baggage'],
      sampler: { name: 'parentbased_always_on', ratio: 1 },
      otlp: {
        protocol: 'http/protobuf',
        url: 'http://localhost:4318/v1/traces',
        headers: {},
        timeoutMs: 10_000,
        compression: 'none',
      },
      spanLimits: {
        attributeCountLimit: 128,
        attributeValueLengthLimit: undefined,
        eventCountLimit: 128,
        linkCountLimit: 128,
        attributePerEventCountLimit: 128,
        attributePerLinkCountLimit: 128,
      },
      bsp: {
        scheduleDelayMs: 5000,
        exportTimeoutMs: 30_000,
        maxQueueSize: 2048,
        maxExportBatchSize: 512,
      },
      vendor: undefined,
      flush: { capMs: 2000, marginMs: 500, failingCapMs: 100 },
      recordContextOrder: [
        'message-attributes',
        'datadog',
        'sns',
        'eventbridge',
        'aws-trace-header',
      ],
      recordParenting: 'upstream',
    });
    expect(messages).toStrictEqual([]);
  });

  it('reads process.env by default, through vi.stubEnv', async () => {
    // Arrange
    const { vi } = await import('vitest');
    vi.stubEnv('OTEL_SERVICE_NAME', 'stubbed');

    // Act / Assert
    expect(readConfig().serviceName).toBe('stubbed');
  });

  it('throws a KitError for invalid options', () => {
    expect(() => readConfig({ otlp: { timeoutMs: -1 } }, {})).toThrow(KitError);
  });
});
