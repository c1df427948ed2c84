import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnvReader } from '../src/env-reader.js';
import { OTLP_COMPRESSIONS, OTLP_PROTOCOLS, readOtlp, readProtocol } from '../src/otlp.js';
import type { OtlpConfig, OtlpProtocol, PresetSettings } from '../src/types.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';

let messages: string[];
beforeEach(() => {
  messages = spyOnDiag();
});
afterEach(stopDiagSpy);

const preset = (partial: Partial<PresetSettings>): PresetSettings => ({
  url: undefined,
  headers: {},
  resourceAttributes: {},
  warnings: [],
  ...partial,
});

function otlp(
  env: Record<string, string>,
  protocol: OtlpProtocol = 'http/protobuf',
  presetSettings?: PresetSettings,
) {
  return readOtlp(createEnvReader(env), undefined, protocol, presetSettings);
}

describe('OTLP_PROTOCOLS', () => {
  it('lists the three OTLP transports', () => {
    expect(OTLP_PROTOCOLS).toEqual(['grpc', 'http/protobuf', 'http/json']);
  });
});

describe('OTLP_COMPRESSIONS', () => {
  it('lists what the JS exporters accept', () => {
    expect(OTLP_COMPRESSIONS).toEqual(['gzip', 'none']);
  });
});

describe('readProtocol', () => {
  it.each<
    [
      Record<string, string>,
      OtlpProtocol | undefined,
      OtlpProtocol | undefined,
      OtlpProtocol,
      boolean,
    ]
  >([
    [{}, undefined, undefined, 'http/protobuf', false],
    [{}, undefined, 'grpc', 'grpc', false],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, undefined, 'http/protobuf', 'grpc', false],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'HTTP/JSON' }, undefined, undefined, 'http/json', false],
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' },
      undefined,
      undefined,
      'http/json',
      false,
    ],
    [
      { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' },
      'http/protobuf',
      undefined,
      'http/protobuf',
      false,
    ],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http' }, undefined, undefined, 'http/protobuf', true],
    [
      { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'thrift', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      undefined,
      undefined,
      'grpc',
      true,
    ],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: '  ' }, undefined, undefined, 'http/protobuf', false],
  ])('%j, option %s, preset %s → %s', (env, option, presetProtocol, expected, warns) => {
    expect(readProtocol(createEnvReader(env), option, presetProtocol)).toBe(expected);
    expect(messages.length > 0).toBe(warns);
  });
});

describe('readOtlp', () => {
  it('defaults to the local collector, no headers, 10 s, no compression', () => {
    expect(otlp({})).toEqual<OtlpConfig>({
      protocol: 'http/protobuf',
      url: 'http://localhost:4318/v1/traces',
      headers: {},
      timeoutMs: 10_000,
      compression: 'none',
    });
    expect(otlp({}, 'grpc').url).toBe('http://localhost:4317');
  });

  it.each<[string, Record<string, string>, OtlpProtocol, string, string | undefined]>([
    [
      'base + /v1/traces',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' },
      'http/protobuf',
      'http://c:4318/v1/traces',
      undefined,
    ],
    [
      'base with a path',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://gw/otlp/' },
      'http/json',
      'https://gw/otlp/v1/traces',
      undefined,
    ],
    [
      'base as is for gRPC',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317' },
      'grpc',
      'http://c:4317',
      undefined,
    ],
    [
      'traces endpoint as given',
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:9/custom' },
      'http/protobuf',
      'http://c:9/custom',
      undefined,
    ],
    [
      'traces endpoint beats base',
      {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:1',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:2',
      },
      'http/protobuf',
      'http://t:1',
      undefined,
    ],
    [
      'invalid traces endpoint falls back to base',
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'c:1', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:2' },
      'http/protobuf',
      'http://b:2/v1/traces',
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    ],
    [
      'scheme-less base',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' },
      'grpc',
      'http://localhost:4317',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
    ],
    [
      'other scheme',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://c' },
      'http/protobuf',
      'http://localhost:4318/v1/traces',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
    ],
  ])('url: %s', (_label, env, protocol, url, warned) => {
    expect(otlp(env, protocol).url).toBe(url);
    expect(messages.join('\n')).toContain(warned ?? '');
    if (warned === undefined) expect(messages).toEqual([]);
  });

  it('uses the preset URL only when no variable names an endpoint', () => {
    const vendor = preset({ url: 'https://vendor/v1/traces' });

    expect(otlp({}, 'http/protobuf', vendor).url).toBe('https://vendor/v1/traces');
    expect(
      otlp({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://mine:4318' }, 'http/protobuf', vendor).url,
    ).toBe('http://mine:4318/v1/traces');
  });

  it.each<[string, Record<string, string>, Record<string, string>, number]>([
    ['one header', { OTEL_EXPORTER_OTLP_HEADERS: 'api-key=abc' }, { 'api-key': 'abc' }, 0],
    [
      'percent-decoded value',
      { OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20abc' },
      { authorization: 'Bearer abc' },
      0,
    ],
    ['malformed entries skipped', { OTEL_EXPORTER_OTLP_HEADERS: 'oops,a=1,b=%zz' }, { a: '1' }, 1],
    [
      'traces headers win per key',
      { OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=1', OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'B=2,c=2' },
      { a: '1', b: '2', c: '2' },
      0,
    ],
  ])('headers: %s', (_label, env, headers, warnings) => {
    expect(otlp(env).headers).toEqual(headers);
    expect(messages).toHaveLength(warnings);
  });

  it('warns about malformed header entries by count, never by content', () => {
    otlp({ OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'Bearer s3cr3t-token,x=%zzs3cr3t' });

    expect(messages).toEqual([
      expect.stringContaining('OTEL_EXPORTER_OTLP_TRACES_HEADERS has 2 malformed entries'),
    ]);
    expect(messages[0]).not.toContain('s3cr3t');
  });

  it('layers headers: preset, then variables, then options, by lower-case name', () => {
    const vendor = preset({ headers: { authorization: 'Bearer preset', 'x-team': 'preset' } });
    const env = createEnvReader({ OTEL_EXPORTER_OTLP_HEADERS: 'X-Team=env' });

    const headers = readOtlp(
      env,
      { headers: { Authorization: 'Bearer option' } },
      'grpc',
      vendor,
    ).headers;

    expect(headers).toEqual({ authorization: 'Bearer option', 'x-team': 'env' });
  });

  it.each<[string, Record<string, string>, number, string | undefined]>([
    ['generic', { OTEL_EXPORTER_OTLP_TIMEOUT: '5000' }, 5000, undefined],
    [
      'traces beats generic',
      { OTEL_EXPORTER_OTLP_TIMEOUT: '5000', OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '700' },
      700,
      undefined,
    ],
    ['zero', { OTEL_EXPORTER_OTLP_TIMEOUT: '0' }, 10_000, 'OTEL_EXPORTER_OTLP_TIMEOUT'],
    ['negative', { OTEL_EXPORTER_OTLP_TIMEOUT: '-1' }, 10_000, 'OTEL_EXPORTER_OTLP_TIMEOUT'],
    ['fraction', { OTEL_EXPORTER_OTLP_TIMEOUT: '1.5' }, 10_000, 'OTEL_EXPORTER_OTLP_TIMEOUT'],
    ['garbage', { OTEL_EXPORTER_OTLP_TIMEOUT: '10s' }, 10_000, 'OTEL_EXPORTER_OTLP_TIMEOUT'],
    [
      'beyond a timer',
      { OTEL_EXPORTER_OTLP_TIMEOUT: '2147483648' },
      10_000,
      'OTEL_EXPORTER_OTLP_TIMEOUT',
    ],
    [
      'invalid traces falls to generic',
      { OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: 'x', OTEL_EXPORTER_OTLP_TIMEOUT: '300' },
      300,
      'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT',
    ],
  ])('timeout: %s', (_label, env, timeoutMs, warned) => {
    expect(otlp(env).timeoutMs).toBe(timeoutMs);
    expect(messages.map((message) => message.split(' ')[1])).toEqual(warned ? [warned] : []);
  });

  it.each<[string, Record<string, string>, string, string | undefined]>([
    ['gzip', { OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip' }, 'gzip', undefined],
    ['upper case', { OTEL_EXPORTER_OTLP_COMPRESSION: 'GZIP' }, 'gzip', undefined],
    [
      'traces beats generic',
      { OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip', OTEL_EXPORTER_OTLP_TRACES_COMPRESSION: 'none' },
      'none',
      undefined,
    ],
    [
      'unknown',
      { OTEL_EXPORTER_OTLP_COMPRESSION: 'zstd' },
      'none',
      'OTEL_EXPORTER_OTLP_COMPRESSION',
    ],
  ])('compression: %s', (_label, env, compression, warned) => {
    expect(otlp(env).compression).toBe(compression);
    expect(messages.map((message) => message.split(' ')[1])).toEqual(warned ? [warned] : []);
  });
});
