import { warnOnce } from './diag.js';
import { createEnvReader, type EnvReader, readEnum, warnInvalid } from './env-reader.js';
import { parseResourceAttributes } from './key-value.js';
import { readFlush, readRecordContextOrder, readRecordParenting } from './kit-settings.js';
import { assertOptions } from './options.js';
import { readOtlp, readProtocol } from './otlp.js';
import { VENDOR_PRESET_NAMES, VENDOR_PRESETS } from './presets.js';
import { readBsp, readPropagators, readSampler, readSpanLimits } from './sdk-settings.js';
import type {
  EnvMap,
  KitConfig,
  KitConfigOptions,
  OtlpProtocol,
  PresetSettings,
  VendorPresetSpec,
} from './types.js';

/** Runs a preset: warns once for each missing credential and each problem it reports. */
function applyPreset(
  preset: VendorPresetSpec,
  env: EnvReader,
  protocol: OtlpProtocol,
): PresetSettings {
  for (const group of preset.required) {
    if (group.every((name) => env.get(name) === undefined)) {
      const names = group.join(' or ');
      warnOnce(
        `LAMBDA_OTEL_VENDOR:${preset.name}:missing:${names}`,
        `LAMBDA_OTEL_VENDOR=${preset.name} expects ${names} to be set; exporting without it`,
      );
    }
  }
  const settings = preset.resolve((name) => env.get(name), protocol);
  for (const warning of settings.warnings) warnOnce(`LAMBDA_OTEL_VENDOR:${warning}`, warning);
  return settings;
}

function readSdkDisabled(env: EnvReader): boolean {
  const raw = env.get('OTEL_SDK_DISABLED');
  if (raw === undefined) return false;
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') warnInvalid('OTEL_SDK_DISABLED', 'true or false');
  return lower === 'true';
}

function readResourceAttributes(env: EnvReader): Record<string, string> {
  const raw = env.get('OTEL_RESOURCE_ATTRIBUTES');
  if (raw === undefined) return {};
  const attributes = parseResourceAttributes(raw);
  if (attributes === undefined) {
    warnOnce(
      'OTEL_RESOURCE_ATTRIBUTES:invalid',
      'OTEL_RESOURCE_ATTRIBUTES could not be decoded (an entry without key=value or a bad %-escape); the whole value is discarded',
    );
  }
  return attributes ?? {};
}

/**
 * Reads the kit's whole configuration, once, from explicit options and the environment.
 * Precedence: options > `OTEL_*` / `LAMBDA_OTEL_*` variables > vendor preset > defaults.
 * Variables are lenient: blank means unset, and an invalid value is warned once through `diag`
 * (naming the variable, never echoing a secret) and ignored. Invalid options throw a `KitError`.
 * Nothing is read at import; call this from an explicit init.
 *
 * Spec: opentelemetry-specification `configuration/sdk-environment-variables.md`,
 * `protocol/exporter.md`; every variable is listed in `docs/environment-variables.md`.
 *
 * @param options - explicit settings that beat every variable.
 * @param env - the environment to read, `process.env` by default.
 * @returns a complete, validated configuration.
 * @example
 * ```ts
 * const config = readConfig({ serviceName: 'orders' });
 * config.otlp.url; // 'http://localhost:4318/v1/traces' unless the environment says otherwise
 * ```
 */
export function readConfig(options: KitConfigOptions = {}, env: EnvMap = process.env): KitConfig {
  assertOptions(options);
  const reader = createEnvReader(env);
  const vendor = options.vendor ?? readEnum(reader, 'LAMBDA_OTEL_VENDOR', VENDOR_PRESET_NAMES);
  const preset = VENDOR_PRESETS.find((candidate) => candidate.name === vendor);
  const protocol = readProtocol(reader, options.otlp?.protocol, preset?.protocol);
  const presetSettings = preset && applyPreset(preset, reader, protocol);

  const resourceAttributes = {
    ...presetSettings?.resourceAttributes,
    ...readResourceAttributes(reader),
    ...options.resourceAttributes,
  };
  const attributeName = resourceAttributes['service.name']?.trim()
    ? resourceAttributes['service.name']
    : undefined;
  const serviceName = options.serviceName ?? reader.get('OTEL_SERVICE_NAME') ?? attributeName;
  if (serviceName !== undefined) resourceAttributes['service.name'] = serviceName;

  return {
    sdkDisabled: options.sdkDisabled ?? readSdkDisabled(reader),
    serviceName,
    resourceAttributes,
    propagators: readPropagators(reader, options.propagators),
    sampler: readSampler(reader, options.sampler),
    otlp: readOtlp(reader, options.otlp, protocol, presetSettings),
    spanLimits: readSpanLimits(reader, options.spanLimits),
    bsp: readBsp(reader, options.bsp),
    vendor,
    flush: readFlush(reader, options.flush),
    recordContextOrder: readRecordContextOrder(reader, options.recordContextOrder),
    recordParenting: readRecordParenting(reader, options.recordParenting),
  };
}
