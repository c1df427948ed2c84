#!/usr/bin/env node
// The demo `bash scripts/demo.sh` runs after building the packages and the sqs-batch-consumer
// example. On embedded defaults it starts a local OTLP receiver and the Lambda Runtime API
// emulator, lets six upstream services send orders to the queue (each handing its trace context
// over in a different format) plus one that sends none, runs the example's bundle under the real
// aws-lambda-ric on that batch, prints the traces the receiver got as a waterfall and the
// batchItemFailures, and says how to point the same function at a real backend.
// Exit code 0 when the trace came through as the kit promises.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCERS, produceBatch } from './demo/upstreams.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const testingDist = new URL('../packages/testing/dist/index.js', import.meta.url);
const exampleDir = `${root}examples/sqs-batch-consumer`;
if (!existsSync(testingDist) || !existsSync(`${exampleDir}/dist/index.js`)) {
  console.error('Nothing is built yet: run `bash scripts/demo.sh` (it builds first).');
  process.exit(1);
}
const testing = await import(testingDist.href);
const { renderWaterfall, startLambdaRuntime, startOtlpReceiver } = testing;

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
const width = Math.min(Math.max(process.stdout.columns ?? 100, 80), 140);
const bold = (text) => (color ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text) => (color ? `\x1b[2m${text}\x1b[0m` : text);

/** What the kit promises for this batch; returns the problems found. */
function check(spans, batch, failed) {
  const problems = [];
  const byName = (name) => spans.filter((s) => s.name === name);
  const [invoke] = byName('lambda.invoke');
  const [batchSpan] = byName('sqs.batch');
  const processes = byName('sqs.process');
  if (invoke?.kindName !== 'SERVER') problems.push('no lambda.invoke SERVER span');
  if (batchSpan?.links.length !== batch.Records.length)
    problems.push('sqs.batch does not link every record');
  if (processes.length !== batch.Records.length) problems.push('not one sqs.process per record');
  for (const producer of spans.filter((s) => s.name.startsWith('send order '))) {
    if (
      !processes.some((p) => p.parentSpanId === producer.spanId && p.traceId === producer.traceId)
    )
      problems.push(`${producer.name}: no sqs.process continues its trace`);
  }
  const bad = batch.Records.find((r) => r.body.includes('"o-6"'))?.messageId;
  if (failed.length !== 1 || failed[0] !== bad) problems.push('batchItemFailures is not [o-6]');
  return problems;
}

async function main() {
  // The bundle runs from a folder of its own, as in the image's /var/task (the example's
  // package.json says "type": "module", which would make Node read the CommonJS bundle as ESM).
  const taskRoot = mkdtempSync(join(tmpdir(), 'lambda-otel-demo-'));
  cpSync(`${exampleDir}/dist`, taskRoot, { recursive: true });
  const receiver = await startOtlpReceiver({ protocols: ['http'] });
  const runtime = await startLambdaRuntime({
    handler: 'index.handler',
    taskRoot,
    functionName: 'orders-consumer',
    timeoutMs: 10_000,
    env: {
      OTEL_SERVICE_NAME: 'orders-consumer',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
    },
  });
  try {
    console.log(bold('lambda-otel-kit demo: the sqs-batch-consumer example'));
    console.log(dim(`  OTLP receiver   ${receiver.httpUrl} (http/protobuf)`));
    console.log(
      dim(`  Runtime API     ${runtime.runtimeApi} → aws-lambda-ric → examples/sqs-batch-consumer`),
    );
    for (const [service, carrier, order] of PRODUCERS)
      console.log(
        dim(
          `  upstream        ${service.padEnd(22)} ${carrier.padEnd(26)} ${order.orderId}${order.quantity === 0 ? ' (invalid: quantity 0)' : ''}`,
        ),
      );
    console.log(
      dim(`  upstream        ${'(no tracing)'.padEnd(22)} ${'no context'.padEnd(26)} o-7`),
    );

    const batch = await produceBatch(receiver, testing);
    const result = await runtime.invoke(batch);
    const expected = PRODUCERS.length + 2 + batch.Records.length * 2 - 1;
    const spans = await receiver.waitForSpans(expected, { timeoutMs: 10_000 });
    const failed = result.response?.batchItemFailures?.map((f) => f.itemIdentifier) ?? [];
    console.log(
      dim(
        `  invocation      ${result.ok ? 'ok' : `failed: ${result.error?.errorMessage}`} in ${result.durationMs} ms` +
          `${result.coldStart ? ` (cold start, init ${result.initDurationMs} ms)` : ''}`,
      ),
    );
    console.log('');
    console.log(
      renderWaterfall(spans, {
        color,
        width,
        attributes: ['service.name', 'lambda_otel.context.source'],
      }),
    );
    console.log('');
    console.log(bold('response'));
    console.log(`  ${JSON.stringify(result.response)}`);
    console.log('');

    const problems = result.ok ? check(spans, batch, failed) : ['the invocation failed'];
    if (problems.length > 0) {
      console.log(`unexpected trace:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      return false;
    }
    console.log(
      `${spans.length} spans received. Each record's sqs.process continues its producer's trace ` +
        '(whatever the carrier), the one without context hangs under lambda.invoke, sqs.batch ' +
        'links all seven, and only the invalid order is in batchItemFailures.',
    );
    console.log('');
    console.log(bold('Send the same function to a real backend'));
    console.log('  Only the environment changes, e.g. for Honeycomb:');
    console.log('    LAMBDA_OTEL_VENDOR=honeycomb HONEYCOMB_API_KEY=<key>');
    console.log('  or any OTLP endpoint (a collector, Grafana, New Relic, Datadog Agent):');
    console.log(
      '    OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.example.com OTEL_EXPORTER_OTLP_HEADERS=x-api-key=<key>',
    );
    console.log(
      '  One file per vendor: examples/sqs-batch-consumer/env/*.env.example; build the image',
    );
    console.log('  with examples/sqs-batch-consumer/Dockerfile (README there).');
    return true;
  } finally {
    await runtime.stop();
    await receiver.close();
    rmSync(taskRoot, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  console.error('demo: gave up after 60 s');
  process.exit(1);
}, 60_000);
watchdog.unref();
main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1;
  },
  (error) => {
    console.error('demo failed:', error);
    process.exitCode = 1;
  },
);
