import { describe, expect, it } from 'vitest';
import { KitError } from '../src/errors.js';

describe('KitError', () => {
  it('carries a name, the package and the message', () => {
    const error = new KitError('bad option', { package: '@lambda-otel-kit/core' });

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('KitError');
    expect(error.package).toBe('@lambda-otel-kit/core');
    expect(error.message).toBe('bad option');
    expect(error.cause).toBeUndefined();
    expect(String(error)).toBe('KitError: bad option');
  });

  it('keeps the cause it was given', () => {
    const cause = new TypeError('inner');

    const error = new KitError('outer', { package: '@lambda-otel-kit/sqs', cause });

    expect(error.cause).toBe(cause);
    expect(error.package).toBe('@lambda-otel-kit/sqs');
  });
});
