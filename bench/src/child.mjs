// One measurement in a fresh process (each variant registers its own global provider):
//   node child.mjs per-record <variant> <size> <reps>
//   node child.mjs flush <kit|raw> <protocol> <reps>
//   node child.mjs down <reps>
//   node child.mjs memory <variant> <warmup> <total>
// Prints one JSON object on stdout.
import v8 from 'node:v8';
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
  // Warm: 2,000 records in batches of 100, so the JIT has compiled the record path of every
  // variant before a timed batch (cold start is measured on its own); the timed batches follow.
  const warmups = 20;
  for (let i = 0; i < warmups; i++) await timed(handler, sqsBatch(100));
  const times = [];
  for (let i = 0; i < reps; i++) times.push((await timed(handler, sqsBatch(size))).ms);
  const expected = warmups * spansFor(variant, 100) + reps * spansFor(variant, size);
  const received = expected === 0 ? 0 : await receiver.waitForCount(expected);
  return {
    variant,
    size,
    usPerRecord: (median(times) * 1000) / size,
    spansExpected: expected,
    spansReceived: received,
  };
}

/**
 * The end-of-invocation flush of a 10-record batch: the kit's (timed around the flush its
 * wrapper runs) or the raw SDK's `provider.forceFlush()` with the same exporter, same receiver.
 */
async function flushLatency(variant, protocol, reps) {
  const url = protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl;
  Object.assign(process.env, {
    OTEL_EXPORTER_OTLP_ENDPOINT: url,
    OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
  });
  const flushes = [];
  const timing = (flush) =>
    async function timedFlush(...args) {
      const started = performance.now();
      await flush.apply(this, args);
      flushes.push(performance.now() - started);
    };
  let handler;
  if (variant === 'kit') {
    const { initTelemetry } = await import('@lambda-otel-kit/lambda');
    const telemetry = initTelemetry();
    telemetry.forceFlush = timing(telemetry.forceFlush);
    ({ handler } = await import('./variants/kit.mjs'));
  } else {
    const { BasicTracerProvider } = await import('@opentelemetry/sdk-trace-base');
    const { prototype } = BasicTracerProvider;
    prototype.forceFlush = timing(prototype.forceFlush);
    ({ handler } = await import(
      `./variants/${protocol === 'grpc' ? 'raw-sdk-grpc' : 'raw-sdk'}.mjs`
    ));
  }
  for (let i = 0; i < 20; i++) await handler(sqsBatch(10), context()); // warm
  flushes.length = 0;
  for (let i = 0; i < reps; i++) await handler(sqsBatch(10), context());
  const expected = (20 + reps) * spansFor(variant, 10);
  return {
    variant,
    protocol,
    p50Ms: median(flushes),
    p99Ms: quantile(flushes, 0.99),
    spansReceived: await receiver.waitForCount(expected),
    spansExpected: expected,
  };
}

/**
 * Extra time per invocation with the backend down (a port nothing listens on), against the
 * uninstrumented handler: the first invocation, which waits for the cap, and the later ones,
 * which the flush breaker holds to the failing cap.
 */
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
  const base = median(baseline);
  return {
    capMs: 2000,
    failingCapMs: 100,
    firstExtraMs: down[0] - base,
    laterExtraMs: median(down.slice(1)) - base,
    laterMaxExtraMs: Math.max(...down.slice(1)) - base,
  };
}

/** Memory of this process after a full GC, in MB. */
function memoryNow() {
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const mb = (bytes) => bytes / 2 ** 20;
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(mb(s.space_size) * 10) / 10]),
  );
  return {
    rss: mb(rss),
    heapUsed: mb(heapUsed),
    heapTotal: mb(heapTotal),
    external: mb(external),
    spaces,
  };
}

async function memory(variant, warmup, total) {
  const handler = await loadHandler(variant, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl });
  const invoke = () => handler(sqsBatch(10), context());
  for (let i = 0; i < warmup; i++) await invoke();
  const after = memoryNow();
  for (let i = warmup; i < total; i++) await invoke();
  const end = memoryNow();
  return {
    variant,
    warmup,
    total,
    afterWarmup: after,
    afterTotal: end,
    rssGrowthMb: end.rss - after.rss,
    heapGrowthMb: end.heapUsed - after.heapUsed,
    spansReceived: await receiver.waitForCount(total * spansFor(variant, 10)),
    spansExpected: total * spansFor(variant, 10),
  };
}

const modes = {
  'per-record': () => perRecord(args[0], Number(args[1]), Number(args[2])),
  flush: () => flushLatency(args[0], args[1], Number(args[2])),
  down: () => backendDown(Number(args[0])),
  memory: () => memory(args[0], Number(args[1]), Number(args[2])),
};
const result = await modes[mode]();
process.stdout.write(`${JSON.stringify(result)}\n`);
await receiver.close();
process.exit(0);
