import { type EnvMap, readConfig, resetWarnOnce } from '@lambda-otel-kit/core';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { defaultResource } from '@opentelemetry/resources';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaResourceAttributes } from '../src/lambda-resource-attributes.js';
import type { LambdaResourceOptions, ResourceConfig } from '../src/types.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const noConfig: ResourceConfig = { serviceName: undefined, resourceAttributes: {} };
const facts = { arch: 'x64', nodeVersion: '20.20.2', executableName: 'node' };
const sdk = defaultResource().attributes;
const telemetrySdk = {
  'telemetry.sdk.language': 'nodejs',
  'telemetry.sdk.name': 'opentelemetry',
  'telemetry.sdk.version': sdk['telemetry.sdk.version'],
};
const processAttributes = {
  'host.arch': 'amd64',
  'process.runtime.name': 'nodejs',
  'process.runtime.version': '20.20.2',
  'process.runtime.description': 'Node.js',
};

/** The variables Lambda sets in every function, container images included. */
function lambdaEnv(overrides: EnvMap = {}): EnvMap {
  return {
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: 'orders-consumer',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/orders-consumer',
    AWS_LAMBDA_LOG_STREAM_NAME: '2025/01/02/[$LATEST]0123456789abcdef0123456789abcdef',
    ...overrides,
  };
}

function attributesOf(
  env: EnvMap,
  config: ResourceConfig = noConfig,
  options: LambdaResourceOptions = {},
) {
  return lambdaResourceAttributes(env, { ...facts, config, ...options });
}

afterEach(() => {
  diag.disable();
});

describe('lambdaResourceAttributes', () => {
  it('describes a container-image function that has no AWS_EXECUTION_ENV', () => {
    // Arrange
    const env = lambdaEnv();

    // Act
    const attributes = attributesOf(env);

    // Assert
    expect(attributes).toEqual({
      ...telemetrySdk,
      ...processAttributes,
      'service.name': 'orders-consumer',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'cloud.region': 'eu-west-1',
      'faas.name': 'orders-consumer',
      'faas.version': '$LATEST',
      'faas.instance': '2025/01/02/[$LATEST]0123456789abcdef0123456789abcdef',
      'faas.max_memory': 536_870_912,
      'aws.log.group.names': ['/aws/lambda/orders-consumer'],
    });
  });

  it('gives the same attributes whether AWS_EXECUTION_ENV is set or not', () => {
    // Arrange
    const managed = lambdaEnv({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' });

    // Act / Assert
    expect(attributesOf(managed)).toEqual(attributesOf(lambdaEnv()));
  });

  it('describes a plain local run with nothing set', () => {
    // Act
    const attributes = attributesOf({});

    // Assert
    expect(attributes).toEqual({
      ...telemetrySdk,
      ...processAttributes,
      'service.name': 'unknown_service:node',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
    });
  });

  it('treats blank variables as unset', () => {
    // Arrange
    const blank = lambdaEnv({
      AWS_REGION: ' ',
      AWS_DEFAULT_REGION: '',
      AWS_LAMBDA_FUNCTION_NAME: '',
      AWS_LAMBDA_FUNCTION_VERSION: '\t',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '',
      AWS_LAMBDA_LOG_GROUP_NAME: '',
      AWS_LAMBDA_LOG_STREAM_NAME: '  ',
    });

    // Act / Assert
    expect(attributesOf(blank)).toEqual(attributesOf({}));
  });

  it('falls back to AWS_DEFAULT_REGION for cloud.region', () => {
    // Act
    const attributes = attributesOf({ AWS_DEFAULT_REGION: 'us-east-2' });

    // Assert
    expect(attributes['cloud.region']).toBe('us-east-2');
  });

  it.each([
    ['128', 134_217_728],
    ['1769', 1_854_930_944],
    ['10240', 10_737_418_240],
  ])('sets faas.max_memory in bytes for %s MiB', (memory, bytes) => {
    // Act
    const attributes = attributesOf(lambdaEnv({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: memory }));

    // Assert
    expect(attributes['faas.max_memory']).toBe(bytes);
  });

  it.each([['0'], ['-512'], ['512MB'], ['1.5'], ['lots']])(
    'leaves faas.max_memory out for %j and keeps every other attribute',
    (memory) => {
      // Act
      const attributes = attributesOf(lambdaEnv({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: memory }));

      // Assert
      expect(attributes).not.toHaveProperty(['faas.max_memory']);
      expect(attributes['faas.name']).toBe('orders-consumer');
    },
  );

  it('warns through diag once about an unusable memory size, without failing', () => {
    // Arrange
    resetWarnOnce();
    const warn = vi.fn();
    diag.setLogger(
      { warn, error: vi.fn(), info: vi.fn(), debug: vi.fn(), verbose: vi.fn() },
      DiagLogLevel.WARN,
    );
    const env = lambdaEnv({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: 'lots' });

    // Act
    attributesOf(env);
    attributesOf(lambdaEnv({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '-1' }));

    // Assert
    const memoryWarnings = warn.mock.calls.filter(([message]) =>
      String(message).includes('AWS_LAMBDA_FUNCTION_MEMORY_SIZE'),
    );
    expect(memoryWarnings).toHaveLength(1);
    expect(String(memoryWarnings[0]?.[0])).toContain('"lots"');
  });

  it('does not warn about a memory size that is unset or blank', () => {
    // Arrange
    resetWarnOnce();
    const warn = vi.fn();
    diag.setLogger(
      { warn, error: vi.fn(), info: vi.fn(), debug: vi.fn(), verbose: vi.fn() },
      DiagLogLevel.WARN,
    );

    // Act
    attributesOf({});
    attributesOf({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '  ' });

    // Assert
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['arm64', 'arm64'],
    ['x64', 'amd64'],
  ])('maps process.arch %s to host.arch %s', (arch, expected) => {
    // Act
    const attributes = attributesOf(lambdaEnv(), noConfig, { arch });

    // Assert
    expect(attributes['host.arch']).toBe(expected);
  });

  it('takes host.arch, the runtime version and the executable from the process by default', () => {
    // Act
    const attributes = lambdaResourceAttributes({}, { config: noConfig });

    // Assert
    expect(attributes['host.arch']).toBe(process.arch === 'x64' ? 'amd64' : process.arch);
    expect(attributes['process.runtime.version']).toBe(process.versions.node);
    expect(attributes['service.name']).toMatch(/^unknown_service:[^/\\]+$/);
  });

  it.each<[string, ResourceConfig, EnvMap, string]>([
    [
      'OTEL_SERVICE_NAME first',
      { serviceName: 'orders', resourceAttributes: { 'service.name': 'from-attributes' } },
      lambdaEnv(),
      'orders',
    ],
    [
      'then service.name in OTEL_RESOURCE_ATTRIBUTES',
      { serviceName: undefined, resourceAttributes: { 'service.name': 'from-attributes' } },
      lambdaEnv(),
      'from-attributes',
    ],
    [
      'then the function name',
      { serviceName: undefined, resourceAttributes: { 'service.version': '1.2.3' } },
      lambdaEnv(),
      'orders-consumer',
    ],
    ['then unknown_service:<executable>', noConfig, {}, 'unknown_service:node'],
    [
      'skipping blank names',
      { serviceName: '  ', resourceAttributes: { 'service.name': '' } },
      lambdaEnv(),
      'orders-consumer',
    ],
  ])('resolves service.name: %s', (_case, config, env, expected) => {
    // Act
    const attributes = attributesOf(env, config);

    // Assert
    expect(attributes['service.name']).toBe(expected);
  });

  it('lets configured resource attributes beat detected ones', () => {
    // Arrange
    const config: ResourceConfig = {
      serviceName: undefined,
      resourceAttributes: {
        'cloud.region': 'us-west-2',
        'faas.name': 'renamed',
        'host.arch': 'custom',
        'deployment.environment.name': 'staging',
      },
    };

    // Act
    const attributes = attributesOf(lambdaEnv(), config);

    // Assert
    expect(attributes).toMatchObject({
      'cloud.region': 'us-west-2',
      'faas.name': 'renamed',
      'host.arch': 'custom',
      'deployment.environment.name': 'staging',
      'service.name': 'orders-consumer',
    });
  });

  it('sets service.version only when given, never from the function version', () => {
    // Arrange
    const fromAttributes: ResourceConfig = {
      serviceName: undefined,
      resourceAttributes: { 'service.version': '1.2.3' },
    };

    // Act
    const none = attributesOf(lambdaEnv({ AWS_LAMBDA_FUNCTION_VERSION: '42' }));
    const configured = attributesOf(lambdaEnv(), fromAttributes);
    const explicit = attributesOf(lambdaEnv(), fromAttributes, { serviceVersion: '2.0.0' });

    // Assert
    expect(none).not.toHaveProperty(['service.version']);
    expect(none['faas.version']).toBe('42');
    expect(configured['service.version']).toBe('1.2.3');
    expect(explicit['service.version']).toBe('2.0.0');
  });

  it('reads OTEL_SERVICE_NAME and percent-decoded OTEL_RESOURCE_ATTRIBUTES when given no config', () => {
    // Arrange
    const env = lambdaEnv({
      OTEL_SERVICE_NAME: 'orders',
      OTEL_RESOURCE_ATTRIBUTES:
        'team=pay%20ments,deployment.environment.name=prod,cloud.region=eu-south-1',
    });

    // Act
    const attributes = lambdaResourceAttributes(env, facts);

    // Assert
    expect(attributes).toMatchObject({
      'service.name': 'orders',
      team: 'pay ments',
      'deployment.environment.name': 'prod',
      'cloud.region': 'eu-south-1',
      'faas.name': 'orders-consumer',
    });
  });

  it('puts the vendor preset attributes on the resource', () => {
    // Arrange
    const env = lambdaEnv({
      LAMBDA_OTEL_VENDOR: 'coralogix',
      CX_TOKEN: 'secret',
      CX_DOMAIN: 'eu2.coralogix.com',
      CX_APPLICATION_NAME: 'shop',
      CX_SUBSYSTEM_NAME: 'orders',
    });

    // Act
    const attributes = lambdaResourceAttributes(env, facts);

    // Assert
    expect(attributes).toMatchObject({
      'cx.application.name': 'shop',
      'cx.subsystem.name': 'orders',
      'service.name': 'orders-consumer',
    });
  });

  it('lets OTEL_RESOURCE_ATTRIBUTES beat the vendor preset attributes', () => {
    // Arrange
    const env = lambdaEnv({
      LAMBDA_OTEL_VENDOR: 'coralogix',
      CX_TOKEN: 'secret',
      CX_DOMAIN: 'eu2.coralogix.com',
      CX_APPLICATION_NAME: 'shop',
      CX_SUBSYSTEM_NAME: 'orders',
      OTEL_RESOURCE_ATTRIBUTES: 'cx.application.name=explicit-app',
    });

    // Act
    const attributes = lambdaResourceAttributes(env, facts);

    // Assert
    expect(attributes['cx.application.name']).toBe('explicit-app');
    expect(attributes['cx.subsystem.name']).toBe('orders');
  });

  it('leaves cloud.account.id to the invocation span', () => {
    // Act
    const attributes = attributesOf(lambdaEnv());

    // Assert
    expect(attributes).not.toHaveProperty(['cloud.account.id']);
  });

  it('keeps a __proto__ attribute key as a plain key', () => {
    // Arrange
    const resourceAttributes = JSON.parse('{"__proto__":"x","team":"payments"}');

    // Act
    const attributes = attributesOf(lambdaEnv(), { serviceName: undefined, resourceAttributes });

    // Assert
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.entries(attributes)).toContainEqual(['__proto__', 'x']);
    expect(attributes.team).toBe('payments');
  });
});

describe('lambdaResourceAttributes on random environments', () => {
  const knownKeys = [
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_EXECUTION_ENV',
    'AWS_LAMBDA_FUNCTION_NAME',
    'AWS_LAMBDA_FUNCTION_VERSION',
    'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
    'AWS_LAMBDA_LOG_GROUP_NAME',
    'AWS_LAMBDA_LOG_STREAM_NAME',
    'OTEL_SERVICE_NAME',
    'OTEL_RESOURCE_ATTRIBUTES',
    'LAMBDA_OTEL_VENDOR',
    'CX_APPLICATION_NAME',
    'CX_SUBSYSTEM_NAME',
  ];
  const pieces = fc.constantFrom(
    '=',
    ',',
    '%',
    '%2C',
    '%3D',
    '%ZZ',
    ' ',
    'service.name',
    'cx.',
    'a',
  );
  const attributeList = fc
    .array(fc.oneof(pieces, fc.string()), { maxLength: 12 })
    .map((parts) => parts.join(''));
  const value = fc.oneof(
    fc.string(),
    attributeList,
    fc.integer().map(String),
    fc.constantFrom('coralogix', 'datadog', 'honeycomb', ''),
  );
  const env = fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), fc.string()), value, {
    maxKeys: 16,
  });

  it('never throw, always say cloud.provider=aws and give a non-blank string service.name', () => {
    fc.assert(
      fc.property(env, (randomEnv) => {
        const attributes = lambdaResourceAttributes(randomEnv, facts);
        const configured = readConfig(undefined, randomEnv).resourceAttributes['cloud.provider'];
        expect(attributes['cloud.provider']).toBe(configured ?? 'aws');
        expect(attributes['service.name']).toBeTypeOf('string');
        expect(String(attributes['service.name']).trim()).not.toBe('');
      }),
      { numRuns },
    );
  });
});
