import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './defaults.js';
import {
  clfTime,
  groupQuery,
  type HttpEventOptions,
  type HttpParts,
  httpParts,
  valueMaps,
} from './http-common.js';
import { toIdSource } from './ids.js';

/** Options of {@link apiGatewayV2Event}. */
export interface ApiGatewayV2EventOptions extends HttpEventOptions {
  /** Default `<METHOD> <path>`; use `$default` for the catch-all route. */
  routeKey?: string;
  pathParameters?: Record<string, string>;
  /** Default `$default`. */
  stage?: string;
  cookies?: string[];
}

/** The request-context fields that differ between HTTP API and Function URL events. */
export interface V2Context {
  accountId: string;
  apiId: string;
  domainName: string;
  requestId: string;
  routeKey: string;
  stage: string;
}

/**
 * Builds a payload-2.0 event (shared by HTTP API and Function URL factories).
 *
 * @param p - normalised request parts (lowercase header names).
 * @param options - the factory options.
 * @param ctx - the request-context fields specific to the source.
 * @returns the event.
 * @example
 * ```ts
 * v2Event(parts, options, { accountId, apiId, domainName, requestId, routeKey: '$default', stage: '$default' });
 * ```
 */
export function v2Event(
  p: HttpParts,
  options: ApiGatewayV2EventOptions,
  ctx: V2Context,
): APIGatewayProxyEventV2 {
  const headers = valueMaps(p.headers, 'comma');
  const grouped = groupQuery(p.query);
  const query = valueMaps(grouped, 'comma');
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: ctx.routeKey,
    rawPath: p.path,
    rawQueryString: p.query
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&'),
    headers: headers?.single ?? {},
    requestContext: {
      accountId: ctx.accountId,
      apiId: ctx.apiId,
      domainName: ctx.domainName,
      domainPrefix: ctx.domainName.split('.')[0] ?? ctx.apiId,
      http: {
        method: p.method,
        path: p.path,
        protocol: 'HTTP/1.1',
        sourceIp: p.sourceIp,
        userAgent: p.userAgent,
      },
      requestId: ctx.requestId,
      routeKey: ctx.routeKey,
      stage: ctx.stage,
      time: clfTime(p.timeMs),
      timeEpoch: p.timeMs,
    },
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
  if (options.cookies !== undefined) event.cookies = options.cookies;
  if (query !== null) event.queryStringParameters = query.single;
  if (options.pathParameters !== undefined) event.pathParameters = options.pathParameters;
  if (p.body !== undefined) event.body = p.body;
  return event;
}

/**
 * An API Gateway HTTP API (payload 2.0) event: lowercase header names, repeated headers
 * and query parameters joined with commas, `rawQueryString`, optional `cookies`.
 *
 * @param options - see {@link ApiGatewayV2EventOptions}.
 * @returns an `APIGatewayProxyEventV2` from `@types/aws-lambda`.
 * @example
 * ```ts
 * apiGatewayV2Event({ path: '/orders/7', routeKey: 'GET /orders/{id}', upstream: { kind: 'xray', ...up } });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function apiGatewayV2Event(options: ApiGatewayV2EventOptions = {}): APIGatewayProxyEventV2 {
  const ids = toIdSource(options.seed);
  const apiId = ids.chars(10, 'abcdefghijklmnopqrstuvwxyz0123456789');
  const domainName = `${apiId}.execute-api.${options.region ?? DEFAULT_REGION}.amazonaws.com`;
  const p = httpParts(options, ids, 'lower', domainName);
  return v2Event(p, options, {
    accountId: options.accountId ?? DEFAULT_ACCOUNT,
    apiId,
    domainName,
    requestId: `${ids.chars(15, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}=`,
    routeKey: options.routeKey ?? `${p.method} ${p.path}`,
    stage: options.stage ?? '$default',
  });
}
