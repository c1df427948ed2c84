/**
 * @packageDocumentation
 * Log correlation for Lambda: trace and span ids (OTel hex or Datadog decimal) on every console, pino or Powertools Logger line
 */
export { placeholder } from './placeholder.js';
