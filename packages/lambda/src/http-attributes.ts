import { ATTR } from '@lambda-otel-kit/core';
import type { Attributes } from '@opentelemetry/api';
import { isObject, type Json } from './json.js';
import type { TriggerKind } from './trigger.js';
import { urlQueryOf } from './url-query.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** The first value of a header, whatever its case, in single- or multi-value form. */
export function headerValue(event: Json, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const field of ['headers', 'multiValueHeaders'] as const) {
    const headers = event[field];
    if (!isObject(headers)) continue;
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() !== wanted) continue;
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') return first;
    }
  }
  return undefined;
}

/** The client that opened the connection, as ALB reports it: the first `X-Forwarded-For` entry. */
function forwardedFor(event: Json): string | undefined {
  return text(headerValue(event, 'x-forwarded-for')?.split(',')[0]?.trim());
}

/** `GET /orders/{id}` → `/orders/{id}`; `$default` and other non-routes give undefined. */
function routeFromRouteKey(routeKey: unknown): string | undefined {
  if (typeof routeKey !== 'string') return undefined;
  const space = routeKey.indexOf(' ');
  const route = space >= 0 ? routeKey.slice(space + 1) : undefined;
  return route?.startsWith('/') ? route : undefined;
}

/**
 * HTTP server attributes of an HTTP-triggered invocation (API Gateway REST and HTTP APIs, ALB,
 * Function URLs): method, path, query (sensitive values redacted), route when the trigger knows
 * it, scheme, host, user agent and client address. Never throws; missing fields are simply left out.
 *
 * @param event - the HTTP event.
 * @param kind - the trigger detected for it.
 * @see https://opentelemetry.io/docs/specs/semconv/http/http-spans/#http-server
 * @example
 * ```ts
 * httpRequestAttributes(apiGatewayV2Event, 'api-gateway-http');
 * // { 'http.request.method': 'GET', 'url.path': '/orders/42', 'http.route': '/orders/{id}', … }
 * ```
 */
export function httpRequestAttributes(event: unknown, kind: TriggerKind): Attributes {
  if (!isObject(event)) return {};
  const context = isObject(event.requestContext) ? event.requestContext : {};
  const http = isObject(context.http) ? context.http : {};
  const attributes: Attributes = {};
  const set = (key: string, value: string | undefined): void => {
    if (value !== undefined) attributes[key] = value;
  };
  set(ATTR.HTTP_REQUEST_METHOD, text(event.httpMethod) ?? text(http.method));
  set(ATTR.URL_PATH, text(event.rawPath) ?? text(event.path) ?? text(http.path));
  set(ATTR.URL_QUERY, urlQueryOf(event, kind));
  if (kind === 'api-gateway-rest') set(ATTR.HTTP_ROUTE, text(event.resource));
  if (kind === 'api-gateway-http') set(ATTR.HTTP_ROUTE, routeFromRouteKey(event.routeKey));
  set(ATTR.URL_SCHEME, headerValue(event, 'x-forwarded-proto') ?? 'https');
  set(ATTR.SERVER_ADDRESS, text(context.domainName) ?? headerValue(event, 'host'));
  set(ATTR.USER_AGENT_ORIGINAL, headerValue(event, 'user-agent'));
  const identity = isObject(context.identity) ? context.identity : {};
  set(ATTR.CLIENT_ADDRESS, text(http.sourceIp) ?? text(identity.sourceIp) ?? forwardedFor(event));
  return attributes;
}

/**
 * The status code of an HTTP handler's result: `statusCode` of a structured response, or 200
 * for a plain value (API Gateway v2 and Function URLs treat a non-object result as a 200 body).
 *
 * @param result - what the handler returned.
 * @returns the code, or undefined when the result is a structured response without a valid code.
 * @example
 * ```ts
 * httpResponseStatus({ statusCode: 503, body: '' }); // 503
 * ```
 */
export function httpResponseStatus(result: unknown): number | undefined {
  if (!isObject(result)) return 200;
  const code = result.statusCode;
  if (typeof code === 'number' && Number.isInteger(code) && code >= 100 && code <= 599) return code;
  if (typeof code === 'string' && /^[1-5]\d\d$/.test(code)) return Number(code);
  return result.statusCode === undefined ? 200 : undefined;
}
