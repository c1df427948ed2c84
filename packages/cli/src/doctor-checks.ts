import {
  type EnvMap,
  type KitConfig,
  OTLP_PROTOCOLS,
  PROPAGATOR_NAMES,
  parseEndpoint,
  parseOtlpHeaders,
  SAMPLER_NAMES,
  VENDOR_PRESETS,
} from '@lambda-otel-kit/core';
import { type Finding, finding } from './findings.js';

const blank = (value: string | undefined) => value === undefined || value.trim() === '';
const get = (env: EnvMap, name: string) => (blank(env[name]) ? undefined : env[name]?.trim());

/** A value shown only when it cannot hold a credential (no `@`, `?`, spaces or `=`). */
function shown(value: string): string {
  return /^[\w.:/-]{1,120}$/.test(value) ? `"${value}"` : '(value hidden)';
}

function checkEndpoint(env: EnvMap, config: KitConfig): Finding[] {
  const findings: Finding[] = [];
  const names = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'];
  const given = names.filter((name) => get(env, name) !== undefined);
  for (const name of given) {
    const value = get(env, name) as string;
    if (parseEndpoint(value) === undefined) {
      findings.push(
        finding(
          'error',
          'endpoint-malformed',
          `${name} ${shown(value)} is not an http:// or https:// URL; it is ignored`,
          'write the scheme, e.g. http://collector:4318 or https://api.honeycomb.io',
        ),
      );
    }
  }
  if (given.length === 0 && config.vendor === undefined) {
    findings.push(
      finding(
        'warning',
        'endpoint-missing',
        `no OTLP endpoint and no LAMBDA_OTEL_VENDOR: spans go to ${config.otlp.url}, which only works with a collector or extension in the image`,
        'set OTEL_EXPORTER_OTLP_ENDPOINT or LAMBDA_OTEL_VENDOR',
      ),
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(config.otlp.url);
  } catch {
    url = undefined;
  }
  const protocol = config.otlp.protocol;
  if (url?.port === '4318' && protocol === 'grpc') {
    findings.push(
      finding(
        'error',
        'protocol-port-mismatch',
        'the protocol is grpc but the endpoint port is 4318, the OTLP/HTTP port',
        'use port 4317 for gRPC, or OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
      ),
    );
  }
  if (url?.port === '4317' && protocol !== 'grpc') {
    findings.push(
      finding(
        'error',
        'protocol-port-mismatch',
        `the protocol is ${protocol} but the endpoint port is 4317, the OTLP/gRPC port`,
        'use port 4318 for HTTP, or OTEL_EXPORTER_OTLP_PROTOCOL=grpc',
      ),
    );
  }
  const traces = get(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (
    traces &&
    protocol !== 'grpc' &&
    parseEndpoint(traces) &&
    ['', '/'].includes(new URL(traces).pathname)
  ) {
    findings.push(
      finding(
        'warning',
        'traces-endpoint-path',
        'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as is and has no path: HTTP exporters usually need …/v1/traces',
        'add /v1/traces, or set OTEL_EXPORTER_OTLP_ENDPOINT (the base) instead',
      ),
    );
  }
  return findings;
}

function checkProtocolAndHeaders(env: EnvMap): Finding[] {
  const findings: Finding[] = [];
  for (const name of ['OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']) {
    const value = get(env, name);
    if (value !== undefined && !(OTLP_PROTOCOLS as readonly string[]).includes(value)) {
      findings.push(
        finding(
          'error',
          'protocol-unknown',
          `${name} ${shown(value)} is not one of ${OTLP_PROTOCOLS.join(', ')}`,
        ),
      );
    }
  }
  for (const name of ['OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_EXPORTER_OTLP_TRACES_HEADERS']) {
    const value = get(env, name);
    if (value === undefined) continue;
    const parsed = parseOtlpHeaders(value);
    if (parsed.invalidEntries > 0) {
      findings.push(
        finding(
          'error',
          'headers-malformed',
          `${name} has ${parsed.invalidEntries} malformed entr${parsed.invalidEntries === 1 ? 'y' : 'ies'} (skipped); valid headers: ${Object.keys(parsed.headers).join(', ') || 'none'}`,
          'write name=value pairs separated by commas, percent-encoding spaces and commas: Authorization=Bearer%20<token>',
        ),
      );
    }
  }
  return findings;
}

function checkNames(env: EnvMap): Finding[] {
  const findings: Finding[] = [];
  const propagators = get(env, 'OTEL_PROPAGATORS');
  if (propagators !== undefined) {
    const unknown = propagators
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '' && !(PROPAGATOR_NAMES as readonly string[]).includes(name));
    if (unknown.length > 0) {
      findings.push(
        finding(
          'error',
          'propagator-unknown',
          `OTEL_PROPAGATORS names ${unknown.map(shown).join(', ')}, which the kit does not know; ignored`,
          `use ${PROPAGATOR_NAMES.join(', ')}`,
        ),
      );
    }
  }
  const sampler = get(env, 'OTEL_TRACES_SAMPLER');
  if (
    sampler !== undefined &&
    !(SAMPLER_NAMES as readonly string[]).includes(sampler.toLowerCase())
  ) {
    findings.push(
      finding(
        'error',
        'sampler-unknown',
        `OTEL_TRACES_SAMPLER ${shown(sampler)} is not a known sampler; parentbased_always_on is used`,
        `use ${SAMPLER_NAMES.join(', ')}`,
      ),
    );
  }
  return findings;
}

function checkVendor(env: EnvMap): Finding[] {
  const name = get(env, 'LAMBDA_OTEL_VENDOR');
  if (name === undefined) return [];
  const preset = VENDOR_PRESETS.find((candidate) => candidate.name === name.toLowerCase());
  if (preset === undefined) {
    return [
      finding(
        'error',
        'vendor-unknown',
        `LAMBDA_OTEL_VENDOR ${shown(name)} is not a preset`,
        `use ${VENDOR_PRESETS.map((p) => p.name).join(', ')}`,
      ),
    ];
  }
  return preset.required
    .filter((group) => group.every((variable) => get(env, variable) === undefined))
    .map((group) =>
      finding(
        'error',
        'vendor-key-missing',
        `LAMBDA_OTEL_VENDOR=${preset.name} needs ${group.join(' or ')}, which is not set: the backend will refuse the spans`,
      ),
    );
}

/**
 * Checks the environment a function starts with: endpoint missing or malformed, protocol and
 * port that disagree (gRPC on 4318, HTTP on 4317), a traces endpoint without its path,
 * malformed `OTEL_EXPORTER_OTLP_HEADERS`, unknown protocol, propagators, sampler or vendor
 * preset, a preset missing its credential, the SDK turned off. Messages never hold a value
 * that could be a secret.
 *
 * @param env - the merged environment (process, Dockerfile `ENV`, env file).
 * @param config - `readConfig({}, env)`.
 * @returns the findings, errors first.
 * @example
 * ```ts
 * checkEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, config);
 * // [{ severity: 'error', code: 'protocol-port-mismatch', … }]
 * ```
 */
export function checkEnvironment(env: EnvMap, config: KitConfig): Finding[] {
  const findings = [
    ...checkEndpoint(env, config),
    ...checkProtocolAndHeaders(env),
    ...checkNames(env),
    ...checkVendor(env),
  ];
  if (config.sdkDisabled) {
    findings.push(
      finding(
        'warning',
        'sdk-disabled',
        'OTEL_SDK_DISABLED=true: no span will be created or exported',
      ),
    );
  }
  return findings;
}
