// The flush guard under the real runtime client: a broken backend never changes the handler's
// answer nor holds the invocation past its budget, a timeout is exported, and a long-lived
// runtime process loses no invocation's spans.
import { fileURLToPath } from 'node:url';
import {
  getFreePort,
  type LambdaRuntime,
  type OtlpFault,
  type OtlpReceiver,
  startLambdaRuntime,
  startOtlpReceiver,
} from '@lambda-otel-kit/testing';
import { SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const taskRoot = fileURLToPath(new URL('./fixtures/', import.meta.url));
const CAP_MS = 300;
const MARGIN_MS = 500;
/** What the invocation may take beyond the handler's own time, per the flush guard's contract. */
const SLACK_MS = 20;

type Protocol = 'grpc' | 'http/protobuf';

function endpointOf(receiver: OtlpReceiver, protocol: Protocol): string {
  return (protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl) ?? '';
}

function runtimeFor(endpoint: string, protocol: Protocol, env: Record<string, string> = {}) {
  return startLambdaRuntime({
    handler: 'handlers.handler',
    taskRoot,
    functionName: 'orders',
    timeoutMs: 5000,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
      LAMBDA_OTEL_FLUSH_CAP_MS: String(CAP_MS),
      LAMBDA_OTEL_FLUSH_MARGIN_MS: String(MARGIN_MS),
      ...env,
    },
  });
}

describe('instrumentHandler with a faulty backend', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  const faults: Array<[string, OtlpFault]> = [
    ['never answering', { kind: 'hang' }],
    ['2 s slow', { kind: 'delay', ms: 2000 }],
    ['503 / UNAVAILABLE', { kind: 'unavailable' }],
  ];

  describe.each(['http/protobuf', 'grpc'] as const)('over %s', (protocol) => {
    let runtime: LambdaRuntime;
    beforeAll(async () => {
      runtime = await runtimeFor(endpointOf(receiver, protocol), protocol);
      await runtime.invoke({}); // warm: the exporter module is loaded and connected
    });
    afterAll(async () => {
      receiver.setFault('none');
      await runtime.stop();
    });

    it.each(faults)('%s: same answer, within cap + margin', async (_name, fault) => {
      receiver.setFault(fault);

      for (let i = 0; i < 2; i++) {
        const result = await runtime.invoke({ kit: { result: { statusCode: 201, body: 'made' } } });

        expect(result).toMatchObject({ ok: true, response: { statusCode: 201, body: 'made' } });
        expect(result.durationMs).toBeLessThanOrEqual(CAP_MS + MARGIN_MS + SLACK_MS);
      }
    });

    it('down: same answer, within cap + margin', async () => {
      const down = await runtimeFor(`http://127.0.0.1:${await getFreePort()}`, protocol);
      try {
        for (let i = 0; i < 2; i++) {
          const result = await down.invoke({ kit: { throw: 'still mine' } });

          expect(result).toMatchObject({ ok: false, error: { errorMessage: 'still mine' } });
          expect(result.durationMs).toBeLessThanOrEqual(CAP_MS + MARGIN_MS + SLACK_MS);
        }
      } finally {
        await down.stop();
      }
    });
  });

  it('down: the first invocation pays the cap, the next ones only the failing cap', async () => {
    const FAILING_CAP_MS = 40;
    const down = await runtimeFor(`http://127.0.0.1:${await getFreePort()}`, 'http/protobuf', {
      LAMBDA_OTEL_FLUSH_FAILING_CAP_MS: String(FAILING_CAP_MS),
    });
    try {
      const durations: number[] = [];
      for (let i = 0; i < 4; i++) {
        const result = await down.invoke({ kit: { result: 'ok' } });
        expect(result).toMatchObject({ ok: true, response: 'ok' });
        durations.push(result.durationMs);
      }

      // The first flush waits for the cap (the exporter retries a refused connection).
      expect(durations[0]).toBeGreaterThanOrEqual(CAP_MS - SLACK_MS);
      for (const later of durations.slice(1)) {
        expect(later).toBeLessThanOrEqual(FAILING_CAP_MS + 2 * SLACK_MS);
      }
    } finally {
      await down.stop();
    }
  });

  it('exports lambda.invoke marked timed out when the handler runs into its deadline', async () => {
    const runtime = await startLambdaRuntime({
      handler: 'handlers.handler',
      taskRoot,
      timeoutMs: 1500,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl ?? '',
        LAMBDA_OTEL_FLUSH_MARGIN_MS: String(MARGIN_MS),
      },
    });
    try {
      const result = await runtime.invoke({ kit: { sleepMs: 5000 } });

      expect(result.timedOut).toBe(true);
      const [span] = await receiver
        .waitForSpans((all) =>
          all.some((s) => s.attributes['faas.invocation_id'] === result.requestId),
        )
        .then((all) => all.filter((s) => s.attributes['faas.invocation_id'] === result.requestId));
      expect(span).toMatchObject({
        name: 'lambda.invoke',
        status: { code: SpanStatusCode.ERROR },
        attributes: { 'lambda_otel.timed_out': true },
      });
      // Ended by the guard at about timeout − margin (1,000 ms here), well before the hard
      // deadline; wide bounds because a loaded CI machine fires timers late.
      expect(span?.durationMs).toBeGreaterThan(1500 - MARGIN_MS - 300);
      expect(span?.durationMs).toBeLessThan(1500 + 200);
    } finally {
      await runtime.stop();
    }
  });

  it('receives every span of 1,000 sequential invocations in one runtime process', async () => {
    receiver.clear();
    const runtime = await runtimeFor(endpointOf(receiver, 'http/protobuf'), 'http/protobuf');
    try {
      const requestIds = new Set<string>();
      let pid: number | undefined;
      for (let i = 0; i < 1000; i++) {
        const result = await runtime.invoke({ kit: {} });
        expect(result.ok).toBe(true);
        requestIds.add(result.requestId);
        pid ??= result.pid;
        expect(result.pid).toBe(pid);
      }

      const spans = await receiver.waitForSpans(2000, { timeoutMs: 10_000 });
      const invoked = new Set(
        spans
          .filter((s) => s.name === 'lambda.invoke')
          .map((s) => s.attributes['faas.invocation_id']),
      );
      expect(invoked).toEqual(requestIds);
      expect(spans.filter((s) => s.name === 'work')).toHaveLength(1000);
    } finally {
      await runtime.stop();
    }
  }, 60_000);
});
