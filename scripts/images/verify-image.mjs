// Runs one built image against the Runtime API emulator and the OTLP receiver of
// @lambda-otel-kit/testing (its built dist/), as Lambda would run it: the container's runtime
// client polls the emulator on the host network, each sample event is invoked twice (a cold and
// a warm invocation), and the trace of every invocation must arrive at the receiver.
//
//   node scripts/images/verify-image.mjs <image> <event.json>... [--extensions] [--env K=V]...
//
// --extensions starts every executable under /opt/extensions before the entrypoint, as Lambda
// does; the image's own OTEL_EXPORTER_OTLP_ENDPOINT is kept (the extension forwards), and
// LAMBDA_OTEL_STANDIN_UPSTREAM tells the stand-in collector where the receiver is.
//
// Every container also gets an SQS endpoint stand-in (AWS_ENDPOINT_URL_SQS, QUEUE_URL on it, dummy
// credentials; harmless to functions that send nothing). When an invocation sent messages, each
// must carry the context of a span of the invoking trace (W3C `traceparent` message attribute or
// the `AWSTraceHeader` system attribute), as a consumer would continue it.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  renderWaterfall,
  startOtlpReceiver,
  startRuntimeApiEmulator,
  startSqsEndpoint,
} from '../../packages/testing/dist/index.js';

const args = process.argv.slice(2);
const image = args.shift();
const events = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--env'));
const extraEnv = args.flatMap((a, i) => (args[i - 1] === '--env' ? [a] : []));
const withExtensions = args.includes('--extensions');
const podman = ['--storage-driver', 'vfs'];
const runFlags = ['--runtime', 'runc', '--cgroup-manager', 'cgroupfs', '--network', 'host'];
const ulimits = ['--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024'];
const say = (message) => console.log(`    ${message}`);

/**
 * Upstream contexts a sample event carries, sampled ones only: the caller's (W3C `traceparent`
 * anywhere in an HTTP, EventBridge, … event) or, for a batch (`Records`), each record's (W3C
 * `traceparent` or X-Ray `AWSTraceHeader`).
 */
function upstreamContexts(event) {
  const w3c = (text) => {
    const match = /00-([0-9a-f]{32})-([0-9a-f]{16})-01/.exec(text);
    return match ? { traceId: match[1], spanId: match[2] } : undefined;
  };
  const xray = (text) => {
    const match = /Root=1-([0-9a-f]{8})-([0-9a-f]{24});Parent=([0-9a-f]{16});Sampled=1/.exec(text);
    return match ? { traceId: match[1] + match[2], spanId: match[3] } : undefined;
  };
  if (!Array.isArray(event?.Records)) return { caller: w3c(JSON.stringify(event)), records: [] };
  const records = event.Records.flatMap((record, index) => {
    const text = JSON.stringify(record);
    const context = w3c(text) ?? xray(text);
    const id = record.messageId ?? record.eventID ?? String(index);
    return context ? [{ id, ...context }] : [];
  });
  return { caller: undefined, records };
}

/** The trace context a sent message carries: `traceparent` first, else `AWSTraceHeader`. */
function messageContext(message) {
  const w3c = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(
    message.messageAttributes.traceparent?.StringValue ?? '',
  );
  if (w3c) return { carrier: 'traceparent', traceId: w3c[1], spanId: w3c[2] };
  const xray = /Root=1-([0-9a-f]{8})-([0-9a-f]{24});Parent=([0-9a-f]{16})/.exec(
    message.messageSystemAttributes.AWSTraceHeader?.StringValue ?? '',
  );
  if (xray) return { carrier: 'AWSTraceHeader', traceId: xray[1] + xray[2], spanId: xray[3] };
  return undefined;
}

const receiver = await startOtlpReceiver({ host: '127.0.0.1' });
const sqs = await startSqsEndpoint({ host: '127.0.0.1' });
const emulator = await startRuntimeApiEmulator({ host: '127.0.0.1', timeoutMs: 15_000 });
const name = `lambda-otel-kit-verify-${randomUUID().slice(0, 8)}`;
const env = {
  AWS_LAMBDA_RUNTIME_API: emulator.runtimeApi,
  AWS_LAMBDA_FUNCTION_NAME: 'image-check',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/image-check',
  AWS_LAMBDA_LOG_STREAM_NAME: `2026/01/01/[$LATEST]${randomUUID().replaceAll('-', '')}`,
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  OTEL_SERVICE_NAME: basename(image.split(':')[0]),
  AWS_ENDPOINT_URL_SQS: sqs.url,
  QUEUE_URL: sqs.queueUrl('orders'),
  AWS_ACCESS_KEY_ID: 'AKIDIMAGECHECK',
  AWS_SECRET_ACCESS_KEY: 'image-check-not-a-secret',
  ...(withExtensions
    ? { LAMBDA_OTEL_STANDIN_UPSTREAM: receiver.httpUrl }
    : {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      }),
};
for (const pair of extraEnv) {
  const at = pair.indexOf('=');
  env[pair.slice(0, at)] = pair.slice(at + 1);
}

let command = [];
if (withExtensions) {
  const inspect = (field) =>
    JSON.parse(
      execFileSync(
        'podman',
        [...podman, 'image', 'inspect', '--format', `{{json .Config.${field}}}`, image],
        { encoding: 'utf8' },
      ),
    ) ?? [];
  const start = 'for e in /opt/extensions/*; do [ -x "$e" ] && "$e" & done; exec "$@"';
  command = [
    '--entrypoint',
    '/bin/sh',
    image,
    '-c',
    start,
    'start',
    ...inspect('Entrypoint'),
    ...inspect('Cmd'),
  ];
} else {
  command = [image];
}
const envFlags = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
const container = spawn(
  'podman',
  [...podman, 'run', '--rm', '--name', name, ...runFlags, ...ulimits, ...envFlags, ...command],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let output = '';
container.stdout.on('data', (d) => {
  output += d;
});
container.stderr.on('data', (d) => {
  output += d;
});
const exited = new Promise((resolve) => container.on('exit', (code) => resolve(code)));

const failures = [];
try {
  for (const file of events) {
    const event = JSON.parse(readFileSync(file, 'utf8'));
    const { caller, records } = upstreamContexts(event);
    for (const round of ['cold', 'warm']) {
      const requestId = randomUUID();
      sqs.clear();
      const started = Date.now();
      const invocation = emulator.enqueue(event, {
        requestId,
        timeoutMs: round === 'cold' ? 120_000 : 15_000,
      });
      const outcome = await Promise.race([
        invocation.outcome,
        exited.then((code) => ({ kind: 'exit', code })),
      ]);
      if (outcome.kind === 'exit')
        throw new Error(`container exited (${outcome.code}) before answering`);
      const took = Date.now() - started;
      const answer =
        outcome.kind === 'response'
          ? JSON.stringify(outcome.response).slice(0, 120)
          : JSON.stringify(outcome.error);
      say(`${basename(file)} ${round}: ${outcome.kind} in ${took} ms: ${answer}`);
      if (outcome.kind !== 'response') failures.push(`${basename(file)} ${round}: ${answer}`);
      const sent = sqs.messages.map((message) => ({ message, context: messageContext(message) }));
      const hasInvoke = (all) =>
        all.some(
          (s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === requestId,
        );
      let spans = await receiver.waitForSpans(hasInvoke, { timeoutMs: 15_000 });
      // The producer spans of sent messages travel in the same flush; give stragglers a moment.
      const hasProducers = (all) =>
        sent.every(({ context }) => context && all.some((s) => s.spanId === context.spanId));
      if (!hasProducers(spans))
        spans = await receiver
          .waitForSpans(hasProducers, { timeoutMs: 5_000 })
          .catch(() => receiver.spans);
      const invoke = spans.find(
        (s) => s.name === 'lambda.invoke' && s.attributes['faas.invocation_id'] === requestId,
      );
      const label = `${basename(file)} ${round}`;
      if (caller) {
        if (invoke.traceId !== caller.traceId || invoke.parentSpanId !== caller.spanId)
          failures.push(`${label}: lambda.invoke did not continue the caller's ${caller.traceId}`);
        else say(`continues the caller's trace ${caller.traceId} (parent ${caller.spanId})`);
      }
      // Batch records are not parents of the invocation: each record's span continues its own.
      const continued = records.filter((record) =>
        spans.some((s) => s.traceId === record.traceId && s.parentSpanId === record.spanId),
      );
      if (records.length > 0) {
        say(
          `${continued.length} of ${records.length} sampled records continue their producer's trace`,
        );
        for (const record of records.filter((r) => !continued.includes(r)))
          failures.push(`${label}: record ${record.id} did not continue ${record.traceId}`);
      }
      // Sent messages: each carries the context of a producer span of this invocation's trace.
      const inTrace = sent.filter(({ context }) =>
        spans.some(
          (s) =>
            s.traceId === invoke.traceId &&
            s.traceId === context?.traceId &&
            s.spanId === context.spanId &&
            s.kindName === 'PRODUCER',
        ),
      );
      if (sent.length > 0) {
        const carriers = [...new Set(inTrace.map(({ context }) => context.carrier))].join(', ');
        say(
          `${inTrace.length} of ${sent.length} messages sent to SQS carry a producer span of the invoking trace ${invoke.traceId} (${carriers || 'none'})`,
        );
        for (const { message } of sent.filter((m) => !inTrace.includes(m)))
          failures.push(`${label}: message ${message.messageId} carries no context of the trace`);
      }
      const traceIds = new Set([invoke.traceId, ...records.map((r) => r.traceId)]);
      const trace = spans.filter((s) => traceIds.has(s.traceId));
      if (round === 'cold') {
        say(
          `trace received (${trace.length} spans, coldstart=${invoke.attributes['faas.coldstart']}):`,
        );
        console.log(
          renderWaterfall(trace, {
            width: 96,
            attributes: ['http.route', 'http.response.status_code', 'messaging.message.id'],
          }).replace(/^/gm, '      '),
        );
      }
    }
  }
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  try {
    execFileSync('podman', [...podman, 'rm', '-f', '-t', '0', name], { stdio: 'ignore' });
  } catch {}
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  await emulator.close();
  await receiver.close();
  await sqs.close();
}
// With extensions, the spans must have gone through the (stand-in) collector, not around it.
if (withExtensions && !output.includes('[collector stand-in] forwarded'))
  failures.push('no span went through the collector extension on localhost:4318');
else if (withExtensions) say('spans went through the collector extension on localhost:4318');
if (failures.length > 0) {
  console.log(`    container output:\n${output.replace(/^/gm, '      | ')}`);
  for (const failure of failures) console.log(`    FAILED: ${failure}`);
  process.exit(1);
}
