import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildLambdaResource } from '../src/build-lambda-resource.js';
import type { ResourceConfig } from '../src/types.js';

function stubLambdaEnv(): void {
  vi.stubEnv('AWS_REGION', 'ap-southeast-2');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'checkout-api');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_VERSION', '7');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_MEMORY_SIZE', '1024');
  vi.stubEnv('AWS_LAMBDA_LOG_STREAM_NAME', '2025/01/02/[7]feedface');
  vi.stubEnv('OTEL_SERVICE_NAME', undefined);
  vi.stubEnv('OTEL_RESOURCE_ATTRIBUTES', undefined);
}

describe('buildLambdaResource', () => {
  let provider: BasicTracerProvider | undefined;

  afterEach(async () => {
    await provider?.shutdown();
    provider = undefined;
  });

  it('puts the Lambda attributes on every span a provider exports', async () => {
    // Arrange
    stubLambdaEnv();
    const exporter = new InMemorySpanExporter();
    provider = new BasicTracerProvider({
      resource: buildLambdaResource(),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });

    // Act
    provider.getTracer('test').startSpan('work').end();
    await provider.forceFlush();

    // Assert
    const [span] = exporter.getFinishedSpans();
    expect(span?.resource.attributes).toMatchObject({
      'service.name': 'checkout-api',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'cloud.region': 'ap-southeast-2',
      'faas.name': 'checkout-api',
      'faas.version': '7',
      'faas.instance': '2025/01/02/[7]feedface',
      'faas.max_memory': 1_073_741_824,
      'telemetry.sdk.language': 'nodejs',
    });
    expect(span?.resource.asyncAttributesPending).toBeFalsy();
  });

  it('uses the configuration it is given instead of reading OTEL_* variables', () => {
    // Arrange
    stubLambdaEnv();
    vi.stubEnv('OTEL_SERVICE_NAME', 'ignored-from-env');
    const config: ResourceConfig = {
      serviceName: 'checkout',
      resourceAttributes: { 'deployment.environment.name': 'prod' },
    };

    // Act
    const resource = buildLambdaResource(config);

    // Assert
    expect(resource.attributes['service.name']).toBe('checkout');
    expect(resource.attributes['deployment.environment.name']).toBe('prod');
  });

  it('reads the environment map it is given instead of process.env', () => {
    // Arrange
    stubLambdaEnv();
    const env = { AWS_LAMBDA_FUNCTION_NAME: 'other-function', OTEL_SERVICE_NAME: 'from-map' };

    // Act
    const resource = buildLambdaResource(undefined, env);

    // Assert
    expect(resource.attributes['service.name']).toBe('from-map');
    expect(resource.attributes['faas.name']).toBe('other-function');
    expect(resource.attributes).not.toHaveProperty(['cloud.region']);
  });
});
