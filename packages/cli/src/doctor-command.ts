import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type EnvMap,
  readConfig,
  redactHeaders,
  redactUrl,
  resetWarnOnce,
} from '@lambda-otel-kit/core';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { integerOption, parseCommandArgs, stringValue } from './command-args.js';
import type { CommandIO } from './command-io.js';
import { checkDockerfile, parseDockerfile } from './dockerfile-checks.js';
import { checkEnvironment } from './doctor-checks.js';
import { sendTestSpan } from './doctor-connect.js';
import { EXIT_CODES, type ExitCode, UsageError } from './exit-codes.js';
import { countFindings, type Finding, finding, formatFindings, summarize } from './findings.js';
import { readEnvFile } from './function-env.js';
import { checkHandlerSource } from './handler-check.js';
import { toJson } from './json-output.js';
import { createMasker, secretValues } from './secret-mask.js';

/** `lambda-otel doctor --help`. */
export const DOCTOR_HELP = `Usage: lambda-otel doctor [options]

Checks the configuration a function will start with: this environment, then the
Dockerfile's ENV, then the env file (later wins). Reports a missing or malformed endpoint,
protocol/port mismatches (gRPC on 4318, HTTP on 4317), malformed OTEL_EXPORTER_OTLP_HEADERS,
unknown propagators, samplers or vendor presets, a preset missing its key,
AWS_LAMBDA_EXEC_WRAPPER or a layer-style handler in the image, and a handler module that
does not call instrumentHandler. Secrets are masked in all output.

Options:
  --env-file <file>       variables of the function (dotenv syntax)
  --dockerfile <file>     the image's Dockerfile (ENV, CMD of the final stage)
  --handler <file>        the handler module, checked for instrumentHandler
  --connect               send a test span to the endpoint and report the answer
  --connect-timeout <ms>  longest wait for that answer (default 5000)
  --json                  print one JSON document instead of text
  -h, --help              this help

Exit codes: 0 no errors (warnings allowed), 1 errors found (or --connect failed),
            2 usage error.`;

function readText(path: string, cwd: string, option: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    throw new UsageError(`${option}: cannot read ${path}`);
  }
}

/** `readConfig` with its one-time `diag` warnings collected instead of printed. */
function readConfigWithWarnings(env: EnvMap) {
  const warnings: string[] = [];
  const collect = (message: string) => warnings.push(message.replace(/^lambda-otel-kit: /, ''));
  resetWarnOnce();
  diag.setLogger(
    { error: collect, warn: collect, info() {}, debug() {}, verbose() {} },
    DiagLogLevel.WARN,
  );
  try {
    return { config: readConfig({}, env), warnings };
  } finally {
    diag.disable();
  }
}

function handlerFinding(path: string, text: string): Finding {
  const wrapping = checkHandlerSource(text);
  if (wrapping === 'not-wrapped') {
    return finding(
      'error',
      'handler-not-wrapped',
      `${path} never calls instrumentHandler or sqsBatchHandler: no span will be created`,
      'export const handler = instrumentHandler(yourHandler)',
    );
  }
  return finding(
    'ok',
    'handler-wrapped',
    `${path} ${wrapping === 'wrapped' ? 'calls instrumentHandler' : 'bundles the kit (names minified)'}`,
  );
}

/**
 * `lambda-otel doctor`: checks a function's telemetry configuration before it is deployed.
 *
 * @param args - arguments after `doctor`.
 * @param io - output streams and environment.
 * @returns the exit code (see `EXIT_CODES`).
 * @example
 * ```ts
 * await doctorCommand(['--env-file', '.env.lambda', '--connect'], io);
 * ```
 */
export async function doctorCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {
    'env-file': { type: 'string' },
    dockerfile: { type: 'string' },
    handler: { type: 'string' },
    connect: { type: 'boolean' },
    'connect-timeout': { type: 'string' },
  });
  const str = (name: string) => stringValue(values, name);
  if (values.help) {
    io.out(DOCTOR_HELP);
    return EXIT_CODES.OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const timeoutMs = integerOption(str('connect-timeout'), '--connect-timeout', 5000);
  const dockerfile = str('dockerfile');
  const envFile = str('env-file');
  const handlerFile = str('handler');
  const findings: Finding[] = [];
  const sources = ['environment'];
  let imageEnv: Record<string, string> = {};
  if (dockerfile) {
    const facts = parseDockerfile(readText(dockerfile, io.cwd, '--dockerfile'));
    imageEnv = facts.env;
    findings.push(...checkDockerfile(facts));
    sources.push(dockerfile);
  }
  let fileEnv: Record<string, string> = {};
  if (envFile) {
    const parsed = readEnvFile(envFile, io.cwd);
    fileEnv = parsed.variables;
    sources.push(envFile);
    if (parsed.invalidLines.length > 0) {
      findings.push(
        finding(
          'warning',
          'env-file-lines',
          `${envFile}: line(s) ${parsed.invalidLines.join(', ')} are not NAME=value and were skipped`,
        ),
      );
    }
  }
  const env: EnvMap = { ...io.env, ...imageEnv, ...fileEnv };
  const mask = createMasker(secretValues(env));
  const { config, warnings } = readConfigWithWarnings(env);
  const own = checkEnvironment(env, config);
  findings.unshift(...own);
  for (const warning of warnings) {
    const variable = /\b([A-Z][A-Z0-9_]{3,})\b/.exec(warning)?.[1];
    if (variable && own.some((item) => item.message.includes(variable))) continue;
    findings.push(finding('warning', 'config', warning));
  }
  if (handlerFile) {
    findings.push(handlerFinding(handlerFile, readText(handlerFile, io.cwd, '--handler')));
  }
  const summary = {
    protocol: config.otlp.protocol,
    tracesUrl: redactUrl(config.otlp.url),
    headers: redactHeaders(config.otlp.headers),
    propagators: config.propagators,
    sampler: config.sampler.name.endsWith('traceidratio')
      ? `${config.sampler.name} (${config.sampler.ratio})`
      : config.sampler.name,
    serviceName: config.serviceName,
    vendor: config.vendor,
  };
  let connect: Awaited<ReturnType<typeof sendTestSpan>> | undefined;
  if (values.connect) {
    connect = await sendTestSpan(config.otlp, timeoutMs);
    const where = `${summary.tracesUrl} (${config.otlp.protocol})`;
    findings.push(
      connect.ok
        ? finding(
            'ok',
            'connect',
            `${where} accepted a test span in ${connect.durationMs.toFixed(0)} ms (trace ${connect.traceId})`,
          )
        : finding(
            'error',
            'connect-failed',
            `${where} did not accept a test span after ${connect.durationMs.toFixed(0)} ms: ${connect.error ?? 'unknown error'}`,
          ),
    );
  }
  const exitCode = countFindings(findings).error > 0 ? EXIT_CODES.PROBLEMS : EXIT_CODES.OK;
  if (values.json) {
    io.out(
      mask(toJson({ command: 'doctor', sources, configuration: summary, findings, exitCode })),
    );
    return exitCode;
  }
  const headers = Object.entries(summary.headers)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const lines = [
    `lambda-otel doctor · ${sources.join(' + ')}`,
    '',
    'configuration',
    `  protocol     ${summary.protocol}`,
    `  traces URL   ${summary.tracesUrl}`,
    `  headers      ${headers || '(none)'}`,
    `  propagators  ${summary.propagators.join(',') || 'none'}`,
    `  sampler      ${summary.sampler}`,
    `  service      ${summary.serviceName ?? '(unset: the function name is used)'}`,
    `  vendor       ${summary.vendor ?? '(none)'}`,
    '',
    'checks',
    findings.length > 0 ? formatFindings(findings) : '✓ nothing to report',
    '',
    `${summarize(findings)} · exit ${exitCode}`,
  ];
  io.out(mask(lines.join('\n')));
  return exitCode;
}
