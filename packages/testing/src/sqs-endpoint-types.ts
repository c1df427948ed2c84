import type { IncomingHttpHeaders } from 'node:http';

/** A message attribute as the SQS API carries it (`SendMessage` shape; binary values base64). */
export interface SqsWireAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

/** The SQS action a request named in `X-Amz-Target`. */
export type SqsAction = 'SendMessage' | 'SendMessageBatch';

/** One message the endpoint accepted, as the producer sent it. */
export interface SentSqsMessage {
  /** The id the endpoint answered with (a UUID, as SQS gives). */
  messageId: string;
  /** The `QueueUrl` of the request. */
  queueUrl: string;
  body: string;
  /** `MessageAttributes` as sent (`{}` when none). */
  messageAttributes: Record<string, SqsWireAttribute>;
  /** `MessageSystemAttributes` as sent, e.g. `AWSTraceHeader` (`{}` when none). */
  messageSystemAttributes: Record<string, SqsWireAttribute>;
  messageGroupId?: string;
  messageDeduplicationId?: string;
  delaySeconds?: number;
  /** Epoch milliseconds at which the endpoint accepted it. */
  sentTimestamp: number;
  /** The request that carried it. */
  action: SqsAction;
  /** The entry's `Id` within a `SendMessageBatch`. */
  entryId?: string;
}

/** One HTTP request as it arrived, whatever its action. */
export interface ReceivedSqsRequest {
  /** `X-Amz-Target` without the `AmazonSQS.` prefix, e.g. `SendMessage`. */
  action: string;
  headers: IncomingHttpHeaders;
  /** The decoded JSON body (`{}` when empty). */
  body: Record<string, unknown>;
}

/**
 * How the endpoint misbehaves, on purpose:
 * - `'none'`: every send succeeds;
 * - `error`: every request answers this error (default HTTP 500 `InternalError`, which the SDK
 *   retries; a 400 such as `QueueDoesNotExist` it does not), no message is kept;
 * - `fail-entries`: `SendMessageBatch` lists the entries with these `Id`s under `Failed`
 *   (HTTP 200, a partial failure) and keeps the others.
 */
export type SqsFault =
  | 'none'
  | { kind: 'error'; status?: number; code?: string; message?: string }
  | { kind: 'fail-entries'; ids: readonly string[] };

/** Options of `startSqsEndpoint`. */
export interface SqsEndpointOptions {
  /** Address to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port; default 0 (an ephemeral one). */
  port?: number;
}

/** A running SQS endpoint stand-in. */
export interface SqsEndpoint {
  /** `http://host:port`: the SDK's `endpoint`, or `AWS_ENDPOINT_URL_SQS`. */
  readonly url: string;
  /** Every message accepted, in order. */
  readonly messages: readonly SentSqsMessage[];
  /** Every request received, in order, including failed and unknown ones. */
  readonly requests: readonly ReceivedSqsRequest[];
  /**
   * A queue URL on this endpoint, `<url>/<accountId>/<name>`. The SDK sends to the host of the
   * `QueueUrl` it is given, so a local run needs a queue URL like this one.
   * @param name - queue name; default `orders`.
   * @param accountId - default `123456789012`.
   */
  queueUrl(name?: string, accountId?: string): string;
  /** Sets the fault for the next requests (`'none'` to stop). */
  setFault(fault: SqsFault): void;
  /** Forgets the messages and requests received so far. */
  clear(): void;
  /** Stops listening. Idempotent. */
  close(): Promise<void>;
}
