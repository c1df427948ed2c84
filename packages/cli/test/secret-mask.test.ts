import { describe, expect, it } from 'vitest';
import { createMasker, secretValues } from '../src/secret-mask.js';

describe('secretValues', () => {
  it('collects header values (raw and decoded), credential variables and URL credentials', () => {
    // Act
    const secrets = secretValues({
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc123xyz',
      DD_API_KEY: 'ddkey-0001',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'https://me:hunter22@otlp.example.com',
      OTEL_SERVICE_NAME: 'orders',
    });
    // Assert
    expect(secrets).toEqual(
      expect.arrayContaining([
        'Bearer%20abc123xyz',
        'Bearer abc123xyz',
        'abc123xyz',
        'ddkey-0001',
        'hunter22',
      ]),
    );
    expect(secrets).not.toContain('orders');
  });
});

describe('createMasker', () => {
  it('replaces every occurrence, longest secrets first', () => {
    // Arrange
    const mask = createMasker(['abc123xyz', 'Bearer abc123xyz']);
    // Act / Assert
    expect(mask('sent Bearer abc123xyz and abc123xyz')).toBe('sent *** and ***');
  });
});
