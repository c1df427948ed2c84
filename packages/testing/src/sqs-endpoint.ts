import { createHash, randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { md5OfMessageAttributes } from './events/sqs-attributes.js';
import { lambdaMessageAttributes } from './events/sqs-delivery.js';
import type {
  ReceivedSqsRequest,
  SentSqsMessage,
  SqsAction,
  SqsEndpoint,
  SqsEndpointOptions,
  SqsFault,
  SqsWireAttribute,
} from './sqs-endpoint-types.js';

/** SQS's limits that a producer must respect. */
const MAX_ATTRIBUTES = 10;
const MAX_BATCH_ENTRIES = 10;
const JSON_10 = 'application/x-amz-json-1.0';

/** One message of a `SendMessage` request or a `SendMessageBatch` entry, as sent. */
interface WireMessage {
  Id?: string;
  MessageBody?: string;
  MessageAttributes?: Record<string, SqsWireAttribute>;
  MessageSystemAttributes?: Record<string, SqsWireAttribute>;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
  DelaySeconds?: number;
}

/** An SQS error: its `__type` code, HTTP status and message. */
interface SqsError {
  code: string;
  status: number;
  message: string;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function tooManyAttributes(message: WireMessage): SqsError | undefined {
  const count = Object.keys(message.MessageAttributes ?? {}).length;
  return count > MAX_ATTRIBUTES
    ? {
        code: 'InvalidParameterValue',
        status: 400,
        message: `Number of message attributes [${count}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`,
      }
    : undefined;
}

function accept(
  message: WireMessage,
  queueUrl: string,
  action: SqsAction,
): { sent: SentSqsMessage; answer: Record<string, unknown> } {
  const body = message.MessageBody ?? '';
  const sent: SentSqsMessage = {
    messageId: randomUUID(),
    queueUrl,
    body,
    messageAttributes: { ...message.MessageAttributes },
    messageSystemAttributes: { ...message.MessageSystemAttributes },
    sentTimestamp: Date.now(),
    action,
    ...(message.Id !== undefined ? { entryId: message.Id } : {}),
    ...(message.MessageGroupId !== undefined ? { messageGroupId: message.MessageGroupId } : {}),
    ...(message.MessageDeduplicationId !== undefined
      ? { messageDeduplicationId: message.MessageDeduplicationId }
      : {}),
    ...(message.DelaySeconds !== undefined ? { delaySeconds: message.DelaySeconds } : {}),
  };
  const answer: Record<string, unknown> = {
    MessageId: sent.messageId,
    MD5OfMessageBody: md5(body),
  };
  const attributesMd5 = md5OfMessageAttributes(lambdaMessageAttributes(sent.messageAttributes));
  if (attributesMd5 !== undefined) answer.MD5OfMessageAttributes = attributesMd5;
  const systemMd5 = md5OfMessageAttributes(lambdaMessageAttributes(sent.messageSystemAttributes));
  if (systemMd5 !== undefined) answer.MD5OfMessageSystemAttributes = systemMd5;
  return { sent, answer };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': JSON_10 });
  res.end(JSON.stringify(body));
}

/** An error as AWS JSON 1.0 answers it: the SDK names the error after `__type`. */
const replyError = (res: ServerResponse, error: SqsError) =>
  reply(res, error.status, { __type: `com.amazonaws.sqs#${error.code}`, message: error.message });

/**
 * Starts a stand-in for the SQS endpoint on loopback: an HTTP server speaking the SQS JSON
 * protocol (AWS JSON 1.0, what `@aws-sdk/client-sqs` v3 uses) for `SendMessage` and
 * `SendMessageBatch`. It keeps every message as sent (attributes, system attributes, FIFO
 * fields), answers with message ids and the MD5 digests the SDK checks, enforces SQS's limits
 * (10 message attributes per message, 10 entries per batch) and can fail on purpose. Other
 * actions answer `InvalidAction`. Turn what it received into the event a consumer gets with
 * `sqsEventFromMessages(endpoint.messages)`.
 *
 * Point the SDK at it with `endpoint: sqs.url` (or `AWS_ENDPOINT_URL_SQS`) and use a queue URL
 * on it (`sqs.queueUrl('orders')`): the SDK sends to the host of the `QueueUrl` it is given.
 * No credentials are checked; the SDK still needs some (any) to sign.
 *
 * @param options - host and port; default `127.0.0.1` and an ephemeral port.
 * @returns the running endpoint; `close()` it.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 * @example
 * ```ts
 * const sqs = await startSqsEndpoint();
 * const client = new SQSClient({ endpoint: sqs.url, region: 'us-east-1', credentials });
 * await client.send(new SendMessageCommand({ QueueUrl: sqs.queueUrl('orders'), MessageBody: 'hi' }));
 * sqs.messages[0]?.body; // 'hi'
 * await sqs.close();
 * ```
 */
export async function startSqsEndpoint(options: SqsEndpointOptions = {}): Promise<SqsEndpoint> {
  const messages: SentSqsMessage[] = [];
  const requests: ReceivedSqsRequest[] = [];
  let fault: SqsFault = 'none';

  const handle = (action: string, body: Record<string, unknown>, res: ServerResponse): void => {
    if (fault !== 'none' && fault.kind === 'error') {
      const status = fault.status ?? 500;
      const code = fault.code ?? 'InternalError';
      replyError(res, { status, code, message: fault.message ?? `${code} (injected)` });
      return;
    }
    const queueUrl = String(body.QueueUrl ?? '');
    if (action === 'SendMessage') {
      const message = body as WireMessage;
      const error = tooManyAttributes(message);
      if (error) {
        replyError(res, error);
        return;
      }
      const { sent, answer } = accept(message, queueUrl, 'SendMessage');
      messages.push(sent);
      reply(res, 200, answer);
      return;
    }
    if (action === 'SendMessageBatch') {
      const entries = Array.isArray(body.Entries) ? (body.Entries as WireMessage[]) : [];
      if (entries.length === 0 || entries.length > MAX_BATCH_ENTRIES) {
        const code = entries.length === 0 ? 'EmptyBatchRequest' : 'TooManyEntriesInBatchRequest';
        replyError(res, { code, status: 400, message: `${entries.length} entries` });
        return;
      }
      const failIds = new Set(fault !== 'none' && fault.kind === 'fail-entries' ? fault.ids : []);
      const successful: Record<string, unknown>[] = [];
      const failed: Record<string, unknown>[] = [];
      for (const entry of entries) {
        const error = tooManyAttributes(entry);
        if (error || failIds.has(String(entry.Id))) {
          failed.push({
            Id: entry.Id,
            Code: error?.code ?? 'InternalError',
            SenderFault: error !== undefined,
            Message: error?.message ?? 'failed (injected)',
          });
          continue;
        }
        const { sent, answer } = accept(entry, queueUrl, 'SendMessageBatch');
        messages.push(sent);
        successful.push({ Id: entry.Id, ...answer });
      }
      reply(res, 200, { Successful: successful, Failed: failed });
      return;
    }
    replyError(res, { code: 'InvalidAction', status: 400, message: `${action} is not served` });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const action = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        body = {};
      }
      requests.push({ action, headers: req.headers, body });
      handle(action, body, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    messages,
    requests,
    queueUrl: (name = 'orders', accountId = '123456789012') => `${url}/${accountId}/${name}`,
    setFault(next) {
      fault = next;
    },
    clear() {
      messages.length = 0;
      requests.length = 0;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
