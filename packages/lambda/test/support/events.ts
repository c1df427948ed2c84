// Event factories of @lambda-otel-kit/testing, gathered in one place for these tests.
export { albEvent } from '../../../testing/src/events/alb.js';
export { apiGatewayV1Event } from '../../../testing/src/events/api-gateway-v1.js';
export { apiGatewayV2Event } from '../../../testing/src/events/api-gateway-v2.js';
export { clientContext } from '../../../testing/src/events/client-context.js';
export { dynamoDbStreamEvent } from '../../../testing/src/events/dynamodb-stream.js';
export { eventBridgeEvent } from '../../../testing/src/events/eventbridge.js';
export { functionUrlEvent } from '../../../testing/src/events/function-url.js';
export { kinesisStreamEvent } from '../../../testing/src/events/kinesis-stream.js';
export { s3Event } from '../../../testing/src/events/s3.js';
export { scheduledEvent } from '../../../testing/src/events/schedule.js';
export { snsEvent } from '../../../testing/src/events/sns.js';
export { snsToSqsRecord } from '../../../testing/src/events/sns-to-sqs.js';
export { sqsEvent } from '../../../testing/src/events/sqs.js';
export {
  datadogHeaders,
  traceparent,
  upstreamContext,
  xrayTraceHeader,
} from '../../../testing/src/events/trace-headers.js';
