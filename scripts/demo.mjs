#!/usr/bin/env node
// The demo `bash scripts/demo.sh` runs after building the packages. On embedded defaults it
// starts a local OTLP receiver and the Lambda Runtime API emulator, plays an upstream
// "orders-api" that sends two orders to SQS (W3C context on each message), runs the sample
// SQS handler in scripts/demo/ under the real aws-lambda-ric on that batch (plus one message
// without a context), prints the traces the receiver got as a waterfall, and stops
// everything. Exit code 0 when the trace came through complete.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testingDist = new URL('../packages/testing/dist/index.js', import.meta.url);
if (!existsSync(testingDist)) {
  console.error('The packages are not built: run `bash scripts/demo.sh` (it builds them first).');
  process.exit(1);
}
const { renderWaterfall, sqsEvent, startLambdaRuntime, startOtlpReceiver, treeMismatches } =
  await import(testingDist.href);
const { default: sdk } = await import('./demo/sdk.cjs');

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
const width = Math.min(Math.max(process.stdout.columns ?? 100, 80), 140);
const bold = (text) => (color ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text) => (color ? `\x1b[2m${text}\x1b[0m` : text);

/** The upstream service: POST /orders → "orders send" PRODUCER, one per order. */
async function sendOrders(receiver, orders) {
  const { api, resources, traceBase, otlpProto } = sdk;
  const provider = new traceBase.BasicTracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': 'orders-api' }),
    spanProcessors: [
      new traceBase.SimpleSpanProcessor(
        new otlpProto.OTLPTraceExporter({ url: receiver.tracesUrl }),
      ),
    ],
  });
  const tracer = provider.getTracer('orders-api');
  const contexts = [];
  for (const order of orders) {
    const request = tracer.startSpan('POST /orders', {
      kind: api.SpanKind.SERVER,
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/orders',
        'order.id': order.orderId,
      },
    });
    const send = tracer.startSpan(
      'orders send',
      {
        kind: api.SpanKind.PRODUCER,
        attributes: { 'messaging.system': 'aws_sqs', 'messaging.destination.name': 'orders' },
      },
      api.trace.setSpan(api.ROOT_CONTEXT, request),
    );
    await new Promise((resolve) => setTimeout(resolve, 2));
    send.end();
    request.end();
    contexts.push({ ...send.spanContext(), sampled: true });
  }
  await provider.shutdown();
  return contexts;
}

async function main() {
  const receiver = await startOtlpReceiver({ protocols: ['http'] });
  const runtime = await startLambdaRuntime({
    handler: 'handler.handler',
    taskRoot: `${root}scripts/demo`,
    functionName: 'orders-worker',
    timeoutMs: 5000,
    env: {
      OTEL_SERVICE_NAME: 'orders-worker',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.tracesUrl,
    },
  });
  try {
    console.log(bold('lambda-otel-kit demo'));
    console.log(dim(`  OTLP receiver     ${receiver.tracesUrl}`));
    console.log(
      dim(
        `  Runtime API       ${runtime.runtimeApi} → aws-lambda-ric, handler scripts/demo/handler.handler`,
      ),
    );

    const orders = [{ orderId: 1001 }, { orderId: 1002, fail: true }];
    const [first, second] = await sendOrders(receiver, orders);
    const event = sqsEvent({
      seed: 'demo',
      queueName: 'orders',
      records: [
        { body: orders[0], upstream: { kind: 'w3c', ...first } },
        { body: orders[1], upstream: { kind: 'w3c', ...second } },
        { body: { orderId: 1003 } },
      ],
    });

    const result = await runtime.invoke(event);
    const spans = await receiver.waitForSpans(
      (received) => received.some((span) => span.name === 'lambda.invoke'),
      { timeoutMs: 5000 },
    );
    const failed = result.response?.batchItemFailures?.map((f) => f.itemIdentifier) ?? [];
    console.log(
      dim(
        `  invocation        ${result.ok ? 'ok' : `failed: ${result.error?.errorMessage}`} in ${result.durationMs} ms` +
          `${result.coldStart ? ` (cold start, init ${result.initDurationMs} ms)` : ''}; ` +
          `batchItemFailures: [${failed.join(', ')}]`,
      ),
    );
    console.log('');
    console.log(renderWaterfall(spans, { color, width, attributes: ['messaging.message.id'] }));
    console.log('');

    // The demo fails loudly if the trace is not what the kit promises.
    const process_ = (orphanOf) => ({
      name: 'orders send',
      kind: 'PRODUCER',
      children: [{ name: 'sqs.process', kind: 'CONSUMER', links: 1, ...orphanOf }],
    });
    const problems = treeMismatches(spans, [
      { name: 'POST /orders', children: [process_({ status: 'UNSET' })] },
      { name: 'POST /orders', children: [process_({ status: 'ERROR' })] },
      {
        name: 'lambda.invoke',
        kind: 'SERVER',
        children: [
          { name: 'sqs.process', status: 'UNSET', links: 0 },
          { name: 'sqs.batch', kind: 'CONSUMER', links: 3 },
        ],
      },
    ]);
    const ok = result.ok && failed.length === 1 && problems.length === 0;
    console.log(
      ok
        ? `${spans.length} spans in 3 traces received over OTLP http/protobuf: each record joined its producer's trace, the batch links all three.`
        : `unexpected trace:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return ok;
  } finally {
    await runtime.stop();
    await receiver.close();
  }
}

const watchdog = setTimeout(() => {
  console.error('demo: gave up after 30 s');
  process.exit(1);
}, 30_000);
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
