import { type EnvMap, readConfig } from '@lambda-otel-kit/core';

/**
 * Whether the kit's configuration names a Datadog preset (`LAMBDA_OTEL_VENDOR=datadog` or
 * `datadog-agentless`). Reads the configuration when called, never at import; a configuration
 * that cannot be read counts as "no".
 *
 * @param env - The environment to read, `process.env` by default.
 * @example
 * ```ts
 * datadogPresetInUse({ LAMBDA_OTEL_VENDOR: 'datadog' }); // true
 * ```
 */
export function datadogPresetInUse(env: EnvMap = process.env): boolean {
  try {
    const vendor = readConfig({}, env).vendor;
    return vendor === 'datadog' || vendor === 'datadog-agentless';
  } catch {
    return false;
  }
}

/**
 * The Datadog setting of a logger integration: the explicit option, else the preset check.
 *
 * @param datadog - The caller's option.
 * @param env - The environment to read when the option is left out.
 * @example
 * ```ts
 * resolveDatadog(undefined); // true when LAMBDA_OTEL_VENDOR=datadog
 * ```
 */
export function resolveDatadog(datadog: boolean | undefined, env: EnvMap = process.env): boolean {
  return datadog ?? datadogPresetInUse(env);
}
