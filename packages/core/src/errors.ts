import type { KitErrorOptions } from './types.js';

/**
 * The one error type the kit throws, and only for misuse at setup (a bad explicit option,
 * a handler that is not a function). Instrumentation paths never throw; they report to `diag`.
 *
 * @example
 * ```ts
 * throw new KitError('serviceName must be a non-blank string', { package: '@lambda-otel-kit/core' });
 * ```
 */
export class KitError extends Error {
  override readonly name = 'KitError';
  /** The kit package that raised the error. */
  readonly package: string;

  /**
   * @param message - what was wrong, without secrets.
   * @param options - the raising package and an optional cause.
   */
  constructor(message: string, options: KitErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.package = options.package;
  }
}
