/**
 * @packageDocumentation
 * The Lambda OpenTelemetry Resource: service, cloud, faas, host and process attributes merged
 * with OTEL_RESOURCE_ATTRIBUTES, also as a ResourceDetector.
 */
export { RESOURCE_ATTR } from './attribute-keys.js';
export { buildLambdaResource } from './build-lambda-resource.js';
export { hostArch } from './host-arch.js';
export { lambdaResourceAttributes } from './lambda-resource-attributes.js';
export { lambdaResourceDetector } from './lambda-resource-detector.js';
export { parseMemorySizeBytes } from './memory-size.js';
export type { LambdaResourceOptions, ResourceConfig } from './types.js';
