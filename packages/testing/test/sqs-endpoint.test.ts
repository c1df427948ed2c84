import {
  GetQueueUrlCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { md5OfMessageAttributes } from '../src/events/sqs-attributes.js';
import { lambdaMessageAttributes } from '../src/events/sqs-delivery.js';
import { startSqsEndpoint } from '../src/sqs-endpoint.js';
import type { SqsEndpoint } from '../src/sqs-endpoint-types.js';

let sqs: SqsEndpoint;
let client: SQSClient;
beforeAll(async () => {
  sqs = await startSqsEndpoint();
  // The real SDK, as a producer has it: only the endpoint differs.
  client = new SQSClient({
    endpoint: sqs.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await sqs.close();
});
afterEach(() => {
  sqs.setFault('none');
  sqs.clear();
});

const attrs = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: `v${i}` }]),
  );

describe('startSqsEndpoint', () => {
  it('keeps a SendMessage as sent and answers what the SDK checks', async () => {
    // Arrange
    const QueueUrl = sqs.queueUrl('orders');
    const MessageAttributes = { tenant: { DataType: 'String', StringValue: 'acme' } };

    // Act
    const output = await client.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: '{"orderId":"o-1"}',
        MessageAttributes,
        MessageSystemAttributes: {
          AWSTraceHeader: {
            DataType: 'String',
            StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793',
          },
        },
      }),
    );

    // Assert
    expect(sqs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(QueueUrl).toBe(`${sqs.url}/123456789012/orders`);
    expect(sqs.messages).toEqual([
      {
        messageId: output.MessageId,
        queueUrl: QueueUrl,
        body: '{"orderId":"o-1"}',
        messageAttributes: MessageAttributes,
        messageSystemAttributes: {
          AWSTraceHeader: {
            DataType: 'String',
            StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793',
          },
        },
        sentTimestamp: expect.any(Number),
        action: 'SendMessage',
      },
    ]);
    expect(output.MD5OfMessageAttributes).toBe(
      md5OfMessageAttributes(lambdaMessageAttributes(MessageAttributes)),
    );
    expect(sqs.requests.map((r) => r.action)).toEqual(['SendMessage']);
  });

  it('keeps each entry of a SendMessageBatch with its id and FIFO fields', async () => {
    // Arrange
    const QueueUrl = sqs.queueUrl('orders.fifo');

    // Act
    const output = await client.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: ['a', 'b'].map((Id) => ({
          Id,
          MessageBody: `body ${Id}`,
          MessageGroupId: 'g1',
          MessageDeduplicationId: `d-${Id}`,
        })),
      }),
    );

    // Assert
    expect(output.Failed ?? []).toEqual([]);
    expect(
      sqs.messages.map((m) => [m.entryId, m.body, m.messageGroupId, m.messageDeduplicationId]),
    ).toEqual([
      ['a', 'body a', 'g1', 'd-a'],
      ['b', 'body b', 'g1', 'd-b'],
    ]);
    expect(sqs.messages.map((m) => m.messageId)).toEqual(
      output.Successful?.map((s) => s.MessageId),
    );
  });

  it('enforces the 10-attribute and 10-entry limits as SQS does', async () => {
    // Arrange
    const QueueUrl = sqs.queueUrl();

    // Act
    const single = await client
      .send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: attrs(11) }))
      .catch((error: unknown) => error);
    const batch = await client.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'ok', MessageBody: 'x', MessageAttributes: attrs(10) },
          { Id: 'over', MessageBody: 'y', MessageAttributes: attrs(11) },
        ],
      }),
    );
    const tooMany = await client
      .send(
        new SendMessageBatchCommand({
          QueueUrl,
          Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'z' })),
        }),
      )
      .catch((error: unknown) => error);

    // Assert
    expect(single).toMatchObject({ name: 'InvalidParameterValue' });
    expect(batch.Failed).toEqual([
      expect.objectContaining({ Id: 'over', Code: 'InvalidParameterValue', SenderFault: true }),
    ]);
    expect(tooMany).toMatchObject({ name: 'TooManyEntriesInBatchRequest' });
    expect(sqs.messages.map((m) => m.entryId)).toEqual(['ok']);
  });

  it('fails every request with the error a fault names, keeping no message', async () => {
    // Arrange
    sqs.setFault({ kind: 'error', status: 400, code: 'QueueDoesNotExist' });

    // Act
    const sent = client.send(
      new SendMessageCommand({ QueueUrl: sqs.queueUrl(), MessageBody: 'x' }),
    );

    // Assert
    await expect(sent).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
      $metadata: { httpStatusCode: 400 },
    });
    expect(sqs.messages).toEqual([]);
    expect(sqs.requests).toHaveLength(1);
  });

  it('answers a 500 InternalError by default, which the SDK retries', async () => {
    // Arrange
    sqs.setFault({ kind: 'error' });
    const retrying = new SQSClient({
      endpoint: sqs.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 2,
    });

    // Act
    const sent = retrying.send(
      new SendMessageCommand({ QueueUrl: sqs.queueUrl(), MessageBody: 'x' }),
    );

    // Assert
    await expect(sent).rejects.toMatchObject({
      name: 'InternalError',
      $metadata: { httpStatusCode: 500, attempts: 2 },
    });
    retrying.destroy();
  });

  it('lists the entries a fail-entries fault names under Failed and keeps the rest', async () => {
    // Arrange
    sqs.setFault({ kind: 'fail-entries', ids: ['b'] });

    // Act
    const output = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: sqs.queueUrl(),
        Entries: ['a', 'b', 'c'].map((Id) => ({ Id, MessageBody: Id })),
      }),
    );

    // Assert
    expect(output.Failed).toEqual([expect.objectContaining({ Id: 'b', SenderFault: false })]);
    expect(output.Successful?.map((s) => s.Id)).toEqual(['a', 'c']);
    expect(sqs.messages.map((m) => m.body)).toEqual(['a', 'c']);
  });

  it('answers InvalidAction to other actions and records them', async () => {
    // Act
    const asked = client.send(new GetQueueUrlCommand({ QueueName: 'orders' }));

    // Assert
    await expect(asked).rejects.toMatchObject({ name: 'InvalidAction' });
    expect(sqs.requests.map((r) => [r.action, r.body.QueueName])).toEqual([
      ['GetQueueUrl', 'orders'],
    ]);
  });

  it('stops listening on close, idempotently', async () => {
    // Arrange
    const other = await startSqsEndpoint();

    // Act
    await Promise.all([other.close(), other.close()]);
    const refused = await fetch(other.url, { method: 'POST' }).then(
      () => undefined,
      (error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code,
    );

    // Assert
    expect(refused).toBe('ECONNREFUSED');
  });
});
