// Writes events/sample-batch.json from the repository's event factories (run from the
// repository root after `pnpm build`: node examples/sqs-batch-consumer/events/make-sample.mjs).
// One batch, records from different upstream formats, one that fails, one without a context.
import { writeFileSync } from 'node:fs';
import {
  eventBridgeToSqsRecord,
  snsToSqsRecord,
  sqsRecord,
  upstreamContext,
} from '../../../packages/testing/dist/index.js';

const queueArn = 'arn:aws:sqs:eu-west-1:123456789012:orders';
const up = (seed) => upstreamContext({ seed });
const Records = [
  sqsRecord({
    seed: 1,
    queueArn,
    body: { orderId: 'o-1', quantity: 2 },
    upstream: { kind: 'w3c', ...up('checkout') },
  }),
  sqsRecord({
    seed: 2,
    queueArn,
    body: { orderId: 'o-2', quantity: 1 },
    upstream: { kind: 'datadog-string', ...up('legacy-dd') },
  }),
  sqsRecord({
    seed: 3,
    queueArn,
    body: { orderId: 'o-3', quantity: 5 },
    upstream: { kind: 'xray', ...up('xray-sdk') },
  }),
  snsToSqsRecord({
    seed: 4,
    queueArn,
    message: { orderId: 'o-4', quantity: 1 },
    upstream: { kind: 'w3c', ...up('sns-publisher') },
  }),
  eventBridgeToSqsRecord({
    seed: 5,
    queueArn,
    detail: { orderId: 'o-5', quantity: 3 },
    upstream: { kind: 'datadog', ...up('bus') },
  }),
  sqsRecord({
    seed: 6,
    queueArn,
    body: { orderId: 'o-6', quantity: 0 },
    upstream: { kind: 'w3c', ...up('bad-client') },
  }),
  sqsRecord({ seed: 7, queueArn, body: { orderId: 'o-7', quantity: 1 } }),
];
const file = new URL('./sample-batch.json', import.meta.url);
writeFileSync(file, `${JSON.stringify({ Records }, null, 2)}\n`);
console.log(`wrote ${file.pathname} (${Records.length} records)`);
