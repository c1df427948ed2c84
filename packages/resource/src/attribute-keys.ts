/**
 * The resource attribute keys this package sets, as its own constants.
 *
 * The cloud, FaaS, host and process keys are still "Development" in the semantic conventions, so
 * they are spelled out here instead of being imported from the incubating entry point.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/resource/faas/
 * @see https://opentelemetry.io/docs/specs/semconv/resource/cloud/
 *
 * @example
 * ```ts
 * import { RESOURCE_ATTR } from '@lambda-otel-kit/resource';
 *
 * resource.attributes[RESOURCE_ATTR.FAAS_MAX_MEMORY]; // 536870912 for a 512 MiB function
 * ```
 */
export const RESOURCE_ATTR = {
  SERVICE_NAME: 'service.name',
  SERVICE_VERSION: 'service.version',
  TELEMETRY_SDK_NAME: 'telemetry.sdk.name',
  TELEMETRY_SDK_LANGUAGE: 'telemetry.sdk.language',
  TELEMETRY_SDK_VERSION: 'telemetry.sdk.version',
  CLOUD_PROVIDER: 'cloud.provider',
  CLOUD_PLATFORM: 'cloud.platform',
  CLOUD_REGION: 'cloud.region',
  FAAS_NAME: 'faas.name',
  FAAS_VERSION: 'faas.version',
  FAAS_INSTANCE: 'faas.instance',
  FAAS_MAX_MEMORY: 'faas.max_memory',
  AWS_LOG_GROUP_NAMES: 'aws.log.group.names',
  HOST_ARCH: 'host.arch',
  PROCESS_RUNTIME_NAME: 'process.runtime.name',
  PROCESS_RUNTIME_VERSION: 'process.runtime.version',
  PROCESS_RUNTIME_DESCRIPTION: 'process.runtime.description',
} as const;
