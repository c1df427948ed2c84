import type { DetectedResource, ResourceDetector } from '@opentelemetry/resources';
import { lambdaResourceAttributes } from './lambda-resource-attributes.js';

/**
 * The Lambda resource as an OpenTelemetry `ResourceDetector`, for SDK setups that assemble their
 * resource with `detectResources`.
 *
 * Each `detect()` reads `process.env` at that moment (never at import) and returns the attributes
 * of {@link lambdaResourceAttributes}, `OTEL_RESOURCE_ATTRIBUTES` included, so it needs no
 * `envDetector` beside it. The detection config argument is not used.
 *
 * @see https://opentelemetry.io/docs/specs/otel/resource/sdk/#detecting-resource-information-from-the-environment
 *
 * @example
 * ```ts
 * import { detectResources } from '@opentelemetry/resources';
 *
 * const resource = detectResources({ detectors: [lambdaResourceDetector] });
 * ```
 */
export const lambdaResourceDetector: ResourceDetector = {
  detect(): DetectedResource {
    return { attributes: lambdaResourceAttributes(process.env) };
  },
};
