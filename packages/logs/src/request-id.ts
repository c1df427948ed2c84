import { context as otelContext, type Span, trace } from '@opentelemetry/api';

/** `faas.invocation_id`, the attribute the kit's `lambda.invoke` span carries the request id in. */
const INVOCATION_ID = 'faas.invocation_id';

interface InvokeStoreLike {
  getRequestId(): string | undefined;
}

function fromInvokeStore(): string | undefined {
  const lambda = (globalThis as { awslambda?: { InvokeStore?: InvokeStoreLike } }).awslambda;
  const id = lambda?.InvokeStore?.getRequestId();
  return typeof id === 'string' && id !== '' && id !== '-' ? id : undefined;
}

function fromSpan(span: Span | undefined): string | undefined {
  const attributes = (span as { attributes?: Record<string, unknown> } | undefined)?.attributes;
  const id = attributes?.[INVOCATION_ID];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * The Lambda request id of the running invocation, when one can be found: first the Lambda
 * runtime's invoke store (`globalThis.awslambda.InvokeStore`, set by recent managed runtimes),
 * then the `faas.invocation_id` attribute of the given or active span when that span is the
 * kit's `lambda.invoke` span of a recording SDK span. Never throws.
 *
 * @param span - The span to look at. Default: the active span.
 * @returns The request id, or `undefined`.
 * @example
 * ```ts
 * instrumentHandler(async () => {
 *   lambdaRequestId(); // 'c6af9ac6-7b61-11e6-9a41-93e812345678'
 * });
 * ```
 */
export function lambdaRequestId(span?: Span): string | undefined {
  try {
    return fromInvokeStore() ?? fromSpan(span ?? trace.getSpan(otelContext.active()));
  } catch {
    return undefined;
  }
}
