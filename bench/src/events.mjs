// The SQS batch every measurement feeds: records from upstream services, each with its own W3C
// context in its message attributes, as an SDK-instrumented producer sends them.
import { randomBytes, randomUUID } from 'node:crypto';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:orders';

/**
 * An SQS event of `size` records, each carrying its own upstream traceparent.
 *
 * @param {number} size
 */
export function sqsBatch(size) {
  const Records = [];
  for (let i = 0; i < size; i++) {
    const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    Records.push({
      messageId: randomUUID(),
      receiptHandle: 'handle',
      body: JSON.stringify({ orderId: i, items: [1, 2, 3] }),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'AIDAEXAMPLE',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {
        traceparent: {
          stringValue: traceparent,
          dataType: 'String',
          stringListValues: [],
          binaryListValues: [],
        },
      },
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'us-east-1',
    });
  }
  return { Records };
}
