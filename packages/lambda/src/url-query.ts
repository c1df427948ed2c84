import { isObject, type Json } from './json.js';

/**
 * Query keys whose values the semantic conventions say to replace by `REDACTED` in `url.query`
 * (matched case-sensitively): signed-URL credentials that must not reach a tracing backend.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/registry/attributes/url/
 * @example
 * ```ts
 * SENSITIVE_QUERY_KEYS.includes('sig'); // true
 * ```
 */
export const SENSITIVE_QUERY_KEYS: readonly string[] = [
  'AWSAccessKeyId',
  'Signature',
  'sig',
  'X-Goog-Signature',
];

/** The key of one `key=value` part, percent-decoded when that is valid. */
function keyOf(part: string): string {
  const equals = part.indexOf('=');
  const raw = equals >= 0 ? part.slice(0, equals) : part;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

/**
 * Replaces the value of every sensitive key ({@link SENSITIVE_QUERY_KEYS}) in a query string by
 * `REDACTED`, keeping the key and everything else as it was.
 *
 * @param query - A query string without the leading `?`.
 * @returns The query with sensitive values redacted.
 * @example
 * ```ts
 * redactQuery('q=orders&sig=abc123'); // 'q=orders&sig=REDACTED'
 * ```
 */
export function redactQuery(query: string): string {
  return query
    .split('&')
    .map((part) => {
      const key = keyOf(part);
      if (!SENSITIVE_QUERY_KEYS.includes(key)) return part;
      const equals = part.indexOf('=');
      return `${equals >= 0 ? part.slice(0, equals) : part}=REDACTED`;
    })
    .join('&');
}

/** `key=value` pairs of a v1 parameter map (single- or multi-value), in the map's order. */
function pairsOf(event: Json): Array<[string, string]> {
  const multi = event.multiValueQueryStringParameters;
  if (isObject(multi)) {
    return Object.entries(multi).flatMap(([key, values]) =>
      Array.isArray(values)
        ? values
            .filter((v): v is string => typeof v === 'string')
            .map((v): [string, string] => [key, v])
        : [],
    );
  }
  const single = event.queryStringParameters;
  if (!isObject(single)) return [];
  return Object.entries(single).flatMap(
    ([key, value]): Array<[string, string]> => (typeof value === 'string' ? [[key, value]] : []),
  );
}

/**
 * The `url.query` of an HTTP-triggered invocation, sensitive values redacted: the raw query
 * string of an HTTP API (payload 2.0) or Function URL event; for a REST API event, its decoded
 * parameters encoded again; for an ALB event, its parameters as the load balancer passed them
 * (ALB does not decode them). `undefined` when the request had no query.
 *
 * @param event - The HTTP event.
 * @param kind - The trigger detected for it (`alb` parameters are kept as received).
 * @example
 * ```ts
 * urlQueryOf({ rawQueryString: 'page=2&sig=abc' }, 'api-gateway-http'); // 'page=2&sig=REDACTED'
 * ```
 */
export function urlQueryOf(event: unknown, kind: string): string | undefined {
  if (!isObject(event)) return undefined;
  let query: string;
  if (typeof event.rawQueryString === 'string') {
    query = event.rawQueryString;
  } else {
    const encode = kind === 'alb' ? (text: string) => text : encodeURIComponent;
    query = pairsOf(event)
      .map(([key, value]) => `${encode(key)}=${encode(value)}`)
      .join('&');
  }
  return query.length > 0 ? redactQuery(query) : undefined;
}
