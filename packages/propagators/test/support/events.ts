/**
 * The event factories of `@lambda-otel-kit/testing`, read from its sources until the package
 * exports them; tests import them from here so that only this file changes then.
 */
export { apiGatewayV1Event } from '../../../testing/src/events/api-gateway-v1.js';
export { apiGatewayV2Event } from '../../../testing/src/events/api-gateway-v2.js';
export { clientContext } from '../../../testing/src/events/client-context.js';
export {
  eventBridgeEvent,
  eventBridgeToSqsRecord,
} from '../../../testing/src/events/eventbridge.js';
export { snsEvent, snsNotification, snsRecord } from '../../../testing/src/events/sns.js';
export { snsToSqsRecord } from '../../../testing/src/events/sns-to-sqs.js';
export { sqsRecord } from '../../../testing/src/events/sqs.js';
export { stringAttribute } from '../../../testing/src/events/sqs-attributes.js';
export {
  b3Headers,
  b3SingleHeader,
  datadogDecimalId,
  datadogHeaders,
  traceparent,
  upstreamContext,
  w3cHeaders,
  xrayTraceHeader,
} from '../../../testing/src/events/trace-headers.js';
