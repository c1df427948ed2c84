import { describe, expect, it, vi } from 'vitest';
import { datadogPresetInUse, resolveDatadog } from '../src/datadog-preset.js';

describe('datadogPresetInUse', () => {
  it.each([
    ['datadog', true],
    ['datadog-agentless', true],
    ['honeycomb', false],
    ['collector', false],
    ['', false],
    ['not-a-vendor', false],
  ])('LAMBDA_OTEL_VENDOR=%j gives %s', (vendor, expected) => {
    // Arrange
    vi.stubEnv('LAMBDA_OTEL_VENDOR', vendor);

    // Act / Assert
    expect(datadogPresetInUse()).toBe(expected);
  });

  it('reads an explicit environment instead of process.env', () => {
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'honeycomb');

    expect(datadogPresetInUse({ LAMBDA_OTEL_VENDOR: 'datadog' })).toBe(true);
  });
});

describe('resolveDatadog', () => {
  it('lets the explicit option win over the preset', () => {
    vi.stubEnv('LAMBDA_OTEL_VENDOR', 'datadog');

    expect(resolveDatadog(false)).toBe(false);
    expect(resolveDatadog(undefined)).toBe(true);
    expect(resolveDatadog(true, {})).toBe(true);
  });
});
