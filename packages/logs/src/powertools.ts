import { correlationFields } from './correlation-fields.js';
import { resolveDatadog } from './datadog-preset.js';
import type { FormatterLike, LoggerCorrelationOptions } from './types.js';

/**
 * Makes a Powertools Logger formatter (`PowertoolsLogFormatter` or your own `LogFormatter`) add
 * `trace_id`, `span_id`, `trace_flags` of the active span to every log item, and
 * `dd.trace_id` / `dd.span_id` when the Datadog option is on (by default, when the kit's
 * configuration names a Datadog preset; read once, here). It wraps the instance's
 * `formatAttributes` (composition, no subclass) and returns the same instance, so the Logger's
 * types still fit. Child loggers share the formatter. A failure to read the span adds nothing.
 *
 * @param formatter - A `LogFormatter` instance.
 * @param options - `datadog` forces the Datadog ids on or off.
 * @returns `formatter`, now correlating.
 * @example
 * ```ts
 * import { Logger, PowertoolsLogFormatter } from '@aws-lambda-powertools/logger';
 * const logger = new Logger({ logFormatter: correlateFormatter(new PowertoolsLogFormatter()) });
 * logger.info('order shipped'); // {…,"message":"order shipped",…,"trace_id":"…","span_id":"…","trace_flags":"01"}
 * ```
 */
export function correlateFormatter<F extends FormatterLike>(
  formatter: F,
  options: LoggerCorrelationOptions = {},
): F {
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
  return formatter;
}
