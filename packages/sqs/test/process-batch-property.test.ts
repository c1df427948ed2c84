import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processSqsBatch } from '../src/process-batch.js';
import type { SqsRecordHandler } from '../src/types.js';
import { sqsEvent, sqsRecord } from './support/events.js';
import { clockedContext, testConfig } from './support/invoke.js';
import { installAsyncContext } from './support/tracing.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);

let uninstall: () => void;
beforeAll(() => {
  uninstall = installAsyncContext();
});
afterAll(() => uninstall());

interface Plan {
  fifo: boolean;
  records: Array<{ group: number; fails: boolean; rejects: boolean; sync: boolean; cost: number }>;
  startMs: number;
  marginMs: number;
  concurrency: number;
}

const planArb = (withDeadline: boolean): fc.Arbitrary<Plan> =>
  fc.record({
    fifo: fc.boolean(),
    records: fc.array(
      fc.record({
        group: fc.integer({ min: 0, max: 3 }),
        fails: fc.boolean(),
        rejects: fc.boolean(),
        sync: fc.boolean(),
        cost: fc.integer({ min: 0, max: 400 }),
      }),
      { maxLength: 15 },
    ),
    startMs: withDeadline ? fc.integer({ min: 0, max: 4_000 }) : fc.constant(1e9),
    marginMs: fc.integer({ min: 0, max: 1_000 }),
    concurrency: withDeadline ? fc.constant(1) : fc.integer({ min: 1, max: 4 }),
  });

/** The records SQS must redeliver, computed independently of the implementation. */
function mustRetry(plan: Plan): string[] {
  let remaining = plan.startMs;
  let stopped = false;
  const failedGroups = new Set<number>();
  const retry: string[] = [];
  plan.records.forEach((r, i) => {
    if (plan.fifo && failedGroups.has(r.group)) retry.push(`m${i}`);
    else if (stopped || remaining < plan.marginMs) {
      stopped = true;
      retry.push(`m${i}`);
    } else {
      remaining -= r.cost;
      if (r.fails) {
        retry.push(`m${i}`);
        if (plan.fifo) failedGroups.add(r.group);
      }
    }
  });
  return retry;
}

async function runPlan(plan: Plan) {
  let remaining = plan.startMs;
  const records = plan.records.map((r, i) =>
    sqsRecord({
      messageId: `m${i}`,
      body: String(i),
      ...(plan.fifo ? { groupId: `g${r.group}` } : {}),
    }),
  );
  const handler: SqsRecordHandler = (record) => {
    const r = plan.records[Number(record.body)]!;
    remaining -= r.cost;
    const error = new Error(`m${record.body}`);
    if (r.sync) {
      if (r.fails) throw error;
      return undefined;
    }
    return new Promise((resolve, reject) =>
      setImmediate(() =>
        r.fails ? (r.rejects ? reject(error) : resolve(Promise.reject(error))) : resolve(1),
      ),
    );
  };
  const provider = new BasicTracerProvider();
  const result = await processSqsBatch(
    sqsEvent(records),
    clockedContext(() => remaining),
    handler,
    {
      tracer: provider.getTracer('property'),
      config: testConfig(),
      options: { concurrency: plan.concurrency, deadlineMarginMs: plan.marginMs },
    },
  );
  return result.batchItemFailures.map((f) => f.itemIdentifier);
}

describe('processSqsBatch (property)', () => {
  it('reports exactly the failed and unstarted records, for random outcomes, groups and concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(planArb(false), async (plan) => {
        expect(await runPlan(plan)).toEqual(mustRetry(plan));
      }),
      { numRuns },
    );
  });

  it('reports exactly the failed and unstarted records, for random timings against the deadline', async () => {
    await fc.assert(
      fc.asyncProperty(planArb(true), async (plan) => {
        expect(await runPlan(plan)).toEqual(mustRetry(plan));
      }),
      { numRuns },
    );
  });
});
