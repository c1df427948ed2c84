/** A queue as named by an SQS ARN or queue URL. */
export interface SqsQueue {
  /** The queue name, e.g. `orders` or `orders.fifo`. */
  queueName: string;
  /** The 12-digit account id (from an ARN or a standard queue URL). */
  accountId: string;
  /** The region, when the ARN or URL names one. */
  region: string | undefined;
  /** True when the name ends in `.fifo`. */
  fifo: boolean;
}

const ARN = /^arn:aws[a-z-]*:sqs:([a-z0-9-]*):(\d{12}):([A-Za-z0-9_-]{1,75}(?:\.fifo)?)$/;
const NAME = /^[A-Za-z0-9_-]{1,75}(?:\.fifo)?$/;
const REGION_HOST = /^sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

function queue(queueName: string, accountId: string, region: string | undefined): SqsQueue {
  return { queueName, accountId, region, fifo: queueName.endsWith('.fifo') };
}

/**
 * Parses an SQS queue ARN (a record's `eventSourceARN`).
 *
 * @param arn - `arn:aws:sqs:<region>:<account>:<queue>`; anything else gives `undefined`.
 * @returns The queue, or `undefined` for a malformed ARN.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsqs.html#amazonsqs-resources-for-iam-policies
 * @example
 * ```ts
 * parseSqsArn('arn:aws:sqs:eu-west-1:123456789012:orders.fifo'); // { queueName: 'orders.fifo', fifo: true, … }
 * ```
 */
export function parseSqsArn(arn: unknown): SqsQueue | undefined {
  if (typeof arn !== 'string') return undefined;
  const match = ARN.exec(arn);
  if (!match) return undefined;
  return queue(match[3]!, match[2]!, match[1] || undefined);
}

/**
 * Parses an SQS queue URL (`QueueUrl` of the SDK), including local endpoints
 * (`http://localhost:4566/000000000000/orders`).
 *
 * @param url - `https://sqs.<region>.amazonaws.com/<account>/<queue>` or any URL whose last two path segments are account and queue.
 * @returns The queue, or `undefined` when the URL does not name one.
 * @example
 * ```ts
 * parseQueueUrl('https://sqs.us-east-1.amazonaws.com/123456789012/orders')?.queueName; // 'orders'
 * ```
 */
export function parseQueueUrl(url: unknown): SqsQueue | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  if (segments.length < 2) return undefined;
  const [accountId, queueName] = segments.slice(-2) as [string, string];
  if (!/^\d{12}$/.test(accountId) || !NAME.test(queueName)) return undefined;
  return queue(queueName, accountId, REGION_HOST.exec(parsed.hostname)?.[1]);
}

/**
 * The queue name from an ARN or a queue URL.
 *
 * @param arnOrUrl - An SQS ARN or queue URL.
 * @returns The name, or `undefined` when neither parses.
 * @example
 * ```ts
 * queueNameOf(record.eventSourceARN); // 'orders'
 * ```
 */
export function queueNameOf(arnOrUrl: unknown): string | undefined {
  return (parseSqsArn(arnOrUrl) ?? parseQueueUrl(arnOrUrl))?.queueName;
}
