// One measurement in a fresh process (each variant registers its own global provider):
//   node child.mjs per-record <variant> <size> <reps>
//   node child.mjs flush <protocol> <reps>
//   node child.mjs down <reps>
//   node child.mjs memory <warmup> <total>
// Prints one JSON object on stdout.
import { createLambdaContext, getFreePort } from '@lambda-otel-kit/testing';
import { sqsBatch } from './events.mjs';
import { startRemoteReceiver } from './remote-receiver.mjs';
import { median, quantile } from './stats.mjs';

const [mode, ...args] = process.argv.slice(2);
const receiver = await startRemoteReceiver();
const context = () => createLambdaContext({ functionName: 'bench', timeoutMs: 120_000 });
/**
 * Spans each variant makes for a batch of n records: lambda.invoke, one sqs.process per record,
 * sqs.batch spans of 128 links each (the default link limit; the raw loop makes the same spans).
 */
const spansFor = (variant, n) => (variant === 'none' ? 0 : n + 1 + Math.ceil(n / 128));

async function loadHandler(variant, env) {
  Object.assign(process.env, { LAMBDA_OTEL_FLUSH_CAP_MS: '60000', ...env });
  const module = await import(`./variants/${variant === 'raw' ? 'raw-sdk' : variant}.mjs`);
  return module.handler;
}

async function timed(handler, event) {
  const started = performance.now();
  const result = await handler(event, context());
  return { ms: performance.now() - started, result };
}

async function perRecord(variant, size, reps) {
  const handler = await loadHandler(variant, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl });
  await timed(handler, sqsBatch(10)); // warm
  const times = [];
  for (let i = 0; i < reps; i++) times.push((await timed(handler, sqsBatch(size))).ms);
  const expected = spansFor(variant, 10) + reps * spansFor(variant, size);
  const received = expected === 0 ? 0 : await receiver.waitForCount(expected);
  return {
    variant,
    size,
    usPerRecord: (median(times) * 1000) / size,
    spansExpected: expected,
    spansReceived: received,
  };
}

async function flushLatency(protocol, reps) {
  const url = protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl;
  Object.assign(process.env, {
    OTEL_EXPORTER_OTLP_ENDPOINT: url,
    OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
  });
  const { initTelemetry } = await import('@lambda-otel-kit/lambda');
  const telemetry = initTelemetry();
  const flush = telemetry.forceFlush;
  const flushes = [];
  // Time the flush the wrapper runs at the end of each invocation.
  telemetry.forceFlush = async () => {
    const started = performance.now();
    await flush();
    flushes.push(performance.now() - started);
  };
  const { handler } = await import('./variants/kit.mjs');
  for (let i = 0; i < 20; i++) await handler(sqsBatch(10), context()); // warm
  flushes.length = 0;
  for (let i = 0; i < reps; i++) await handler(sqsBatch(10), context());
  const received = await receiver.waitForCount((20 + reps) * 12);
  return {
    protocol,
    p50Ms: median(flushes),
    p99Ms: quantile(flushes, 0.99),
    spansReceived: received,
    spansExpected: (20 + reps) * 12,
  };
}

async function backendDown(reps) {
  const dead = `http://127.0.0.1:${await getFreePort()}`;
  const handler = await loadHandler('kit', {
    OTEL_EXPORTER_OTLP_ENDPOINT: dead,
    LAMBDA_OTEL_FLUSH_CAP_MS: '2000',
  });
  const { handler: bare } = await import('./variants/none.mjs');
  const down = [];
  const baseline = [];
  for (let i = 0; i < reps; i++) {
    baseline.push((await timed(bare, sqsBatch(10))).ms);
    down.push((await timed(handler, sqsBatch(10))).ms);
  }
  return { extraMs: median(down) - median(baseline), maxMs: Math.max(...down), capMs: 2000 };
}

async function memory(warmup, total) {
  const handler = await loadHandler('kit', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl });
  const invoke = () => handler(sqsBatch(10), context());
  const rss = () => {
    globalThis.gc?.();
    return process.memoryUsage().rss;
  };
  for (let i = 0; i < warmup; i++) await invoke();
  const after = rss();
  for (let i = warmup; i < total; i++) await invoke();
  const end = rss();
  return {
    warmup,
    total,
    rssAfterWarmupMb: after / 2 ** 20,
    rssAfterTotalMb: end / 2 ** 20,
    growthMb: (end - after) / 2 ** 20,
    spansReceived: await receiver.waitForCount(total * 12),
    spansExpected: total * 12,
  };
}

const modes = {
  'per-record': () => perRecord(args[0], Number(args[1]), Number(args[2])),
  flush: () => flushLatency(args[0], Number(args[1])),
  down: () => backendDown(Number(args[0])),
  memory: () => memory(Number(args[0]), Number(args[1])),
};
const result = await modes[mode]();
process.stdout.write(`${JSON.stringify(result)}\n`);
await receiver.close();
process.exit(0);
