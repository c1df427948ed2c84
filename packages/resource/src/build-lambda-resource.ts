import type { EnvMap } from '@lambda-otel-kit/core';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { lambdaResourceAttributes } from './lambda-resource-attributes.js';
import type { LambdaResourceOptions, ResourceConfig } from './types.js';

/**
 * Builds the OpenTelemetry `Resource` of a Lambda function, for a tracer provider.
 *
 * The attributes are those of {@link lambdaResourceAttributes}: detected Lambda and process
 * attributes under the configured resource attributes, `service.name` resolved by the spec's
 * order. `initTelemetry` from `@lambda-otel-kit/lambda` calls this once at init.
 *
 * @param config - configuration already read (a `KitConfig` fits); read from `env` when omitted.
 * @param env - the environment to read; defaults to `process.env`.
 * @param options - the other options of {@link lambdaResourceAttributes} (`serviceVersion`, …).
 * @returns a resource with synchronous attributes only.
 * @see https://opentelemetry.io/docs/specs/otel/resource/sdk/
 *
 * @example
 * ```ts
 * import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
 *
 * const provider = new BasicTracerProvider({ resource: buildLambdaResource() });
 * ```
 */
export function buildLambdaResource(
  config?: ResourceConfig,
  env: EnvMap = process.env,
  options: Omit<LambdaResourceOptions, 'config'> = {},
): Resource {
  const attributes = lambdaResourceAttributes(env, { ...options, config });
  return resourceFromAttributes(attributes);
}
