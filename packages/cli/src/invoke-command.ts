import { readFileSync } from 'node:fs';
import {
  OTLP_PROTOCOLS,
  type OtlpProtocol,
  readConfig,
  resetWarnOnce,
} from '@lambda-otel-kit/core';
import { renderWaterfall } from '@lambda-otel-kit/testing';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { envOptions, integerOption, parseCommandArgs, stringValue } from './command-args.js';
import type { CommandIO } from './command-io.js';
import { diagnose } from './diagnose.js';
import { loadEvent } from './event-source.js';
import { EXIT_CODES, type ExitCode, UsageError } from './exit-codes.js';
import { countFindings, formatFindings, summarize } from './findings.js';
import { readEnvFile } from './function-env.js';
import { checkHandlerSource } from './handler-check.js';
import { parseHandlerRef } from './handler-ref.js';
import { runInvocation } from './invoke-run.js';
import { toJson } from './json-output.js';
import { createMasker, secretValues } from './secret-mask.js';

/** `lambda-otel invoke --help`. */
export const INVOKE_HELP = `Usage: lambda-otel invoke <handler-module>#<export> --event <file | trigger> [options]

Runs the handler once on an event, under the real Lambda runtime interface client
(aws-lambda-ric) and a local Runtime API, with an embedded OTLP receiver that the
function's OTEL_EXPORTER_OTLP_ENDPOINT points at. Prints the answer, the trace as a
waterfall, and a diagnosis of what is wrong with it.

Options:
  --event <file|trigger>   a JSON event file, or a built-in sample: sqs, sqs-fifo, sns,
                           sns-sqs, eventbridge, eventbridge-sqs, apigw-rest, apigw-http,
                           alb, function-url, s3, dynamodb, kinesis, schedule, direct
  --upstream <formats>     formats the sample carries upstream context in (default: all
                           the trigger supports): w3c, datadog, xray, b3, b3-single, none
  --in-process             call the handler in this process instead of the runtime client
  --protocol <p>           http/protobuf (default), grpc or http/json
  --env-file <file>        variables for the function (dotenv syntax)
  --env NAME=value         a variable for the function (repeatable)
  --timeout <ms>           function timeout (default 3000)
  --wait <ms>              how long to wait for spans after the answer (default 1000)
  --json                   print one JSON document instead of text
  -h, --help               this help

Exit codes: 0 trace fine, 1 the trace has errors, 2 usage error,
            3 trace fine but the function failed or timed out, 4 could not run.`;

function readConfigQuietly(env: Record<string, string | undefined>) {
  resetWarnOnce();
  diag.setLogger({ error() {}, warn() {}, info() {}, debug() {}, verbose() {} }, DiagLogLevel.NONE);
  const config = readConfig({}, env);
  diag.disable();
  return config;
}

function wrapping(modulePath: string): boolean | undefined {
  try {
    return checkHandlerSource(readFileSync(modulePath, 'utf8')) !== 'not-wrapped';
  } catch {
    return undefined;
  }
}

/**
 * `lambda-otel invoke`: runs a handler on an event and diagnoses its trace.
 *
 * @param args - arguments after `invoke`.
 * @param io - output streams and environment.
 * @returns the exit code (see `EXIT_CODES`).
 * @example
 * ```ts
 * const code = await invokeCommand(['dist/handler.mjs#handler', '--event', 'sqs'], io);
 * ```
 */
export async function invokeCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {
    event: { type: 'string' },
    upstream: { type: 'string' },
    'in-process': { type: 'boolean' },
    protocol: { type: 'string' },
    'env-file': { type: 'string' },
    env: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    wait: { type: 'string' },
  });
  const str = (name: string) => stringValue(values, name);
  if (values.help) {
    io.out(INVOKE_HELP);
    return EXIT_CODES.OK;
  }
  if (positionals.length !== 1)
    throw new UsageError('invoke expects one <handler-module>#<export>');
  const handler = parseHandlerRef(positionals[0] ?? '', io.cwd);
  if (handler === undefined) {
    throw new UsageError(
      'the handler must be <file>.js|.mjs|.cjs#<export>, e.g. dist/handler.mjs#handler',
    );
  }
  const eventOption = str('event');
  const envFile = str('env-file');
  if (eventOption === undefined) throw new UsageError('--event is required');
  const protocol = (str('protocol') ?? 'http/protobuf') as OtlpProtocol;
  if (!OTLP_PROTOCOLS.includes(protocol)) {
    throw new UsageError(`--protocol must be one of ${OTLP_PROTOCOLS.join(', ')}`);
  }
  const loaded = await loadEvent(eventOption, str('upstream'), io.cwd);
  const fileEnv = envFile ? readEnvFile(envFile, io.cwd).variables : {};
  const env = { ...fileEnv, ...envOptions(values.env as string[] | undefined) };
  const run = await runInvocation({
    handler,
    event: loaded.event,
    clientContext: loaded.clientContext,
    env,
    protocol,
    inProcess: values['in-process'] === true,
    timeoutMs: integerOption(str('timeout'), '--timeout', 3000),
    waitMs: integerOption(str('wait'), '--wait', 1000),
  });
  const mask = createMasker(secretValues({ ...io.env, ...run.functionEnv }));
  const config = readConfigQuietly(run.functionEnv);
  const findings = diagnose({
    requestId: run.requestId,
    event: loaded.event,
    clientContext: loaded.clientContext,
    config,
    result: run.result,
    spans: run.spans,
    requests: run.requests,
    wrapped: wrapping(handler.modulePath),
    output: mask(run.output),
  });
  const counts = countFindings(findings);
  const exitCode =
    counts.error > 0
      ? EXIT_CODES.PROBLEMS
      : run.result.ok
        ? EXIT_CODES.OK
        : EXIT_CODES.HANDLER_FAILED;
  const mode = values['in-process'] ? 'in process' : 'aws-lambda-ric + Runtime API emulator';
  if (values.json) {
    io.out(
      mask(
        toJson({
          command: 'invoke',
          handler: positionals[0],
          event: { source: loaded.label, description: loaded.description },
          mode,
          protocol,
          result: run.result,
          spans: run.spans,
          findings,
          exitCode,
        }),
      ),
    );
    return exitCode;
  }
  const { result } = run;
  const lines = [
    `lambda-otel invoke · ${positionals[0]} · event ${loaded.label} (${loaded.description}) · ${mode} · OTLP ${protocol}`,
    '',
    `${result.ok ? 'response' : result.timedOut ? 'timed out' : 'error'} · ${result.durationMs.toFixed(1)} ms${result.coldStart ? ' · cold start' : ''}`,
    result.ok
      ? JSON.stringify(result.response)
      : `${result.error?.errorType}: ${result.error?.errorMessage}`,
  ];
  const output = run.output.trim();
  if (output !== '') {
    const tail = output.split('\n').slice(-20);
    lines.push('', 'function output', ...tail.map((line) => `  ${line}`));
  }
  lines.push(
    '',
    renderWaterfall(run.spans, {
      width: io.width,
      color: io.color,
      attributes: ['lambda_otel.context.source'],
    }),
    '',
    'diagnosis',
    formatFindings(findings),
    '',
    `${summarize(findings)} · exit ${exitCode}`,
  );
  io.out(mask(lines.join('\n')));
  return exitCode;
}
