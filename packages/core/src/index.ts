/**
 * @packageDocumentation
 * The kit's one configuration reader, span names, attribute constants, error type and diag helpers.
 */
export { readConfig } from './config.js';
export { ATTR, ATTR_VALUES, SPAN_NAMES } from './constants.js';
export { redactHeaders, redactUrl, resetWarnOnce, warnOnce } from './diag.js';
export { defaultTracesUrl, parseEndpoint, tracesUrl } from './endpoint.js';
export { KitError } from './errors.js';
export {
  isHeaderName,
  isHeaderValue,
  parseOtlpHeaders,
  parseResourceAttributes,
} from './key-value.js';
export { RECORD_CONTEXT_SOURCES, RECORD_PARENTINGS } from './kit-settings.js';
export { CORE_PACKAGE } from './options.js';
export { OTLP_COMPRESSIONS, OTLP_PROTOCOLS } from './otlp.js';
export { VENDOR_PRESET_NAMES, VENDOR_PRESETS } from './presets.js';
export { PROPAGATOR_NAMES, SAMPLER_NAMES } from './sdk-settings.js';
export type {
  BspConfig,
  ConfigVariable,
  EnvMap,
  FlushConfig,
  KitConfig,
  KitConfigOptions,
  KitErrorOptions,
  OtlpCompression,
  OtlpConfig,
  OtlpProtocol,
  ParsedHeaders,
  PresetGetter,
  PresetSettings,
  PropagatorName,
  RecordContextSource,
  RecordParenting,
  SamplerConfig,
  SamplerName,
  SpanLimitsConfig,
  VendorPreset,
  VendorPresetSpec,
} from './types.js';
export { CONFIG_VARIABLES } from './variables.js';
