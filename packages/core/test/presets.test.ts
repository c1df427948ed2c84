import { describe, expect, it } from 'vitest';
import { VENDOR_PRESET_NAMES, VENDOR_PRESETS } from '../src/presets.js';
import type { OtlpProtocol, PresetSettings, VendorPreset } from '../src/types.js';

function resolve(
  name: VendorPreset,
  env: Record<string, string>,
  protocol: OtlpProtocol = 'http/protobuf',
): PresetSettings {
  const preset = VENDOR_PRESETS.find((candidate) => candidate.name === name);
  if (preset === undefined) throw new Error(`no preset ${name}`);
  return preset.resolve((variable) => env[variable], protocol);
}

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('VENDOR_PRESET_NAMES', () => {
  it('lists every preset once, in table order', () => {
    expect(VENDOR_PRESET_NAMES).toEqual([
      'coralogix',
      'datadog',
      'datadog-agentless',
      'honeycomb',
      'grafana',
      'newrelic',
      'collector',
    ]);
  });
});

describe('VENDOR_PRESETS', () => {
  it('declares every required variable among the variables it reads', () => {
    for (const preset of VENDOR_PRESETS) {
      const declared = preset.variables.map((variable) => variable.name);
      for (const group of preset.required)
        for (const name of group) expect(declared).toContain(name);
    }
  });

  it.each<[string, VendorPreset, Record<string, string>, OtlpProtocol, Partial<PresetSettings>]>([
    [
      'coralogix by domain over HTTP',
      'coralogix',
      {
        CX_TOKEN: 't0k',
        CX_DOMAIN: 'eu2.coralogix.com',
        CX_APPLICATION_NAME: 'shop',
        CX_SUBSYSTEM_NAME: 'orders',
      },
      'http/protobuf',
      {
        url: 'https://ingress.eu2.coralogix.com/v1/traces',
        headers: { authorization: 'Bearer t0k' },
        resourceAttributes: { 'cx.application.name': 'shop', 'cx.subsystem.name': 'orders' },
        warnings: [],
      },
    ],
    [
      'coralogix by short region over gRPC',
      'coralogix',
      { CX_TOKEN: 't0k', CX_DOMAIN: 'us2' },
      'grpc',
      { url: 'https://ingress.us2.coralogix.com:443', resourceAttributes: {} },
    ],
    [
      'coralogix by endpoint, which beats the domain',
      'coralogix',
      {
        CX_TOKEN: 't0k',
        CX_ENDPOINT: 'ingress.ap1.coralogix.com:443',
        CX_DOMAIN: 'eu1.coralogix.com',
      },
      'http/json',
      { url: 'https://ingress.ap1.coralogix.com:443/v1/traces' },
    ],
    [
      'datadog extension over HTTP',
      'datadog',
      { DD_API_KEY: 'k', DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_HTTP_ENDPOINT: 'localhost:4318' },
      'http/protobuf',
      { url: 'http://localhost:4318/v1/traces', headers: {}, warnings: [] },
    ],
    [
      'datadog extension listening on all interfaces over gRPC',
      'datadog',
      { DD_API_KEY: 'k', DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_GRPC_ENDPOINT: '0.0.0.0:4327' },
      'grpc',
      { url: 'http://localhost:4327', warnings: [] },
    ],
    [
      'datadog agentless with the default site',
      'datadog-agentless',
      { DD_API_KEY: 'k' },
      'http/protobuf',
      {
        url: 'https://trace.agent.datadoghq.com/v1/traces',
        headers: { 'dd-api-key': 'k', 'dd-otlp-source': 'serverless' },
      },
    ],
    [
      'datadog agentless on the EU site',
      'datadog-agentless',
      { DD_API_KEY: 'k', DD_SITE: 'datadoghq.eu' },
      'http/protobuf',
      { url: 'https://trace.agent.datadoghq.eu/v1/traces' },
    ],
    [
      'honeycomb US',
      'honeycomb',
      { HONEYCOMB_API_KEY: 'hc' },
      'http/protobuf',
      { url: 'https://api.honeycomb.io/v1/traces', headers: { 'x-honeycomb-team': 'hc' } },
    ],
    [
      'honeycomb EU over gRPC with a classic dataset',
      'honeycomb',
      {
        HONEYCOMB_API_KEY: 'hc',
        HONEYCOMB_API_ENDPOINT: 'https://api.eu1.honeycomb.io',
        HONEYCOMB_DATASET: 'd',
      },
      'grpc',
      {
        url: 'https://api.eu1.honeycomb.io:443',
        headers: { 'x-honeycomb-team': 'hc', 'x-honeycomb-dataset': 'd' },
      },
    ],
    [
      'grafana by zone',
      'grafana',
      { GRAFANA_INSTANCE_ID: '123', GRAFANA_API_TOKEN: 'glc', GRAFANA_ZONE: 'prod-eu-west-2' },
      'http/protobuf',
      {
        url: 'https://otlp-gateway-prod-eu-west-2.grafana.net/otlp/v1/traces',
        headers: { authorization: basic('123:glc') },
      },
    ],
    [
      'grafana by endpoint',
      'grafana',
      {
        GRAFANA_INSTANCE_ID: '1',
        GRAFANA_API_TOKEN: 't',
        GRAFANA_OTLP_ENDPOINT: 'https://gw.example.com/otlp/',
      },
      'http/protobuf',
      { url: 'https://gw.example.com/otlp/v1/traces' },
    ],
    [
      'new relic US over gRPC',
      'newrelic',
      { NEW_RELIC_LICENSE_KEY: 'abc123NRAL' },
      'grpc',
      { url: 'https://otlp.nr-data.net:4317', headers: { 'api-key': 'abc123NRAL' } },
    ],
    [
      'new relic EU from the key prefix',
      'newrelic',
      { NEW_RELIC_LICENSE_KEY: 'eu01xxabc123NRAL' },
      'http/protobuf',
      { url: 'https://otlp.eu01.nr-data.net/v1/traces' },
    ],
    [
      'collector',
      'collector',
      {},
      'grpc',
      { url: undefined, headers: {}, resourceAttributes: {}, warnings: [] },
    ],
  ])('%s', (_label, name, env, protocol, expected) => {
    expect(resolve(name, env, protocol)).toMatchObject(expected);
  });

  it.each<[string, VendorPreset, Record<string, string>, OtlpProtocol, RegExp]>([
    [
      'coralogix without a domain',
      'coralogix',
      { CX_TOKEN: 'secret-1' },
      'http/protobuf',
      /needs CX_DOMAIN/,
    ],
    ['coralogix with a bad domain', 'coralogix', { CX_DOMAIN: 'a b' }, 'grpc', /CX_DOMAIN is not/],
    [
      'coralogix with a bad endpoint',
      'coralogix',
      { CX_ENDPOINT: 'ftp://x' },
      'grpc',
      /CX_ENDPOINT is not/,
    ],
    ['datadog without the receiver', 'datadog', {}, 'http/protobuf', /PROTOCOLS_HTTP_ENDPOINT/],
    [
      'datadog with a bad receiver',
      'datadog',
      { DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_GRPC_ENDPOINT: 'nowhere' },
      'grpc',
      /PROTOCOLS_GRPC_ENDPOINT/,
    ],
    [
      'datadog agentless over gRPC',
      'datadog-agentless',
      { DD_API_KEY: 'secret-2' },
      'grpc',
      /no gRPC endpoint/,
    ],
    [
      'datadog agentless with a bad site',
      'datadog-agentless',
      { DD_SITE: 'x/y' },
      'http/protobuf',
      /DD_SITE is not/,
    ],
    [
      'honeycomb with a bad endpoint',
      'honeycomb',
      { HONEYCOMB_API_ENDPOINT: 'ftp://x' },
      'grpc',
      /HONEYCOMB_API_ENDPOINT/,
    ],
    ['grafana over gRPC', 'grafana', {}, 'grpc', /no gRPC endpoint/],
    ['grafana without zone', 'grafana', {}, 'http/protobuf', /needs GRAFANA_ZONE/],
    [
      'grafana with a bad zone',
      'grafana',
      { GRAFANA_ZONE: 'eu west' },
      'http/protobuf',
      /GRAFANA_ZONE is not/,
    ],
    [
      'grafana with a bad endpoint',
      'grafana',
      { GRAFANA_OTLP_ENDPOINT: '::' },
      'http/protobuf',
      /GRAFANA_OTLP_ENDPOINT/,
    ],
  ])('%s: leaves the URL to the defaults and says why', (_label, name, env, protocol, warning) => {
    const settings = resolve(name, env, protocol);

    expect(settings.url).toBeUndefined();
    expect(settings.warnings).toHaveLength(1);
    expect(settings.warnings[0]).toMatch(warning);
    for (const value of Object.values(env)) expect(settings.warnings[0]).not.toContain(value);
  });

  it('sends no credential header when the credential is missing', () => {
    for (const preset of VENDOR_PRESETS) {
      const settings = preset.resolve(() => undefined, 'http/protobuf');
      expect(settings.headers).not.toHaveProperty('authorization');
      expect(settings.headers).not.toHaveProperty('api-key');
      expect(settings.headers).not.toHaveProperty('dd-api-key');
      expect(settings.headers).not.toHaveProperty('x-honeycomb-team');
    }
  });
});
