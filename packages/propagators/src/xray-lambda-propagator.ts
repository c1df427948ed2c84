import {
  type Context,
  defaultTextMapGetter,
  isSpanContextValid,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  trace,
} from '@opentelemetry/api';
import { isLambdaEnvFallbackOff } from './context-hints.js';
import { XRAY_HEADER, XRayPropagator, type XRayPropagatorOptions } from './xray-propagator.js';

/** The variable the Lambda runtime sets to the invocation's own X-Ray trace header. */
export const LAMBDA_TRACE_ENV = '_X_AMZN_TRACE_ID';

/**
 * The X-Ray propagator for Lambda: when the carrier holds no valid X-Ray context, the
 * invocation's own trace header (`process.env._X_AMZN_TRACE_ID`, read at each extraction, never
 * at import) is used. It replaces `xray` (a composite never holds both). Injection is X-Ray's.
 *
 * Unlike `@opentelemetry/propagator-aws-xray-lambda`, where the variable overrides the carrier
 * whenever the incoming context has no span, a valid carrier header here always wins: it is the
 * closer upstream. {@link extractRecordContext} never uses the fallback (a record's upstream is
 * not the invocation's trace) and {@link extractEventContext} tries it only after every carrier.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 * @example
 * ```ts
 * const ctx = new XRayLambdaPropagator().extract(ROOT_CONTEXT, event.headers ?? {}, httpHeadersGetter);
 * ```
 */
export class XRayLambdaPropagator implements TextMapPropagator {
  readonly #xray: XRayPropagator;

  /** @param options - Passed to the wrapped {@link XRayPropagator}. */
  constructor(options: XRayPropagatorOptions = {}) {
    this.#xray = new XRayPropagator(options);
  }

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.#xray.inject(context, carrier, setter);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const fromCarrier = this.#xray.extract(context, carrier, getter);
    if (fromCarrier !== context) {
      const spanContext = trace.getSpanContext(fromCarrier);
      if (spanContext && isSpanContextValid(spanContext)) return fromCarrier;
    }
    const header = isLambdaEnvFallbackOff(context) ? undefined : process.env[LAMBDA_TRACE_ENV];
    if (!header) return context;
    return this.#xray.extract(context, { [XRAY_HEADER]: header }, defaultTextMapGetter);
  }

  fields(): string[] {
    return this.#xray.fields();
  }
}
