/**
 * @packageDocumentation
 * The lambda-otel command: invoke a handler locally and diagnose its trace, check a function's configuration (doctor), receive OTLP traces live.
 */
export { placeholder } from './placeholder.js';
