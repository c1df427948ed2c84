import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import { asFieldValue, isRecord, keysOf, lookup } from './object-carrier.js';

/** HTTP headers as Node, API Gateway v2, Function URLs and ALB give them. */
export type HttpHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The header parts of an API Gateway v1 / v2, ALB or Function URL event. */
export interface LambdaHttpEventLike {
  headers?: Readonly<Record<string, string | undefined>> | null;
  multiValueHeaders?: Readonly<Record<string, readonly string[] | undefined>> | null;
}

/**
 * Reads HTTP headers without regard to case (header names are case-insensitive). An array
 * value (a repeated header) is returned whole, so strict parsers can refuse duplicates.
 *
 * @example
 * ```ts
 * propagator.extract(ROOT_CONTEXT, { TraceParent: '00-…-01' }, httpHeadersGetter);
 * ```
 */
export const httpHeadersGetter: TextMapGetter<unknown> = {
  get: (carrier, key) => asFieldValue(lookup(carrier, key)),
  keys: keysOf,
};

/**
 * Writes HTTP headers with lowercase names.
 *
 * @example
 * ```ts
 * const headers: Record<string, string> = {};
 * propagation.inject(context.active(), headers, httpHeadersSetter);
 * ```
 */
export const httpHeadersSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key.toLowerCase()] = value;
  },
};

/**
 * Reads the headers of a Lambda HTTP event: `multiValueHeaders` first (API Gateway v1 and ALB
 * keep every occurrence there, so a repeated `traceparent` is seen as such), then `headers`;
 * names match without regard to case.
 *
 * @example
 * ```ts
 * propagator.extract(ROOT_CONTEXT, apiGatewayV1Event, lambdaHttpEventGetter);
 * ```
 */
export const lambdaHttpEventGetter: TextMapGetter<unknown> = {
  get: (carrier, key) => {
    if (!isRecord(carrier)) return undefined;
    return (
      asFieldValue(lookup(carrier.multiValueHeaders, key)) ??
      asFieldValue(lookup(carrier.headers, key))
    );
  },
  keys: (carrier) => {
    if (!isRecord(carrier)) return [];
    return [...new Set([...keysOf(carrier.multiValueHeaders), ...keysOf(carrier.headers)])];
  },
};
