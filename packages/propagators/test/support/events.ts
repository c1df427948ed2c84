/** The event factories and header encoders of `@lambda-otel-kit/testing` the tests use. */
export {
  apiGatewayV1Event,
  apiGatewayV2Event,
  b3Headers,
  b3SingleHeader,
  clientContext,
  datadogHeaders,
  eventBridgeEvent,
  eventBridgeToSqsRecord,
  snsEvent,
  snsRecord,
  snsToSqsRecord,
  sqsRecord,
  stringAttribute,
  traceparent,
  upstreamContext,
  xrayTraceHeader,
} from '@lambda-otel-kit/testing';
