import { VENDOR_PRESETS } from './presets.js';
import type { ConfigVariable } from './types.js';

const plain = (name: string): ConfigVariable => ({ name, secret: false });

/** Standard `OTEL_*` variables the reader honours. */
const OTEL_VARIABLES: readonly ConfigVariable[] = [
  plain('OTEL_SDK_DISABLED'),
  plain('OTEL_SERVICE_NAME'),
  plain('OTEL_RESOURCE_ATTRIBUTES'),
  plain('OTEL_PROPAGATORS'),
  plain('OTEL_TRACES_SAMPLER'),
  plain('OTEL_TRACES_SAMPLER_ARG'),
  plain('OTEL_EXPORTER_OTLP_ENDPOINT'),
  plain('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
  { name: 'OTEL_EXPORTER_OTLP_HEADERS', secret: true },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', secret: true },
  plain('OTEL_EXPORTER_OTLP_PROTOCOL'),
  plain('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'),
  plain('OTEL_EXPORTER_OTLP_TIMEOUT'),
  plain('OTEL_EXPORTER_OTLP_TRACES_TIMEOUT'),
  plain('OTEL_EXPORTER_OTLP_COMPRESSION'),
  plain('OTEL_EXPORTER_OTLP_TRACES_COMPRESSION'),
  plain('OTEL_ATTRIBUTE_COUNT_LIMIT'),
  plain('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT'),
  plain('OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT'),
  plain('OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT'),
  plain('OTEL_SPAN_EVENT_COUNT_LIMIT'),
  plain('OTEL_SPAN_LINK_COUNT_LIMIT'),
  plain('OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT'),
  plain('OTEL_LINK_ATTRIBUTE_COUNT_LIMIT'),
  plain('OTEL_BSP_SCHEDULE_DELAY'),
  plain('OTEL_BSP_EXPORT_TIMEOUT'),
  plain('OTEL_BSP_MAX_QUEUE_SIZE'),
  plain('OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
];

/** The kit's own variables. */
const KIT_VARIABLES: readonly ConfigVariable[] = [
  plain('LAMBDA_OTEL_VENDOR'),
  plain('LAMBDA_OTEL_FLUSH_CAP_MS'),
  plain('LAMBDA_OTEL_FLUSH_MARGIN_MS'),
  plain('LAMBDA_OTEL_FLUSH_FAILING_CAP_MS'),
  plain('LAMBDA_OTEL_RECORD_CONTEXT_ORDER'),
  plain('LAMBDA_OTEL_RECORD_PARENTING'),
];

function presetVariables(): ConfigVariable[] {
  const byName = new Map<string, ConfigVariable>();
  for (const preset of VENDOR_PRESETS) {
    for (const variable of preset.variables) byName.set(variable.name, variable);
  }
  return [...byName.values()];
}

/**
 * Every variable {@link readConfig} may read: `OTEL_*`, the kit's `LAMBDA_OTEL_*`, then the
 * vendor variables the presets use. `secret` marks values that must never be printed; the
 * doctor and the CLI mask them. `docs/environment-variables.md` lists the same names (a test
 * keeps the two in step).
 *
 * @example
 * ```ts
 * CONFIG_VARIABLES.filter((variable) => variable.secret).map((variable) => variable.name);
 * // ['OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'CX_TOKEN', …]
 * ```
 */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  ...OTEL_VARIABLES,
  ...KIT_VARIABLES,
  .../* @__PURE__ */ presetVariables(),
];
