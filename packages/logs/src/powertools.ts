import { warnOnce } from '@lambda-otel-kit/core';
import { correlationFields } from './correlation-fields.js';
import { resolveDatadog } from './datadog-preset.js';
import type { FormatterLike, LoggerCorrelationOptions } from './types.js';

/** Formatters already wrapped: wrapping twice would add the fields twice. */
const correlated = new WeakSet<object>();

/**
 * Makes a Powertools Logger formatter (your own `LogFormatter` subclass, or the Logger's own) add
 * `trace_id`, `span_id`, `trace_flags` of the active span to every log item, and
 * `dd.trace_id` / `dd.span_id` when the Datadog option is on (by default, when the kit's
 * configuration names a Datadog preset; read once, here). It wraps the instance's
 * `formatAttributes` (composition, no subclass) and returns the same instance, so the Logger's
 * types still fit. Child loggers share the formatter. A formatter already wrapped is returned as is. A failure to read the span adds nothing.
 *
 * @param formatter - A `LogFormatter` instance.
 * @param options - `datadog` forces the Datadog ids on or off.
 * @returns `formatter`, now correlating.
 * @example
 * ```ts
 * import { Logger } from '@aws-lambda-powertools/logger';
 * const logger = new Logger({ logFormatter: correlateFormatter(new MyLogFormatter()) });
 * logger.info('order shipped'); // {…,"message":"order shipped","trace_id":"…","span_id":"…","trace_flags":"01"}
 * ```
 */
export function correlateFormatter<F extends FormatterLike>(
  formatter: F,
  options: LoggerCorrelationOptions = {},
): F {
  if (correlated.has(formatter)) return formatter;
  const datadog = resolveDatadog(options.datadog);
  const formatAttributes = formatter.formatAttributes.bind(formatter);
  const wrapped = (...args: never[]): ReturnType<F['formatAttributes']> => {
    const item = formatAttributes(...args) as ReturnType<F['formatAttributes']>;
    let fields = {};
    try {
      fields = correlationFields(undefined, { datadog });
    } catch {
      // Leave the item as the formatter made it.
    }
    item.addAttributes(fields);
    return item;
  };
  Object.defineProperty(formatter, 'formatAttributes', {
    value: wrapped,
    configurable: true,
    writable: true,
  });
  correlated.add(formatter);
  return formatter;
}

interface LoggerLike {
  getLogFormatter?: () => unknown;
}

function isFormatter(value: unknown): value is FormatterLike {
  return typeof (value as Partial<FormatterLike> | undefined)?.formatAttributes === 'function';
}

/**
 * Makes a Powertools Logger (2.x) add the correlation fields to every line while keeping its own
 * format: it applies {@link correlateFormatter} to the formatter the Logger already holds (its
 * default `PowertoolsLogFormatter`, which Powertools does not export). Child loggers created
 * afterwards share it. If the Logger has no formatter to reach (another major version), it is
 * returned unchanged and a warning goes to `diag` once.
 *
 * @param logger - A Powertools `Logger`.
 * @param options - `datadog` forces the Datadog ids on or off.
 * @returns `logger`, now correlating.
 * @example
 * ```ts
 * import { Logger } from '@aws-lambda-powertools/logger';
 * const logger = correlateLogger(new Logger({ serviceName: 'orders' }));
 * logger.info('order shipped'); // {"level":"INFO","message":"order shipped",…,"trace_id":"…","span_id":"…","trace_flags":"01"}
 * ```
 */
export function correlateLogger<L extends object>(
  logger: L,
  options: LoggerCorrelationOptions = {},
): L {
  const formatter = (logger as LoggerLike).getLogFormatter?.call(logger);
  if (!isFormatter(formatter)) {
    warnOnce(
      'logs:powertools:no-formatter',
      'correlateLogger(): this Logger has no reachable log formatter; pass correlateFormatter(yourFormatter) as its logFormatter instead',
    );
    return logger;
  }
  correlateFormatter(formatter, options);
  return logger;
}
