/**
 * @packageDocumentation
 * Trace-context propagators and carriers for Lambda: W3C, Datadog (128-bit), X-Ray, B3,
 * SQS/SNS/EventBridge/ClientContext, one extraction chain.
 */
export { clientContextGetter } from './client-context-carrier.js';
export {
  createCompositePropagator,
  createPropagator,
  KitCompositePropagator,
} from './composite-propagator.js';
export {
  getOtherUpstreamContexts,
  isSamplingDeferred,
  isSyntheticParent,
} from './context-hints.js';
export { DATADOG_HEADERS, formatDatadogHeaders, parseDatadogHeaders } from './datadog-headers.js';
export { decimalToHex16, hex16ToDecimal } from './datadog-ids.js';
export { DATADOG_ATTRIBUTE, parseDatadogJson } from './datadog-json-carrier.js';
export {
  DatadogPropagator,
  datadogToSpanContext,
  spanContextToDatadog,
} from './datadog-propagator.js';
export {
  DATADOG_TAGS_MAX_LENGTH,
  formatDatadogTags,
  isValidDatadogTag,
  parseDatadogTags,
  TRACE_ID_HIGH_TAG,
} from './datadog-tags.js';
export type { DatadogTraceStateFields } from './datadog-trace-state.js';
export {
  DATADOG_TRACESTATE_KEY,
  decodeDatadogTraceState,
  encodeDatadogTraceState,
} from './datadog-trace-state.js';
export type { EventBridgeEventLike, SnsNotificationLike } from './envelopes.js';
export { parseEventBridgeEnvelope, parseSnsEnvelope } from './envelopes.js';
export { extractEventContext } from './event-context.js';
export type { HttpHeaders, LambdaHttpEventLike } from './http-headers-carrier.js';
export {
  httpHeadersGetter,
  httpHeadersSetter,
  lambdaHttpEventGetter,
} from './http-headers-carrier.js';
export { MAX_MESSAGE_ATTRIBUTES } from './message-attribute-plan.js';
export {
  injectIntoPublish,
  injectIntoSendMessage,
  injectIntoSendMessageBatch,
} from './message-injection.js';
export type { ObjectCarrier } from './object-carrier.js';
export { objectGetter, objectSetter } from './object-carrier.js';
export { DEFAULT_RECORD_CONTEXT_ORDER, extractRecordContext } from './record-context.js';
export { sdkMessageAttributesSetter } from './sdk-message-attributes-carrier.js';
export type { SqsRecordMessageAttribute } from './sqs-record-carrier.js';
export {
  AWS_TRACE_HEADER,
  messageAttributesGetter,
  messageAttributeText,
  sqsSystemAttributesGetter,
} from './sqs-record-carrier.js';
export {
  TRACEPARENT_HEADER,
  TRACESTATE_HEADER,
  TraceContextPropagator,
} from './trace-context-propagator.js';
export {
  isValidTracestateKey,
  isValidTracestateValue,
  KitTraceState,
  parseTracestate,
  TRACESTATE_MAX_MEMBERS,
} from './trace-state.js';
export { formatTraceparent, parseTraceparent, RANDOM_TRACE_ID_FLAG } from './traceparent.js';
export type {
  DatadogContext,
  EventContextOptions,
  EventContextSource,
  ExtractedContext,
  InjectionOutcome,
  InjectMessageOptions,
  PropagatorName,
  PublishLike,
  RecordContextOptions,
  RecordContextSource,
  SdkMessageAttributeValue,
  SendMessageBatchLike,
  SendMessageLike,
  XRayHeader,
} from './types.js';
export { formatXRayHeader, parseXRayHeader } from './xray-header.js';
export { LAMBDA_TRACE_ENV, XRayLambdaPropagator } from './xray-lambda-propagator.js';
export type { XRayPropagatorOptions } from './xray-propagator.js';
export { XRAY_HEADER, XRayPropagator } from './xray-propagator.js';
