import type { KitConfig } from '@lambda-otel-kit/core';
import type { InvokeResult, ReceivedRequest, ReceivedSpan } from '@lambda-otel-kit/testing';

/** Everything one local invocation left behind, for the diagnosis. */
export interface InvocationEvidence {
  /** The request id the invocation ran with (`faas.invocation_id`). */
  requestId: string;
  event: unknown;
  /** `context.clientContext` of a direct invoke. */
  clientContext?: unknown;
  /** The function's configuration, read from the environment it ran with. */
  config: KitConfig;
  result: InvokeResult;
  /** Every span the embedded receiver got. */
  spans: readonly ReceivedSpan[];
  /** Every export request the embedded receiver got. */
  requests: readonly ReceivedRequest[];
  /** Static check of the handler module: true when it calls a kit wrapper, undefined when unknown. */
  wrapped: boolean | undefined;
  /** What the function wrote to stdout and stderr (already masked). */
  output: string;
}

/** `lambda.invoke` of the invocation: the one with its request id, else any. */
export function invocationSpan(evidence: InvocationEvidence): ReceivedSpan | undefined {
  const invokes = evidence.spans.filter((span) => span.name === 'lambda.invoke');
  return (
    invokes.find((span) => span.attributes['faas.invocation_id'] === evidence.requestId) ??
    invokes[0]
  );
}

/** The records of an SQS event, or `undefined` for any other event. */
export function sqsRecords(event: unknown): Array<Record<string, unknown>> | undefined {
  const records = (event as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records) || records.length === 0) return undefined;
  const all = records.every(
    (record) => (record as { eventSource?: unknown } | null)?.eventSource === 'aws:sqs',
  );
  return all ? (records as Array<Record<string, unknown>>) : undefined;
}

/** A short, readable id: the first 8 characters and an ellipsis. */
export const shortId = (id: string): string => (id.length > 10 ? `${id.slice(0, 8)}…` : id);
