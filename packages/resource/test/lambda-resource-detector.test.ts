import { detectResources, envDetector, processDetector } from '@opentelemetry/resources';
import { describe, expect, it, vi } from 'vitest';
import { lambdaResourceDetector } from '../src/lambda-resource-detector.js';

function stubLambdaEnv(): void {
  vi.stubEnv('AWS_REGION', 'eu-central-1');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'thumbnailer');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_VERSION', '$LATEST');
  vi.stubEnv('AWS_LAMBDA_FUNCTION_MEMORY_SIZE', '2048');
  vi.stubEnv('AWS_LAMBDA_LOG_STREAM_NAME', '2025/01/02/[$LATEST]abc');
  vi.stubEnv('AWS_EXECUTION_ENV', undefined);
  vi.stubEnv('OTEL_SERVICE_NAME', undefined);
  vi.stubEnv('OTEL_RESOURCE_ATTRIBUTES', undefined);
}

describe('lambdaResourceDetector', () => {
  it('gives detectResources the Lambda attributes', () => {
    // Arrange
    stubLambdaEnv();

    // Act
    const resource = detectResources({ detectors: [lambdaResourceDetector] });

    // Assert
    expect(resource.attributes).toMatchObject({
      'service.name': 'thumbnailer',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_lambda',
      'cloud.region': 'eu-central-1',
      'faas.name': 'thumbnailer',
      'faas.max_memory': 2_147_483_648,
      'process.runtime.name': 'nodejs',
    });
  });

  it('reads the environment at detect time, not at import', () => {
    // Arrange
    stubLambdaEnv();
    const before = detectResources({ detectors: [lambdaResourceDetector] });
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'renamed');

    // Act
    const after = detectResources({ detectors: [lambdaResourceDetector] });

    // Assert
    expect(before.attributes['faas.name']).toBe('thumbnailer');
    expect(after.attributes['faas.name']).toBe('renamed');
  });

  it('includes OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME itself', () => {
    // Arrange
    stubLambdaEnv();
    vi.stubEnv('OTEL_SERVICE_NAME', 'images');
    vi.stubEnv('OTEL_RESOURCE_ATTRIBUTES', 'team=media,faas.name=overridden');

    // Act
    const resource = detectResources({ detectors: [lambdaResourceDetector] });

    // Assert
    expect(resource.attributes).toMatchObject({
      'service.name': 'images',
      team: 'media',
      'faas.name': 'overridden',
    });
  });

  it('combines with the SDK detectors', () => {
    // Arrange
    stubLambdaEnv();

    // Act
    const resource = detectResources({
      detectors: [envDetector, processDetector, lambdaResourceDetector],
    });

    // Assert
    expect(resource.attributes['faas.name']).toBe('thumbnailer');
    expect(resource.attributes['process.pid']).toBe(process.pid);
  });
});
