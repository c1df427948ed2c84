import { diag } from '@opentelemetry/api';

const warned = new Set<string>();

/**
 * Logs `message` through `diag.warn` the first time `key` is seen in this process.
 *
 * Local stand-in for `warnOnce` of `@lambda-otel-kit/core`; replaced by an import once core lands.
 *
 * @param key - What the warning is about; later calls with the same key are silent.
 * @param message - The text, never containing secrets or header values.
 * @example
 * ```ts
 * warnOnce('propagators:unknown:jaeger', 'unknown propagator "jaeger" ignored');
 * ```
 * @internal
 */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  diag.warn(message);
}

/**
 * Forgets which warnings were written (tests only).
 *
 * @example
 * ```ts
 * afterEach(resetWarnOnce);
 * ```
 * @internal
 */
export function resetWarnOnce(): void {
  warned.clear();
}
