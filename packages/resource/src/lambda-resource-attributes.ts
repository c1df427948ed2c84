import { basename } from 'node:path';
import { type EnvMap, readConfig, warnOnce } from '@lambda-otel-kit/core';
import type { Attributes } from '@opentelemetry/api';
import { defaultResource } from '@opentelemetry/resources';
import { RESOURCE_ATTR } from './attribute-keys.js';
import { hostArch } from './host-arch.js';
import { parseMemorySizeBytes } from './memory-size.js';
import type { LambdaResourceOptions } from './types.js';

const MEMORY_VARIABLE = 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE';

/** A variable's value with blanks trimmed; blank counts as unset. */
function nonBlank(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** `telemetry.sdk.*` exactly as the OpenTelemetry SDK's own default resource sets them. */
function telemetrySdkAttributes(): Attributes {
  const sdk = defaultResource().attributes;
  return {
    [RESOURCE_ATTR.TELEMETRY_SDK_LANGUAGE]: sdk[RESOURCE_ATTR.TELEMETRY_SDK_LANGUAGE],
    [RESOURCE_ATTR.TELEMETRY_SDK_NAME]: sdk[RESOURCE_ATTR.TELEMETRY_SDK_NAME],
    [RESOURCE_ATTR.TELEMETRY_SDK_VERSION]: sdk[RESOURCE_ATTR.TELEMETRY_SDK_VERSION],
  };
}

/** The spec's fallback service name: `unknown_service:` and the executable's name. */
function defaultServiceName(executableName: string | undefined): string {
  const name = nonBlank(executableName ?? basename(process.argv0 ?? ''));
  return name === undefined ? 'unknown_service' : `unknown_service:${name}`;
}

/** `faas.max_memory` in bytes; a set but unusable value is left out and reported once. */
function maxMemory(raw: string | undefined): number | undefined {
  const value = nonBlank(raw);
  if (value === undefined) return undefined;
  const bytes = parseMemorySizeBytes(value);
  if (bytes === undefined) {
    warnOnce(
      `resource:${MEMORY_VARIABLE}`,
      `${MEMORY_VARIABLE}=${JSON.stringify(value.slice(0, 32))} is not a positive whole number ` +
        'of MiB; faas.max_memory is left out of the resource',
    );
  }
  return bytes;
}

/** The defined entries of `source`, as own data properties (a `__proto__` key stays a key). */
function definedOnly(source: Attributes): Attributes {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined));
}

/**
 * Builds the resource attributes of a Node.js Lambda function from an environment map.
 *
 * Detected attributes come from the Lambda variables (`AWS_REGION`, `AWS_LAMBDA_FUNCTION_NAME`,
 * `_VERSION`, `_MEMORY_SIZE`, `AWS_LAMBDA_LOG_STREAM_NAME`, `AWS_LAMBDA_LOG_GROUP_NAME`) and the
 * running process; `AWS_EXECUTION_ENV` is never needed, so container images on plain Node.js bases
 * get the same resource as the managed runtime. The configured resource attributes
 * (`OTEL_RESOURCE_ATTRIBUTES`, with the vendor preset's under them) win over detected ones.
 * `service.name` is, first found: `OTEL_SERVICE_NAME`, `service.name` in the resource
 * attributes, the function name, `unknown_service:<executable>`. `service.version` is only set
 * when given (option or resource attributes): the function version is `faas.version`, not the
 * service's. `cloud.account.id` is not known at init and belongs to the invocation span.
 *
 * Never throws: an unusable memory size is left out and reported once through `diag`.
 *
 * @param env - the environment to read, usually `process.env`.
 * @param options - configuration already read, and overrides for the process facts.
 * @returns the attributes, ready for `resourceFromAttributes`.
 * @see https://opentelemetry.io/docs/specs/semconv/resource/faas/
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#general-sdk-configuration
 *
 * @example
 * ```ts
 * const attributes = lambdaResourceAttributes(process.env);
 * attributes['faas.name']; // 'orders-consumer'
 * attributes['faas.max_memory']; // 536870912 when AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512
 * ```
 */
export function lambdaResourceAttributes(
  env: EnvMap,
  options: LambdaResourceOptions = {},
): Attributes {
  const config = options.config ?? readConfig(undefined, env);
  const functionName = nonBlank(env.AWS_LAMBDA_FUNCTION_NAME);
  const logGroup = nonBlank(env.AWS_LAMBDA_LOG_GROUP_NAME);

  const detected: Attributes = {
    ...telemetrySdkAttributes(),
    [RESOURCE_ATTR.CLOUD_PROVIDER]: 'aws',
    [RESOURCE_ATTR.CLOUD_PLATFORM]: 'aws_lambda',
    [RESOURCE_ATTR.CLOUD_REGION]: nonBlank(env.AWS_REGION) ?? nonBlank(env.AWS_DEFAULT_REGION),
    [RESOURCE_ATTR.FAAS_NAME]: functionName,
    [RESOURCE_ATTR.FAAS_VERSION]: nonBlank(env.AWS_LAMBDA_FUNCTION_VERSION),
    [RESOURCE_ATTR.FAAS_INSTANCE]: nonBlank(env.AWS_LAMBDA_LOG_STREAM_NAME),
    [RESOURCE_ATTR.FAAS_MAX_MEMORY]: maxMemory(env[MEMORY_VARIABLE]),
    [RESOURCE_ATTR.AWS_LOG_GROUP_NAMES]: logGroup === undefined ? undefined : [logGroup],
    [RESOURCE_ATTR.HOST_ARCH]: hostArch(options.arch ?? process.arch),
    [RESOURCE_ATTR.PROCESS_RUNTIME_NAME]: 'nodejs',
    [RESOURCE_ATTR.PROCESS_RUNTIME_VERSION]: nonBlank(options.nodeVersion ?? process.versions.node),
    [RESOURCE_ATTR.PROCESS_RUNTIME_DESCRIPTION]: 'Node.js',
  };
  const attributes = definedOnly({ ...detected, ...config.resourceAttributes });

  const userServiceName = config.resourceAttributes[RESOURCE_ATTR.SERVICE_NAME];
  attributes[RESOURCE_ATTR.SERVICE_NAME] =
    nonBlank(config.serviceName) ??
    nonBlank(userServiceName) ??
    functionName ??
    defaultServiceName(options.executableName);
  const serviceVersion = nonBlank(options.serviceVersion);
  if (serviceVersion !== undefined) attributes[RESOURCE_ATTR.SERVICE_VERSION] = serviceVersion;
  return attributes;
}
