import type { ALBEvent } from 'aws-lambda';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './defaults.js';
import { groupQuery, type HttpEventOptions, httpParts, valueMaps } from './http-common.js';
import { toIdSource } from './ids.js';

/** Options of {@link albEvent}. */
export interface AlbEventOptions extends HttpEventOptions {
  /** The target group has multi-value headers on: only the `multiValue…` maps are sent. */
  multiValue?: boolean;
  targetGroupArn?: string;
}

/**
 * An Application Load Balancer event: lowercase header names, URL-encoded query values,
 * and either single-value or (with `multiValue`) multi-value maps, never both.
 *
 * @param options - see {@link AlbEventOptions}.
 * @returns an `ALBEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * albEvent({ path: '/health', multiValue: true, upstream: { kind: 'xray', ...up } });
 * ```
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
export function albEvent(options: AlbEventOptions = {}): ALBEvent {
  const ids = toIdSource(options.seed);
  const region = options.region ?? DEFAULT_REGION;
  const account = options.accountId ?? DEFAULT_ACCOUNT;
  const p = httpParts(
    options,
    ids,
    'lower',
    `my-alb-${ids.digits(10)}.${region}.elb.amazonaws.com`,
  );
  const headers = valueMaps(p.headers, 'last');
  const encoded = groupQuery(p.query).map(
    ([k, values]) => [encodeURIComponent(k), values.map(encodeURIComponent)] as [string, string[]],
  );
  const query = valueMaps(encoded, 'last');
  const event: ALBEvent = {
    requestContext: {
      elb: {
        targetGroupArn:
          options.targetGroupArn ??
          `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/my-targets/${ids.hex(16)}`,
      },
    },
    httpMethod: p.method,
    path: p.path,
    body: p.body ?? '',
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
  if (options.multiValue) {
    event.multiValueHeaders = headers?.multi ?? {};
    event.multiValueQueryStringParameters = query?.multi ?? {};
  } else {
    event.headers = headers?.single ?? {};
    event.queryStringParameters = query?.single ?? {};
  }
  return event;
}
