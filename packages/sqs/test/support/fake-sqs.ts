import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived on the wire. */
export interface WireRequest {
  target: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeSqs {
  endpoint: string;
  requests: WireRequest[];
  /** Entry ids the next SendMessageBatch answers as failed. */
  failEntries: Set<string>;
  close(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** An HTTP server on loopback that answers the SQS JSON protocol (AWS JSON 1.0) for SendMessage and SendMessageBatch. */
export async function startFakeSqs(): Promise<FakeSqs> {
  const requests: WireRequest[] = [];
  const failEntries = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      requests.push({ target, headers: req.headers, body });
      let answer: unknown;
      if (target === 'AmazonSQS.SendMessage') {
        answer = { MessageId: randomUUID(), MD5OfMessageBody: md5(body.MessageBody) };
      } else if (target === 'AmazonSQS.SendMessageBatch') {
        const entries = body.Entries as Array<{ Id: string; MessageBody: string }>;
        answer = {
          Successful: entries
            .filter((e) => !failEntries.has(e.Id))
            .map((e) => ({
              Id: e.Id,
              MessageId: randomUUID(),
              MD5OfMessageBody: md5(e.MessageBody),
            })),
          Failed: entries
            .filter((e) => failEntries.has(e.Id))
            .map((e) => ({ Id: e.Id, Code: 'InternalError', SenderFault: false, Message: 'boom' })),
        };
      } else {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: target }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    failEntries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
