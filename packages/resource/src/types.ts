import type { KitConfig } from '@lambda-otel-kit/core';

/**
 * The parts of the kit's configuration the resource is built from. A whole `KitConfig` (from
 * `readConfig()`) fits; `resourceAttributes` is expected percent-decoded, with the vendor preset's
 * attributes already merged under the user's own.
 */
export type ResourceConfig = Pick<KitConfig, 'serviceName' | 'resourceAttributes'>;

/** Options of {@link lambdaResourceAttributes}; every field is optional. */
export interface LambdaResourceOptions {
  /**
   * Configuration already read (e.g. by `initTelemetry`). Without it, the function reads the
   * configuration itself from the `env` it is given, with `readConfig(undefined, env)`.
   */
  config?: ResourceConfig;
  /** `service.version`, beating a `service.version` in `OTEL_RESOURCE_ATTRIBUTES`. */
  serviceVersion?: string;
  /** The Node.js architecture name; defaults to `process.arch`. */
  arch?: string;
  /** The Node.js version, without a leading `v`; defaults to `process.versions.node`. */
  nodeVersion?: string;
  /**
   * The executable the default service name is made from (`unknown_service:<name>`); defaults
   * to the base name of `process.argv0`.
   */
  executableName?: string;
}
