import { diag } from '@opentelemetry/api';

/** Prefix of every message the kit writes to `diag`. */
const PREFIX = 'lambda-otel-kit: ';

const warned = new Set<string>();

/**
 * Writes `message` to `diag.warn` the first time `key` is seen in this process, never again.
 * Callers must keep secrets (header values, API keys) out of `message`.
 *
 * @param key - identifies the problem, e.g. `OTEL_BSP_MAX_QUEUE_SIZE:invalid`.
 * @param message - what is wrong and what the kit does instead.
 * @example
 * ```ts
 * warnOnce('OTEL_TRACES_SAMPLER:invalid', 'OTEL_TRACES_SAMPLER is not a known sampler; using parentbased_always_on');
 * ```
 */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  diag.warn(PREFIX + message);
}

/**
 * Forgets which warnings were written, so they can be written again. For tests and for tools
 * that read the configuration more than once and want each read to report its problems.
 *
 * @example
 * ```ts
 * resetWarnOnce();
 * ```
 */
export function resetWarnOnce(): void {
  warned.clear();
}

/**
 * Masks header values for display: each value becomes `***` plus its length, keys stay.
 * Use it whenever headers are printed (CLI, doctor, error messages).
 *
 * @param headers - header name → secret value.
 * @returns a new object; the input is not changed.
 * @example
 * ```ts
 * redactHeaders({ 'x-honeycomb-team': 'abcdef' }); // { 'x-honeycomb-team': '*** (6 chars)' }
 * ```
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, `*** (${value.length} chars)`]),
  );
}

/**
 * Masks the credentials a URL can carry: user name, password and query values.
 * Returns `'<invalid URL>'` for a string that is not a URL, so nothing unparsed is echoed.
 *
 * @param url - an endpoint URL.
 * @example
 * ```ts
 * redactUrl('https://user:pw@otlp.example.com/v1/traces?token=abc');
 * // 'https://***:***@otlp.example.com/v1/traces?token=***'
 * ```
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<invalid URL>';
  }
  if (parsed.username) parsed.username = '***';
  if (parsed.password) parsed.password = '***';
  const keys = [...new Set(parsed.searchParams.keys())];
  for (const key of keys) parsed.searchParams.set(key, '***');
  // URLSearchParams percent-encodes '*'; keep the mask readable.
  return parsed.href.replaceAll('%2A%2A%2A', '***');
}
