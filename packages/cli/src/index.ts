/**
 * @packageDocumentation
 * The lambda-otel command: invoke a handler locally and diagnose its trace, check a function's
 * configuration (doctor), receive OTLP traces live. The binary is `lambda-otel`; the checks
 * behind it are exported for tools that want them without the command line.
 */
export type { CommandIO } from './command-io.js';
export { diagnose } from './diagnose.js';
export type { DockerfileFacts } from './dockerfile-checks.js';
export { checkDockerfile, parseDockerfile } from './dockerfile-checks.js';
export { checkEnvironment } from './doctor-checks.js';
export { doctorCommand } from './doctor-command.js';
export type { ConnectResult } from './doctor-connect.js';
export { sendTestSpan } from './doctor-connect.js';
export type { ParsedEnvFile } from './env-file.js';
export { parseEnvFile } from './env-file.js';
export type { InvocationEvidence } from './evidence.js';
export type { ExitCode } from './exit-codes.js';
export { EXIT_CODES, UsageError } from './exit-codes.js';
export type { Finding, Severity } from './findings.js';
export { countFindings, finding, formatFindings } from './findings.js';
export type { HandlerWrapping } from './handler-check.js';
export { checkHandlerSource } from './handler-check.js';
export type { HandlerRef } from './handler-ref.js';
export { parseHandlerRef } from './handler-ref.js';
export { invokeCommand } from './invoke-command.js';
export { receiveCommand } from './receive-command.js';
export type { SampleEvent, TriggerName, UpstreamFormat } from './sample-events.js';
export { SUPPORTED_FORMATS, sampleEvent, TRIGGER_NAMES } from './sample-events.js';
export { createMasker, secretValues } from './secret-mask.js';
export type { FoundContext, UpstreamAnalysis } from './upstream-analysis.js';
export { analyzeEvent, analyzeRecord } from './upstream-analysis.js';
