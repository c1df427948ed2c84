/**
 * Span names and attribute keys the kit emits. The FaaS, cloud and messaging conventions are
 * still "Development" in OpenTelemetry, so the kit keeps its own copies instead of importing
 * `@opentelemetry/semantic-conventions/incubating`: a rename upstream never changes what the
 * kit emits without a deliberate change here.
 *
 * Sources: open-telemetry/semantic-conventions `docs/faas/aws-lambda.md`, `docs/faas/faas-spans.md`,
 * `docs/messaging/messaging-spans.md`, `docs/messaging/sqs.md`, `docs/http/http-spans.md`.
 */

/**
 * Names of the spans the kit starts.
 *
 * @example
 * ```ts
 * tracer.startSpan(SPAN_NAMES.invoke, { kind: SpanKind.SERVER });
 * ```
 */
export const SPAN_NAMES = {
  /** One per invocation, kind SERVER. */
  invoke: 'lambda.invoke',
  /** One per SQS record, kind CONSUMER. */
  sqsProcess: 'sqs.process',
  /** One per SQS batch, kind CONSUMER, linking every record. */
  sqsBatch: 'sqs.batch',
} as const;

/**
 * Attribute keys the kit writes on spans and resources. Keys under `lambda_otel.` are the kit's
 * own, for facts no convention covers.
 *
 * @example
 * ```ts
 * span.setAttribute(ATTR.FAAS_COLDSTART, true);
 * ```
 */
export const ATTR = {
  // FaaS (invocation span and resource)
  FAAS_TRIGGER: 'faas.trigger',
  FAAS_INVOCATION_ID: 'faas.invocation_id',
  FAAS_COLDSTART: 'faas.coldstart',
  FAAS_NAME: 'faas.name',
  FAAS_VERSION: 'faas.version',
  /** The log stream name. */
  FAAS_INSTANCE: 'faas.instance',
  /** In bytes (MiB × 1,048,576). */
  FAAS_MAX_MEMORY: 'faas.max_memory',
  AWS_LAMBDA_INVOKED_ARN: 'aws.lambda.invoked_arn',
  // Cloud
  CLOUD_PROVIDER: 'cloud.provider',
  CLOUD_PLATFORM: 'cloud.platform',
  CLOUD_REGION: 'cloud.region',
  /** The 5th field of the function ARN. */
  CLOUD_ACCOUNT_ID: 'cloud.account.id',
  /** The function ARN with the alias resolved. */
  CLOUD_RESOURCE_ID: 'cloud.resource_id',
  // Service, host, process (resource)
  SERVICE_NAME: 'service.name',
  SERVICE_VERSION: 'service.version',
  HOST_ARCH: 'host.arch',
  PROCESS_RUNTIME_NAME: 'process.runtime.name',
  PROCESS_RUNTIME_VERSION: 'process.runtime.version',
  PROCESS_RUNTIME_DESCRIPTION: 'process.runtime.description',
  // Messaging (SQS)
  /** `aws_sqs` for SQS (see {@link ATTR_VALUES}). */
  MESSAGING_SYSTEM: 'messaging.system',
  MESSAGING_OPERATION_TYPE: 'messaging.operation.type',
  MESSAGING_OPERATION_NAME: 'messaging.operation.name',
  /** The queue name. */
  MESSAGING_DESTINATION_NAME: 'messaging.destination.name',
  /** On single-message spans only. */
  MESSAGING_MESSAGE_ID: 'messaging.message.id',
  /** On batch spans only. */
  MESSAGING_BATCH_MESSAGE_COUNT: 'messaging.batch.message_count',
  // HTTP (invocation span for HTTP triggers)
  HTTP_REQUEST_METHOD: 'http.request.method',
  HTTP_ROUTE: 'http.route',
  HTTP_RESPONSE_STATUS_CODE: 'http.response.status_code',
  URL_PATH: 'url.path',
  URL_QUERY: 'url.query',
  URL_SCHEME: 'url.scheme',
  SERVER_ADDRESS: 'server.address',
  CLIENT_ADDRESS: 'client.address',
  USER_AGENT_ORIGINAL: 'user_agent.original',
  ERROR_TYPE: 'error.type',
  // Vendor resource attributes filled by presets
  CX_APPLICATION_NAME: 'cx.application.name',
  CX_SUBSYSTEM_NAME: 'cx.subsystem.name',
  // The kit's own keys
  /** Which carrier the span's upstream context came from: a {@link RecordContextSource}, `http-headers`, `client-context`, … */
  KIT_CONTEXT_SOURCE: 'lambda_otel.context.source',
  /** On `sqs.batch`: how many records failed (are in `batchItemFailures`). */
  KIT_FAILED_RECORD_COUNT: 'lambda_otel.batch.failed_count',
  /** True on spans the flush guard ended because the invocation deadline came. */
  KIT_TIMED_OUT: 'lambda_otel.timed_out',
  /** FIFO message group of an SQS record (no convention key exists for SQS). */
  KIT_SQS_MESSAGE_GROUP_ID: 'lambda_otel.sqs.message_group_id',
  /** On `sqs.process`: `success`, `failure`, or `skipped` (FIFO records left unprocessed after a failure). */
  KIT_RECORD_OUTCOME: 'lambda_otel.record.outcome',
} as const;

/**
 * Enumerated attribute values the kit writes.
 *
 * @example
 * ```ts
 * span.setAttribute(ATTR.MESSAGING_SYSTEM, ATTR_VALUES.MESSAGING_SYSTEM_AWS_SQS);
 * ```
 */
export const ATTR_VALUES = {
  CLOUD_PROVIDER_AWS: 'aws',
  CLOUD_PLATFORM_AWS_LAMBDA: 'aws_lambda',
  FAAS_TRIGGER_DATASOURCE: 'datasource',
  FAAS_TRIGGER_HTTP: 'http',
  FAAS_TRIGGER_PUBSUB: 'pubsub',
  FAAS_TRIGGER_TIMER: 'timer',
  FAAS_TRIGGER_OTHER: 'other',
  /** `AmazonSQS` before semantic conventions 1.26. */
  MESSAGING_SYSTEM_AWS_SQS: 'aws_sqs',
  MESSAGING_OPERATION_TYPE_PROCESS: 'process',
  RECORD_OUTCOME_SUCCESS: 'success',
  RECORD_OUTCOME_FAILURE: 'failure',
  RECORD_OUTCOME_SKIPPED: 'skipped',
} as const;
