/**
 * @packageDocumentation
 * Log correlation for Lambda: trace and span ids (OTel hex or Datadog decimal) on every
 * console, pino or Powertools Logger line.
 */
export { instrumentConsole } from './console.js';
export { type ConsoleLineInput, formatConsoleLine } from './console-line.js';
export { correlationFields } from './correlation-fields.js';
export { datadogIds } from './datadog-ids.js';
export { datadogPresetInUse, resolveDatadog } from './datadog-preset.js';
export { pinoMixin } from './pino.js';
export { correlateFormatter, correlateLogger } from './powertools.js';
export { lambdaRequestId } from './request-id.js';
export type {
  ConsoleLevel,
  ConsoleMethod,
  ConsoleOptions,
  ConsoleRecord,
  CorrelationFields,
  CorrelationOptions,
  DatadogCorrelation,
  FormatterLike,
  LoggerCorrelationOptions,
  Restore,
} from './types.js';
