import type { OtlpProtocol } from './types.js';

/** Base endpoints the spec gives as defaults (opentelemetry-specification `protocol/exporter.md`). */
export const DEFAULT_BASE_ENDPOINT = {
  grpc: 'http://localhost:4317',
  http: 'http://localhost:4318',
} as const;

/** Path the HTTP exporters post traces to under a base endpoint. */
export const TRACES_PATH = '/v1/traces';

/**
 * Checks an OTLP endpoint: an absolute `http:` or `https:` URL. Returns it trimmed, or
 * `undefined` (e.g. for `collector:4317`, which has no scheme).
 *
 * @param value - the candidate endpoint.
 * @example
 * ```ts
 * parseEndpoint('https://otlp.example.com'); // 'https://otlp.example.com'
 * parseEndpoint('localhost:4317'); // undefined
 * ```
 */
export function parseEndpoint(value: string): string | undefined {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  return trimmed;
}

/**
 * Turns a base endpoint into the traces URL for a protocol: HTTP protocols get `/v1/traces`
 * appended (after any path the base has, e.g. Grafana's `/otlp`); gRPC uses the base as is.
 *
 * @param base - a valid base endpoint (see {@link parseEndpoint}).
 * @param protocol - the OTLP protocol.
 * @example
 * ```ts
 * tracesUrl('http://localhost:4318/', 'http/protobuf'); // 'http://localhost:4318/v1/traces'
 * ```
 */
export function tracesUrl(base: string, protocol: OtlpProtocol): string {
  if (protocol === 'grpc') return base;
  return base.replace(/\/+$/, '') + TRACES_PATH;
}

/**
 * The default traces URL for a protocol: `http://localhost:4317` for gRPC,
 * `http://localhost:4318/v1/traces` for HTTP.
 *
 * @example
 * ```ts
 * defaultTracesUrl('grpc'); // 'http://localhost:4317'
 * ```
 */
export function defaultTracesUrl(protocol: OtlpProtocol): string {
  return protocol === 'grpc'
    ? DEFAULT_BASE_ENDPOINT.grpc
    : tracesUrl(DEFAULT_BASE_ENDPOINT.http, protocol);
}

/**
 * Reads a vendor host or URL (`ingress.eu2.coralogix.com`, `https://api.eu1.honeycomb.io`)
 * as an HTTPS base endpoint without a trailing slash. A value without a scheme gets `https://`.
 *
 * @example
 * ```ts
 * vendorBase('ingress.eu2.coralogix.com:443'); // 'https://ingress.eu2.coralogix.com:443'
 * ```
 */
export function vendorBase(value: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  const valid = parseEndpoint(withScheme);
  return valid?.replace(/\/+$/, '');
}

/**
 * The gRPC target of a vendor base: scheme, host and port (443 for HTTPS when none is given).
 *
 * @example
 * ```ts
 * grpcOrigin('https://api.honeycomb.io'); // 'https://api.honeycomb.io:443'
 * ```
 */
export function grpcOrigin(base: string): string {
  const url = new URL(base);
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return `${url.protocol}//${url.hostname}:${port}`;
}

/** True for a DNS name made of letters, digits, dots and dashes (a Datadog site, a domain). */
export function isHostName(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/i.test(value) && !value.includes('..');
}
