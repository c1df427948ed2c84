import { warnOnce } from './diag.js';
import { defaultTracesUrl, parseEndpoint, tracesUrl } from './endpoint.js';
import { type EnvReader, MAX_TIMER_MS, readEnum, readInteger, warnInvalid } from './env-reader.js';
import { parseOtlpHeaders } from './key-value.js';
import type { OtlpCompression, OtlpConfig, OtlpProtocol, PresetSettings } from './types.js';

/** OTLP protocols the kit can export with. */
export const OTLP_PROTOCOLS: readonly OtlpProtocol[] = ['grpc', 'http/protobuf', 'http/json'];
/** Compression values the JS exporters accept. */
export const OTLP_COMPRESSIONS: readonly OtlpCompression[] = ['gzip', 'none'];

const DEFAULT_PROTOCOL: OtlpProtocol = 'http/protobuf';
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Resolves the protocol: option, then `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, then
 * `OTEL_EXPORTER_OTLP_PROTOCOL`, then the preset's, then `http/protobuf`.
 */
export function readProtocol(
  env: EnvReader,
  option: OtlpProtocol | undefined,
  presetProtocol: OtlpProtocol | undefined,
): OtlpProtocol {
  return (
    option ??
    readEnum(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', OTLP_PROTOCOLS) ??
    readEnum(env, 'OTEL_EXPORTER_OTLP_PROTOCOL', OTLP_PROTOCOLS) ??
    presetProtocol ??
    DEFAULT_PROTOCOL
  );
}

function readEndpoint(env: EnvReader, name: string): string | undefined {
  const raw = env.get(name);
  if (raw === undefined) return undefined;
  const endpoint = parseEndpoint(raw);
  if (endpoint === undefined) warnInvalid(name, 'an http:// or https:// URL');
  return endpoint;
}

/** `_TRACES_ENDPOINT` as given, else the base endpoint (+ `/v1/traces` for HTTP), else the preset's, else the default. */
function readUrl(env: EnvReader, protocol: OtlpProtocol, presetUrl: string | undefined): string {
  const traces = readEndpoint(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (traces !== undefined) return traces;
  const base = readEndpoint(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (base !== undefined) return tracesUrl(base, protocol);
  return presetUrl ?? defaultTracesUrl(protocol);
}

function readHeaders(env: EnvReader, name: string): Record<string, string> {
  const raw = env.get(name);
  if (raw === undefined) return {};
  const { headers, invalidEntries } = parseOtlpHeaders(raw);
  if (invalidEntries > 0) {
    // Count only: an entry may be a secret pasted without its key.
    warnOnce(
      `${name}:entries`,
      `${name} has ${invalidEntries} malformed entr${invalidEntries === 1 ? 'y' : 'ies'} (not key=value, a bad %-escape, or characters not allowed in a header); skipped`,
    );
  }
  return headers;
}

/** Lower-cases header names so layers merge whatever case each used. */
function lowerCaseNames(headers: Readonly<Record<string, string>> | undefined) {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

/**
 * Resolves the OTLP section. Headers merge key by key: preset, `OTEL_EXPORTER_OTLP_HEADERS`,
 * `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, options. Other fields take the first valid layer:
 * option, `_TRACES_` variable, generic variable, preset, default.
 */
export function readOtlp(
  env: EnvReader,
  option: Partial<OtlpConfig> | undefined,
  protocol: OtlpProtocol,
  preset: PresetSettings | undefined,
): OtlpConfig {
  return {
    protocol,
    url: option?.url ?? readUrl(env, protocol, preset?.url),
    headers: {
      ...preset?.headers,
      ...readHeaders(env, 'OTEL_EXPORTER_OTLP_HEADERS'),
      ...readHeaders(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'),
      ...lowerCaseNames(option?.headers),
    },
    timeoutMs:
      option?.timeoutMs ??
      readInteger(env, 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 1, MAX_TIMER_MS) ??
      readInteger(env, 'OTEL_EXPORTER_OTLP_TIMEOUT', 1, MAX_TIMER_MS) ??
      DEFAULT_TIMEOUT_MS,
    compression:
      option?.compression ??
      readEnum(env, 'OTEL_EXPORTER_OTLP_TRACES_COMPRESSION', OTLP_COMPRESSIONS) ??
      readEnum(env, 'OTEL_EXPORTER_OTLP_COMPRESSION', OTLP_COMPRESSIONS) ??
      'none',
  };
}
