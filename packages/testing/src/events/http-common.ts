import { asList } from './defaults.js';
import type { IdSource } from './ids.js';
import { upstreamHeaders } from './trace-headers.js';
import type { CommonEventOptions, HeaderUpstream } from './types.js';

/** Options shared by the HTTP event factories (API Gateway v1/v2, ALB, Function URL). */
export interface HttpEventOptions extends CommonEventOptions {
  /** Default `GET`. */
  method?: string;
  /** Request path without stage; default `/`. */
  path?: string;
  /** Query parameters; a list gives a repeated parameter. */
  query?: Record<string, string | readonly string[]>;
  /** Extra request headers; they win over generated ones. */
  headers?: Record<string, string | readonly string[]>;
  /** Body; objects are JSON-encoded and get `content-type: application/json`. */
  body?: string | object;
  isBase64Encoded?: boolean;
  /** Upstream context(s), sent as request headers in the chosen formats. */
  upstream?: HeaderUpstream | readonly HeaderUpstream[];
  /** Client address; default `203.0.113.10`. */
  sourceIp?: string;
  /** Default `curl/8.5.0`. */
  userAgent?: string;
}

/** A request reduced to what every HTTP event shape is built from. */
export interface HttpParts {
  method: string;
  path: string;
  query: Array<[string, string]>;
  /** Header name (as sent) to values, in order. */
  headers: Array<[string, string[]]>;
  body: string | undefined;
  sourceIp: string;
  userAgent: string;
  timeMs: number;
}

/**
 * Normalises HTTP options: generated headers, upstream headers, then the user's.
 *
 * @param options - the factory options.
 * @param ids - the id source (for the clock).
 * @param style - `canonical` writes AWS-added headers as `X-Forwarded-For` (API Gateway
 *   REST); `lower` lowercases every name (HTTP API, Function URL, ALB).
 * @param host - the `Host` header.
 * @returns the request parts.
 * @example
 * ```ts
 * httpParts({ path: '/orders' }, idSource(1), 'lower', 'example.com').headers;
 * ```
 */
export function httpParts(
  options: HttpEventOptions,
  ids: IdSource,
  style: 'canonical' | 'lower',
  host: string,
): HttpParts {
  const sourceIp = options.sourceIp ?? '203.0.113.10';
  const userAgent = options.userAgent ?? 'curl/8.5.0';
  const name = (canonical: string) => (style === 'lower' ? canonical.toLowerCase() : canonical);
  const headers = new Map<string, [string, string[]]>();
  const set = (key: string, value: string | readonly string[]) => {
    headers.set(key.toLowerCase(), [key, [...asList(value)]]);
  };
  set(name('Host'), host);
  set(name('Accept'), '*/*');
  set(name('User-Agent'), userAgent);
  set(name('X-Forwarded-For'), sourceIp);
  set(name('X-Forwarded-Port'), '443');
  set(name('X-Forwarded-Proto'), 'https');
  for (const upstream of asList(options.upstream)) {
    for (const [key, value] of Object.entries(upstreamHeaders(upstream))) {
      set(key === 'x-amzn-trace-id' ? name('X-Amzn-Trace-Id') : key, value);
    }
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (typeof options.body !== 'string') set(name('Content-Type'), 'application/json');
  }
  for (const [key, value] of Object.entries(options.headers ?? {})) set(key, value);
  const query: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const item of asList(value)) query.push([key, item]);
  }
  return {
    method: options.method ?? 'GET',
    path: options.path ?? '/',
    query,
    headers: [...headers.values()],
    body,
    sourceIp,
    userAgent,
    timeMs: ids.nowMs(),
  };
}

/**
 * Single-value and multi-value maps from name/value pairs.
 *
 * @param pairs - names to values, in order.
 * @param join - how several values become one: `last` (API Gateway REST) or `comma` (HTTP API).
 * @returns both maps, or nulls when there are no pairs.
 * @example
 * ```ts
 * valueMaps([['a', ['1', '2']]], 'comma').single; // { a: '1,2' }
 * ```
 */
export function valueMaps(
  pairs: ReadonlyArray<readonly [string, readonly string[]]>,
  join: 'last' | 'comma',
): { single: Record<string, string>; multi: Record<string, string[]> } | null {
  if (pairs.length === 0) return null;
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [key, values] of pairs) {
    multi[key] = [...(multi[key] ?? []), ...values];
    const all = multi[key] ?? [];
    single[key] = join === 'last' ? (all[all.length - 1] ?? '') : all.join(',');
  }
  return { single, multi };
}

/**
 * Query pairs grouped by name.
 *
 * @param query - name/value pairs.
 * @returns name to values.
 * @example
 * ```ts
 * groupQuery([['a', '1'], ['a', '2']]); // [['a', ['1', '2']]]
 * ```
 */
export function groupQuery(query: ReadonlyArray<[string, string]>): Array<[string, string[]]> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of query) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  return [...grouped.entries()];
}

/**
 * The CLF time API Gateway writes in `requestTime` / `time`.
 *
 * @param ms - epoch milliseconds.
 * @returns e.g. `01/Jun/2024:12:00:00 +0000`.
 * @example
 * ```ts
 * clfTime(0); // '01/Jan/1970:00:00:00 +0000'
 * ```
 */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
