import { grpcOrigin, isHostName, tracesUrl, vendorBase } from './endpoint.js';
import type {
  ConfigVariable,
  OtlpProtocol,
  PresetGetter,
  PresetSettings,
  VendorPreset,
  VendorPresetSpec,
} from './types.js';

const plain = (name: string): ConfigVariable => ({ name, secret: false });
const secret = (name: string): ConfigVariable => ({ name, secret: true });

function settings(partial: Partial<PresetSettings>): PresetSettings {
  return { url: undefined, headers: {}, resourceAttributes: {}, warnings: [], ...partial };
}

/** URL for a vendor base that accepts both gRPC and HTTP on the same host. */
function urlFor(base: string, protocol: OtlpProtocol): string {
  return protocol === 'grpc' ? grpcOrigin(base) : tracesUrl(base, protocol);
}

/** Only the entries whose value is set. */
function defined(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

const noGrpc = (vendor: string) =>
  `LAMBDA_OTEL_VENDOR=${vendor} has no gRPC endpoint; set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf or an endpoint`;

/** Datadog extension: `DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_<HTTP|GRPC>_ENDPOINT` is `host:port`. */
function datadogReceiver(get: PresetGetter, protocol: OtlpProtocol): PresetSettings {
  const grpc = protocol === 'grpc';
  const name = `DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_${grpc ? 'GRPC' : 'HTTP'}_ENDPOINT`;
  const listen = get(name);
  const match = listen === undefined ? null : /^(.*):(\d{1,5})$/.exec(listen);
  if (match === null) {
    const hint = `the Datadog extension receives OTLP only when ${name} is host:port (e.g. localhost:${grpc ? 4317 : 4318})`;
    return settings({ warnings: [`LAMBDA_OTEL_VENDOR=datadog: ${hint}`] });
  }
  const host = ['', '0.0.0.0', '[::]', '::'].includes(match[1] ?? '') ? 'localhost' : match[1];
  const base = `http://${host}:${match[2]}`;
  return settings({ url: grpc ? base : tracesUrl(base, protocol) });
}

/**
 * The vendor presets, one small object each. A preset only fills the endpoint, protocol,
 * headers and resource attributes from the vendor's usual variables; see
 * `docs/environment-variables.md` for each variable.
 *
 * @example
 * ```ts
 * VENDOR_PRESETS.find((preset) => preset.name === 'honeycomb')?.required; // [['HONEYCOMB_API_KEY']]
 * ```
 */
export const VENDOR_PRESETS: readonly VendorPresetSpec[] = [
  {
    name: 'coralogix',
    description:
      'Coralogix ingress.<domain>: bearer token, cx.application.name / cx.subsystem.name',
    variables: [
      secret('CX_TOKEN'),
      plain('CX_ENDPOINT'),
      plain('CX_DOMAIN'),
      plain('CX_APPLICATION_NAME'),
      plain('CX_SUBSYSTEM_NAME'),
    ],
    required: [['CX_TOKEN']],
    resolve(get, protocol) {
      const token = get('CX_TOKEN');
      const endpoint = get('CX_ENDPOINT');
      const domain = get('CX_DOMAIN');
      const headers = defined({ authorization: token && `Bearer ${token}` });
      const resourceAttributes = defined({
        'cx.application.name': get('CX_APPLICATION_NAME'),
        'cx.subsystem.name': get('CX_SUBSYSTEM_NAME'),
      });
      let base: string | undefined;
      let problem =
        'LAMBDA_OTEL_VENDOR=coralogix needs CX_DOMAIN (e.g. eu2.coralogix.com) or CX_ENDPOINT';
      if (endpoint !== undefined) {
        base = vendorBase(endpoint);
        problem = 'CX_ENDPOINT is not a host name or URL; the value is ignored';
      } else if (domain !== undefined && isHostName(domain)) {
        base = `https://ingress.${domain.includes('.') ? domain : `${domain}.coralogix.com`}`;
      } else if (domain !== undefined) {
        problem = 'CX_DOMAIN is not a domain such as eu2.coralogix.com; the value is ignored';
      }
      if (base === undefined) return settings({ headers, resourceAttributes, warnings: [problem] });
      return settings({ url: urlFor(base, protocol), headers, resourceAttributes });
    },
  },
  {
    name: 'datadog',
    description: 'Datadog Agent or Lambda extension on localhost, receiving OTLP',
    variables: [
      secret('DD_API_KEY'),
      plain('DD_API_KEY_SECRET_ARN'),
      secret('DD_KMS_API_KEY'),
      plain('DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_HTTP_ENDPOINT'),
      plain('DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_GRPC_ENDPOINT'),
    ],
    required: [['DD_API_KEY', 'DD_API_KEY_SECRET_ARN', 'DD_KMS_API_KEY']],
    resolve: datadogReceiver,
  },
  {
    name: 'datadog-agentless',
    description: 'Datadog OTLP intake trace.agent.<DD_SITE> (Preview), http/protobuf only',
    protocol: 'http/protobuf',
    variables: [secret('DD_API_KEY'), plain('DD_SITE')],
    required: [['DD_API_KEY']],
    resolve(get, protocol) {
      const key = get('DD_API_KEY');
      const headers = defined({ 'dd-api-key': key, 'dd-otlp-source': 'serverless' });
      const site = get('DD_SITE') ?? 'datadoghq.com';
      if (protocol === 'grpc')
        return settings({ headers, warnings: [noGrpc('datadog-agentless')] });
      if (!isHostName(site)) {
        const warning = 'DD_SITE is not a host name such as datadoghq.eu; the value is ignored';
        return settings({ headers, warnings: [warning] });
      }
      return settings({ url: tracesUrl(`https://trace.agent.${site}`, protocol), headers });
    },
  },
  {
    name: 'honeycomb',
    description:
      'Honeycomb api.honeycomb.io (EU: HONEYCOMB_API_ENDPOINT=https://api.eu1.honeycomb.io)',
    variables: [
      secret('HONEYCOMB_API_KEY'),
      plain('HONEYCOMB_API_ENDPOINT'),
      plain('HONEYCOMB_DATASET'),
    ],
    required: [['HONEYCOMB_API_KEY']],
    resolve(get, protocol) {
      const headers = defined({
        'x-honeycomb-team': get('HONEYCOMB_API_KEY'),
        'x-honeycomb-dataset': get('HONEYCOMB_DATASET'),
      });
      const endpoint = get('HONEYCOMB_API_ENDPOINT');
      const base = vendorBase(endpoint ?? 'https://api.honeycomb.io');
      if (base === undefined) {
        const warning = 'HONEYCOMB_API_ENDPOINT is not a URL; the value is ignored';
        return settings({ headers, warnings: [warning] });
      }
      return settings({ url: urlFor(base, protocol), headers });
    },
  },
  {
    name: 'grafana',
    description: 'Grafana Cloud OTLP gateway, http/protobuf, basic auth from instance id and token',
    protocol: 'http/protobuf',
    variables: [
      plain('GRAFANA_INSTANCE_ID'),
      secret('GRAFANA_API_TOKEN'),
      plain('GRAFANA_ZONE'),
      plain('GRAFANA_OTLP_ENDPOINT'),
    ],
    required: [['GRAFANA_INSTANCE_ID'], ['GRAFANA_API_TOKEN']],
    resolve(get, protocol) {
      const id = get('GRAFANA_INSTANCE_ID');
      const token = get('GRAFANA_API_TOKEN');
      const basic = id && token && Buffer.from(`${id}:${token}`).toString('base64');
      const headers = defined({ authorization: basic && `Basic ${basic}` });
      if (protocol === 'grpc') return settings({ headers, warnings: [noGrpc('grafana')] });
      const endpoint = get('GRAFANA_OTLP_ENDPOINT');
      const zone = get('GRAFANA_ZONE');
      let base: string | undefined;
      let problem =
        'LAMBDA_OTEL_VENDOR=grafana needs GRAFANA_ZONE (e.g. prod-eu-west-2) or GRAFANA_OTLP_ENDPOINT';
      if (endpoint !== undefined) {
        base = vendorBase(endpoint);
        problem = 'GRAFANA_OTLP_ENDPOINT is not a URL; the value is ignored';
      } else if (zone !== undefined && /^[a-z0-9-]{1,63}$/i.test(zone)) {
        base = `https://otlp-gateway-${zone.toLowerCase()}.grafana.net/otlp`;
      } else if (zone !== undefined) {
        problem = 'GRAFANA_ZONE is not a zone such as prod-eu-west-2; the value is ignored';
      }
      if (base === undefined) return settings({ headers, warnings: [problem] });
      return settings({ url: tracesUrl(base, protocol), headers });
    },
  },
  {
    name: 'newrelic',
    description: 'New Relic otlp.nr-data.net (EU chosen from an eu01… license key)',
    variables: [secret('NEW_RELIC_LICENSE_KEY')],
    required: [['NEW_RELIC_LICENSE_KEY']],
    resolve(get, protocol) {
      const key = get('NEW_RELIC_LICENSE_KEY');
      const region = key === undefined ? undefined : /^(eu\d\d)x/i.exec(key)?.[1]?.toLowerCase();
      const host = region === undefined ? 'otlp.nr-data.net' : `otlp.${region}.nr-data.net`;
      const url =
        protocol === 'grpc' ? `https://${host}:4317` : tracesUrl(`https://${host}`, protocol);
      return settings({ url, headers: defined({ 'api-key': key }) });
    },
  },
  {
    name: 'collector',
    description: 'An OpenTelemetry Collector or ADOT extension on localhost (the defaults)',
    variables: [],
    required: [],
    resolve: () => settings({}),
  },
];

/** Names of all presets, in table order. */
export const VENDOR_PRESET_NAMES: readonly VendorPreset[] = /* @__PURE__ */ VENDOR_PRESETS.map(
  (preset) => preset.name,
);
