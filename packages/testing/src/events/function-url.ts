import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { v2Event } from './api-gateway-v2.js';
import { DEFAULT_REGION } from './defaults.js';
import { type HttpEventOptions, httpParts } from './http-common.js';
import { toIdSource } from './ids.js';

/** Options of {@link functionUrlEvent}. */
export interface FunctionUrlEventOptions extends HttpEventOptions {
  cookies?: string[];
}

/**
 * A Lambda Function URL event (payload 2.0, `routeKey` and `stage` `$default`, domain
 * `<url-id>.lambda-url.<region>.on.aws`, account `anonymous` as with auth type NONE).
 *
 * @param options - see {@link FunctionUrlEventOptions}.
 * @returns a `LambdaFunctionURLEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * functionUrlEvent({ method: 'POST', path: '/hook', body: 'x', upstream: { kind: 'b3', ...up } });
 * ```
 * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
 */
export function functionUrlEvent(options: FunctionUrlEventOptions = {}): LambdaFunctionURLEvent {
  const ids = toIdSource(options.seed);
  const urlId = ids.chars(32, 'abcdefghijklmnopqrstuvwxyz0123456789');
  const domainName = `${urlId}.lambda-url.${options.region ?? DEFAULT_REGION}.on.aws`;
  const p = httpParts(options, ids, 'lower', domainName);
  return v2Event(p, options, {
    accountId: 'anonymous',
    apiId: urlId,
    domainName,
    requestId: ids.uuid(),
    routeKey: '$default',
    stage: '$default',
  });
}
