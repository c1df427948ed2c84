import { correlationFields } from './correlation-fields.js';
import { resolveDatadog } from './datadog-preset.js';
import type { CorrelationFields, LoggerCorrelationOptions } from './types.js';

/**
 * A function for pino's `mixin` option: every line gets `trace_id`, `span_id`, `trace_flags` of
 * the span active when the line is logged, and `dd.trace_id` / `dd.span_id` when the Datadog
 * option is on (by default, when the kit's configuration names a Datadog preset; read once, here).
 * Lines logged without an active span get no fields.
 *
 * @param options - `datadog` forces the Datadog ids on or off.
 * @returns The mixin; it never throws.
 * @example
 * ```ts
 * import pino from 'pino';
 * const logger = pino({ mixin: pinoMixin() });
 * logger.info('order shipped'); // {"level":30,…,"trace_id":"…","span_id":"…","trace_flags":"01","msg":"order shipped"}
 * ```
 */
export function pinoMixin(options: LoggerCorrelationOptions = {}): () => CorrelationFields {
  const datadog = resolveDatadog(options.datadog);
  return () => {
    try {
      return correlationFields(undefined, { datadog });
    } catch {
      return {};
    }
  };
}
