/**
 * @packageDocumentation
 * Test harness for Lambda telemetry: OTLP receiver, Runtime API emulator driving the real runtime client, SQS endpoint stand-in, event factories, span-tree assertions and printer.
 */

export type { AlbEventOptions } from './events/alb.js';
export { albEvent } from './events/alb.js';
export type { ApiGatewayV1EventOptions } from './events/api-gateway-v1.js';
export { apiGatewayV1Event } from './events/api-gateway-v1.js';
export type { ApiGatewayV2EventOptions } from './events/api-gateway-v2.js';
export { apiGatewayV2Event } from './events/api-gateway-v2.js';
export type { ClientContextOptions } from './events/client-context.js';
export {
  clientContext,
  clientContextHeader,
  encodeClientContext,
} from './events/client-context.js';
export type { DynamoDbStreamRecordOptions } from './events/dynamodb-stream.js';
export {
  dynamoDbStreamEvent,
  dynamoDbStreamRecord,
  toAttributeValue,
} from './events/dynamodb-stream.js';
export type {
  EventBridgeEventOptions,
  EventBridgeTraceFields,
} from './events/eventbridge.js';
export { eventBridgeEvent, eventBridgeToSqsRecord } from './events/eventbridge.js';
export type { FunctionUrlEventOptions } from './events/function-url.js';
export { functionUrlEvent } from './events/function-url.js';
export type { HttpEventOptions } from './events/http-common.js';
export type { IdSource } from './events/ids.js';
export { idSource } from './events/ids.js';
export type { KinesisStreamRecordOptions } from './events/kinesis-stream.js';
export { kinesisStreamEvent, kinesisStreamRecord } from './events/kinesis-stream.js';
export type { S3RecordOptions } from './events/s3.js';
export { s3Event, s3Record } from './events/s3.js';
export type { ScheduledEventOptions } from './events/schedule.js';
export { scheduledEvent } from './events/schedule.js';
export type { SnsMessageOptions, SnsNotification } from './events/sns.js';
export { snsEvent, snsNotification, snsRecord } from './events/sns.js';
export type { SnsToSqsOptions, SnsToSqsUpstream } from './events/sns-to-sqs.js';
export { snsToSqsRecord } from './events/sns-to-sqs.js';
export type { SqsEventOptions, SqsRecordOptions } from './events/sqs.js';
export { sqsEvent, sqsRecord } from './events/sqs.js';
export type { SqsCarrier } from './events/sqs-attributes.js';
export {
  md5OfMessageAttributes,
  snsCarrier,
  sqsCarrier,
  stringAttribute,
} from './events/sqs-attributes.js';
export type { SqsDeliveryOptions } from './events/sqs-delivery.js';
export {
  lambdaMessageAttributes,
  queueArnOf,
  sqsEventFromMessages,
  sqsRecordFromMessage,
} from './events/sqs-delivery.js';
export type {
  DatadogHeaderOptions,
  XRayHeaderOptions,
} from './events/trace-headers.js';
export {
  b3Headers,
  b3SingleHeader,
  datadogDecimalId,
  datadogHeaders,
  traceparent,
  upstreamContext,
  upstreamHeaders,
  w3cHeaders,
  xrayTraceHeader,
} from './events/trace-headers.js';
export type {
  CommonEventOptions,
  EventBridgeUpstream,
  EventBridgeUpstreamKind,
  HeaderUpstream,
  HeaderUpstreamKind,
  SnsUpstream,
  SnsUpstreamKind,
  SqsUpstream,
  SqsUpstreamKind,
  Upstream,
  UpstreamContext,
} from './events/types.js';
export { invokeInProcess } from './invoke-in-process.js';
export { createLambdaContext } from './lambda-context.js';
export { getFreePort } from './otlp-free-port.js';
export { startOtlpReceiver } from './otlp-receiver.js';
export type {
  OtlpFault,
  OtlpProtocol,
  OtlpReceiver,
  OtlpReceiverOptions,
  ReceivedAttributes,
  ReceivedEvent,
  ReceivedLink,
  ReceivedRequest,
  ReceivedSpan,
  ReceivedSpanKindName,
  ReceivedValue,
  SpansListener,
  WaitForSpansOptions,
} from './otlp-types.js';
export { startRuntimeApiEmulator } from './runtime-api-emulator.js';
export { resolveRuntimeClientPath } from './runtime-client-path.js';
export { startLambdaRuntime } from './runtime-controller.js';
export type {
  DispatchedInvocation,
  InProcessHandler,
  InvocationOutcome,
  InvokeInProcessOptions,
  InvokeOptions,
  InvokeResult,
  LambdaContextOptions,
  LambdaError,
  LambdaRuntime,
  LambdaRuntimeOptions,
  QueuedInvocation,
  RuntimeApiEmulator,
  RuntimeApiEmulatorOptions,
  RuntimeApiListener,
} from './runtime-types.js';
export { buildSpanTrees } from './span-tree.js';
export type { ReadableSpanLike } from './span-tree-adapters.js';
export { fromReadableSpans } from './span-tree-adapters.js';
export type { TreeShapeOptions } from './span-tree-assert.js';
export { assertTreeShape, findSpan, findSpans, treeMismatches } from './span-tree-assert.js';
export type { DescribeTreeOptions } from './span-tree-describe.js';
export { describeTree } from './span-tree-describe.js';
export type { ShapeMatchOptions } from './span-tree-match.js';
export type {
  LinkShape,
  ResolvedLink,
  SpanForest,
  SpanKindName,
  SpanNode,
  SpanShape,
  SpanSource,
  StatusCodeName,
  TraceTree,
  TreeAttributes,
  TreeSpan,
  UnixNano,
  ValueMatcher,
} from './span-tree-types.js';
export type { WaterfallOptions } from './span-tree-waterfall.js';
export { renderWaterfall } from './span-tree-waterfall.js';
export { startSqsEndpoint } from './sqs-endpoint.js';
export type {
  ReceivedSqsRequest,
  SentSqsMessage,
  SqsAction,
  SqsEndpoint,
  SqsEndpointOptions,
  SqsFault,
  SqsWireAttribute,
} from './sqs-endpoint-types.js';
