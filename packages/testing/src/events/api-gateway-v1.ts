import type { APIGatewayProxyEvent } from 'aws-lambda';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './defaults.js';
import { clfTime, groupQuery, type HttpEventOptions, httpParts, valueMaps } from './http-common.js';
import { toIdSource } from './ids.js';

/** Options of {@link apiGatewayV1Event}. */
export interface ApiGatewayV1EventOptions extends HttpEventOptions {
  /** The matched resource template, e.g. `/orders/{id}`; default the path. */
  resource?: string;
  pathParameters?: Record<string, string>;
  /** Default `prod`. */
  stage?: string;
  stageVariables?: Record<string, string>;
}

/**
 * An API Gateway REST API (v1 payload) proxy event. Headers appear both in `headers` (last
 * value wins) and `multiValueHeaders`, as API Gateway sends them; `X-Amzn-Trace-Id` keeps its
 * canonical case, other upstream headers are lowercase as clients send them.
 *
 * @param options - see {@link ApiGatewayV1EventOptions}.
 * @returns an `APIGatewayProxyEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * apiGatewayV1Event({ method: 'POST', path: '/orders', body: { id: 1 }, upstream: { kind: 'w3c', ...up } });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export function apiGatewayV1Event(options: ApiGatewayV1EventOptions = {}): APIGatewayProxyEvent {
  const ids = toIdSource(options.seed);
  const region = options.region ?? DEFAULT_REGION;
  const apiId = ids.chars(10, 'abcdefghijklmnopqrstuvwxyz0123456789');
  const domainName = `${apiId}.execute-api.${region}.amazonaws.com`;
  const stage = options.stage ?? 'prod';
  const p = httpParts(options, ids, 'canonical', domainName);
  const headers = valueMaps(p.headers, 'last');
  const query = valueMaps(groupQuery(p.query), 'last');
  return {
    body: p.body ?? null,
    headers: headers?.single ?? {},
    multiValueHeaders: headers?.multi ?? {},
    httpMethod: p.method,
    isBase64Encoded: options.isBase64Encoded ?? false,
    path: p.path,
    pathParameters: options.pathParameters ?? null,
    queryStringParameters: query?.single ?? null,
    multiValueQueryStringParameters: query?.multi ?? null,
    stageVariables: options.stageVariables ?? null,
    requestContext: {
      accountId: options.accountId ?? DEFAULT_ACCOUNT,
      apiId,
      authorizer: null,
      domainName,
      domainPrefix: apiId,
      extendedRequestId: `${ids.chars(15, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}=`,
      httpMethod: p.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: p.sourceIp,
        user: null,
        userAgent: p.userAgent,
        userArn: null,
      },
      path: `/${stage}${p.path}`,
      protocol: 'HTTP/1.1',
      requestId: ids.uuid(),
      requestTime: clfTime(p.timeMs),
      requestTimeEpoch: p.timeMs,
      resourceId: ids.chars(6, 'abcdefghijklmnopqrstuvwxyz0123456789'),
      resourcePath: options.resource ?? p.path,
      stage,
    },
    resource: options.resource ?? p.path,
  };
}
