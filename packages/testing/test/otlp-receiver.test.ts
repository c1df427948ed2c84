import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { Metadata } from '@grpc/grpc-js';
import {
  type Attributes,
  type HrTime,
  ROOT_CONTEXT,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { type ExportResult, ExportResultCode, TraceState } from '@opentelemetry/core';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFreePort } from '../src/otlp-free-port.js';
import { startOtlpReceiver } from '../src/otlp-receiver.js';
import type { OtlpProtocol, OtlpReceiver, ReceivedSpan } from '../src/otlp-types.js';

interface ExporterOptions {
  headers?: Record<string, string>;
  timeoutMillis?: number;
  compression?: 'gzip';
}

/**
 * The three real OTLP exporters. `retries`: whether the exporter retries a retryable answer
 * (HTTP 503); the gRPC exporter 0.223.1 treats every error, UNAVAILABLE included, as final.
 */
const EXPORTERS: ReadonlyArray<{
  protocol: OtlpProtocol;
  retries: boolean;
  urlOf(receiver: OtlpReceiver): string;
  create(url: string, options?: ExporterOptions): SpanExporter;
}> = [
  {
    protocol: 'grpc',
    retries: false,
    urlOf: (receiver) => receiver.grpcUrl!,
    create: (url, { headers = {}, ...options } = {}) => {
      const metadata = new Metadata();
      for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
      return new GrpcExporter({ url, metadata, ...options } as never);
    },
  },
  {
    protocol: 'http/protobuf',
    retries: true,
    urlOf: (receiver) => receiver.tracesUrl!,
    create: (url, options = {}) => new ProtoExporter({ url, ...options } as never),
  },
  {
    protocol: 'http/json',
    retries: true,
    urlOf: (receiver) => receiver.tracesUrl!,
    create: (url, options = {}) => new JsonExporter({ url, ...options } as never),
  },
];

/** A TCP pass-through that counts the bytes clients send, to see compression on the wire. */
async function countingProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  let sent = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      sent += chunk.length;
    });
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${target.protocol}//127.0.0.1:${port}${target.pathname === '/' ? '' : target.pathname}`,
    sentBytes: () => sent,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const T0 = 1_700_000_000;
const at = (ms: number): HrTime => [T0, ms * 1_000_000];
const nanos = (ms: number) => BigInt(T0) * 1_000_000_000n + BigInt(ms) * 1_000_000n;
const UPSTREAM: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: 1,
  isRemote: true,
  traceState: new TraceState('vendor=opaque'),
};
const RESOURCE = { 'service.name': 'receiver-test', 'deployment.environment.name': 'test' };

/**
 * Records a small trace through `exporter` (one request through a BatchSpanProcessor):
 * lambda.invoke SERVER → two sqs.process CONSUMER children (one failed, with an exception
 * event) and an sqs.batch CONSUMER linking both records. Returns the records expected back.
 */
async function sendTree(
  exporter: SpanExporter,
  protocol: OtlpProtocol,
): Promise<Array<Omit<ReceivedSpan, 'flags'>>> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(RESOURCE),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('receiver-test-scope', '1.2.3');
  const root = tracer.startSpan('lambda.invoke', {
    kind: SpanKind.SERVER,
    startTime: at(0),
    attributes: {
      'faas.trigger': 'pubsub',
      'faas.coldstart': true,
      'test.int': 42,
      'test.double': 1.5,
      'test.big': 2 ** 60,
      'test.strings': ['a', 'b'],
      'test.ints': [1, 2],
    },
  });
  const parent = trace.setSpan(ROOT_CONTEXT, root);
  const consumer = { kind: SpanKind.CONSUMER };
  const ok = tracer.startSpan(
    'sqs.process',
    { ...consumer, startTime: at(1), attributes: { 'messaging.message.id': 'm-1' } },
    parent,
  );
  ok.addEvent('record.parsed', { 'body.size': 12 }, at(2));
  ok.setStatus({ code: SpanStatusCode.OK });
  ok.end(at(21));
  const failed = tracer.startSpan(
    'sqs.process',
    { ...consumer, startTime: at(22), attributes: { 'messaging.message.id': 'm-2' } },
    parent,
  );
  failed.recordException(
    { name: 'Error', message: 'boom', stack: 'Error: boom\n    at h' },
    at(30),
  );
  failed.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
  failed.end(at(40));
  const batch = tracer.startSpan(
    'sqs.batch',
    {
      ...consumer,
      startTime: at(41),
      attributes: { 'messaging.batch.message_count': 2 },
      links: [
        { context: ok.spanContext(), attributes: { 'messaging.message.id': 'm-1' } },
        { context: UPSTREAM, attributes: { 'messaging.message.id': 'm-2', 'link.index': 1 } },
      ],
    },
    parent,
  );
  batch.end(at(45));
  root.end(at(50));
  await provider.forceFlush();
  await provider.shutdown();

  const traceId = root.spanContext().traceId;
  const common = {
    traceId,
    parentSpanId: root.spanContext().spanId,
    traceState: undefined,
    kind: SpanKind.CONSUMER,
    kindName: 'CONSUMER' as const,
    events: [],
    links: [],
    status: { code: SpanStatusCode.UNSET, message: undefined },
    resource: RESOURCE,
    scope: { name: 'receiver-test-scope', version: '1.2.3' },
    protocol,
  };
  const timing = (start: number, end: number) => ({
    startTimeUnixNano: nanos(start),
    endTimeUnixNano: nanos(end),
    durationMs: end - start,
  });
  return [
    {
      ...common,
      spanId: root.spanContext().spanId,
      parentSpanId: undefined,
      name: 'lambda.invoke',
      kind: SpanKind.SERVER,
      kindName: 'SERVER',
      ...timing(0, 50),
      attributes: {
        'faas.trigger': 'pubsub',
        'faas.coldstart': true,
        'test.int': 42,
        'test.double': 1.5,
        'test.big': 2n ** 60n,
        'test.strings': ['a', 'b'],
        'test.ints': [1, 2],
      },
    },
    {
      ...common,
      spanId: ok.spanContext().spanId,
      name: 'sqs.process',
      ...timing(1, 21),
      attributes: { 'messaging.message.id': 'm-1' },
      events: [{ name: 'record.parsed', timeUnixNano: nanos(2), attributes: { 'body.size': 12 } }],
      status: { code: SpanStatusCode.OK, message: undefined },
    },
    {
      ...common,
      spanId: failed.spanContext().spanId,
      name: 'sqs.process',
      ...timing(22, 40),
      attributes: { 'messaging.message.id': 'm-2' },
      events: [
        {
          name: 'exception',
          timeUnixNano: nanos(30),
          attributes: {
            'exception.type': 'Error',
            'exception.message': 'boom',
            'exception.stacktrace': 'Error: boom\n    at h',
          },
        },
      ],
      status: { code: SpanStatusCode.ERROR, message: 'boom' },
    },
    {
      ...common,
      spanId: batch.spanContext().spanId,
      name: 'sqs.batch',
      ...timing(41, 45),
      attributes: { 'messaging.batch.message_count': 2 },
      links: [
        {
          traceId,
          spanId: ok.spanContext().spanId,
          traceState: undefined,
          attributes: { 'messaging.message.id': 'm-1' },
        },
        {
          traceId: UPSTREAM.traceId,
          spanId: UPSTREAM.spanId,
          traceState: 'vendor=opaque',
          attributes: { 'messaging.message.id': 'm-2', 'link.index': 1 },
        },
      ],
    },
  ];
}

/** One span, recorded in memory, to hand to an exporter directly. */
function probeSpans(attributes: Attributes = {}): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
  provider.getTracer('probe').startSpan('fault.probe', { attributes }).end();
  return memory.getFinishedSpans();
}

/** Calls `exporter.export` once and measures how long its callback took. */
function exportOnce(
  exporter: SpanExporter,
  attributes: Attributes = {},
): Promise<{ result: ExportResult; elapsedMs: number }> {
  const spans = probeSpans(attributes);
  const started = performance.now();
  return new Promise((resolve) => {
    exporter.export(spans, (result) => resolve({ result, elapsedMs: performance.now() - started }));
  });
}

const byStart = <T extends { startTimeUnixNano: bigint }>(spans: readonly T[]) =>
  [...spans].sort((a, b) => Number(a.startTimeUnixNano - b.startTimeUnixNano));

describe('startOtlpReceiver', () => {
  let receiver: OtlpReceiver | undefined;
  const exporters: SpanExporter[] = [];
  const open = async () => {
    receiver = await startOtlpReceiver();
    return receiver;
  };
  const track = <T extends SpanExporter>(exporter: T) => {
    exporters.push(exporter);
    return exporter;
  };

  afterEach(async () => {
    await Promise.all(exporters.splice(0).map((exporter) => exporter.shutdown().catch(() => {})));
    await receiver?.close();
    receiver = undefined;
  });

  it('binds gRPC and HTTP on ephemeral loopback ports', async () => {
    const r = await open();

    expect(r.grpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(r.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(r.tracesUrl).toBe(`${r.httpUrl}/v1/traces`);
    expect(r.grpcUrl).not.toBe(r.httpUrl);
  });

  it('starts only the listeners asked for', async () => {
    receiver = await startOtlpReceiver({ protocols: ['http'] });

    expect(receiver.grpcUrl).toBeUndefined();
    expect(receiver.tracesUrl).toMatch(/\/v1\/traces$/);
  });

  it.each(EXPORTERS)('decodes a trace tree sent by the $protocol exporter', async (kind) => {
    const r = await open();
    const headers = { authorization: 'Bearer test-token', 'x-team': 'alpha' };

    const expected = await sendTree(track(kind.create(kind.urlOf(r), { headers })), kind.protocol);
    const spans = await r.waitForSpans(4, { timeoutMs: 5000 });

    expect(byStart(spans).map(({ flags, ...rest }) => rest)).toStrictEqual(expected);
    expect(spans.map((span) => span.flags & 0xff)).toStrictEqual([1, 1, 1, 1]);
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0]).toMatchObject({ protocol: kind.protocol, spanCount: 4, outcome: 'ok' });
    expect(r.requests[0]?.headers).toMatchObject(headers);
  });

  it.each(EXPORTERS)(
    'decodes gzip-compressed requests from the $protocol exporter',
    async (kind) => {
      const r = await open();
      const proxy = await countingProxy(kind.urlOf(r));
      const payload = 'x'.repeat(100_000);

      const { result } = await exportOnce(track(kind.create(proxy.url, { compression: 'gzip' })), {
        payload,
      });
      await proxy.close();

      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(r.spans[0]?.attributes.payload).toBe(payload);
      expect(proxy.sentBytes()).toBeLessThan(10_000);
      if (kind.protocol !== 'grpc') expect(r.requests[0]?.headers['content-encoding']).toBe('gzip');
    },
  );

  it.each(EXPORTERS)(
    'receives uncompressed requests from the $protocol exporter as sent',
    async (kind) => {
      const r = await open();
      const proxy = await countingProxy(kind.urlOf(r));
      const payload = 'x'.repeat(100_000);

      const { result } = await exportOnce(track(kind.create(proxy.url)), { payload });
      await proxy.close();

      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(r.spans[0]?.attributes.payload).toBe(payload);
      expect(proxy.sentBytes()).toBeGreaterThan(100_000);
    },
  );

  it.each(EXPORTERS)('delays its answer to the $protocol exporter', async (kind) => {
    const r = await open();
    r.setFault({ kind: 'delay', ms: 300 });

    const { result, elapsedMs } = await exportOnce(
      track(kind.create(kind.urlOf(r), { timeoutMillis: 5000 })),
    );

    expect(result.code).toBe(ExportResultCode.SUCCESS);
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(r.spans.map((span) => span.name)).toStrictEqual(['fault.probe']);
  });

  it.each(EXPORTERS)('answers the $protocol exporter unavailable until healed', async (kind) => {
    const r = await open();
    const exporter = track(kind.create(kind.urlOf(r), { timeoutMillis: 2500 }));
    r.setFault({ kind: 'unavailable' });

    const failed = await exportOnce(exporter);
    const rejected = r.requests.map((request) => request.outcome);
    r.setFault('none');
    const healed = await exportOnce(exporter);

    expect(failed.result.code).toBe(ExportResultCode.FAILED);
    // HTTP exporters retry a 503 (first backoff about 1 s) within their timeout; gRPC does not.
    if (kind.retries) expect(rejected.length).toBeGreaterThanOrEqual(2);
    else expect(rejected).toHaveLength(1);
    expect(new Set(rejected)).toStrictEqual(new Set(['unavailable']));
    expect(healed.result.code).toBe(ExportResultCode.SUCCESS);
    expect(r.spans).toHaveLength(1);
  });

  it.each(EXPORTERS)('hangs the $protocol exporter and still closes at once', async (kind) => {
    const r = await open();
    r.setFault({ kind: 'hang' });

    const pending = exportOnce(track(kind.create(kind.urlOf(r), { timeoutMillis: 1500 })));
    await vi.waitFor(() => expect(r.requests[0]?.outcome).toBe('hang'), { timeout: 3000 });
    const closeStarted = performance.now();
    await r.close();
    const closeMs = performance.now() - closeStarted;
    const { result, elapsedMs } = await pending;

    expect(closeMs).toBeLessThan(500);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(elapsedMs).toBeLessThan(1500 + 1000);
    expect(r.spans).toHaveLength(0);
  });

  it.each(EXPORTERS)('lets the $protocol exporter time out on a hung request', async (kind) => {
    const r = await open();
    r.setFault({ kind: 'hang' });

    const { result, elapsedMs } = await exportOnce(
      track(kind.create(kind.urlOf(r), { timeoutMillis: 400 })),
    );

    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(elapsedMs).toBeGreaterThanOrEqual(350);
    expect(elapsedMs).toBeLessThan(400 + 1000);
  });

  it.each(EXPORTERS)(
    'fails the $protocol exporter fast when the receiver is down',
    async (kind) => {
      const r = await open();
      await r.close();

      const { result, elapsedMs } = await exportOnce(
        track(kind.create(kind.urlOf(r), { timeoutMillis: 1000 })),
      );

      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(elapsedMs).toBeLessThan(1000 + 1000);
    },
  );

  it('resolves waitForSpans on a predicate over everything received', async () => {
    const r = await open();
    const waiting = r.waitForSpans((spans) => spans.some((span) => span.name === 'sqs.batch'));

    await sendTree(track(EXPORTERS[1]!.create(r.tracesUrl!)), 'http/protobuf');

    expect((await waiting).map((span) => span.name).sort()).toStrictEqual([
      'lambda.invoke',
      'sqs.batch',
      'sqs.process',
      'sqs.process',
    ]);
  });

  it('rejects waitForSpans after the timeout, listing what arrived', async () => {
    const r = await open();
    await exportOnce(track(EXPORTERS[1]!.create(r.tracesUrl!)));

    const waiting = r.waitForSpans(3, { timeoutMs: 100 });

    await expect(waiting).rejects.toThrow(
      /^Timed out after 100 ms waiting for 3 span\(s\); received 1 span in 1 request \(1 ok\)\n {2}- fault\.probe INTERNAL trace=[0-9a-f]{32} span=[0-9a-f]{16} parent=- status=0$/,
    );
  });

  it('rejects pending waits when closed', async () => {
    const r = await open();
    const waiting = r.waitForSpans(1, { timeoutMs: 10_000 });

    await r.close();

    await expect(waiting).rejects.toThrow(/closed while waiting; received 0 spans/);
  });

  it('calls onSpans listeners per accepted request until unsubscribed', async () => {
    const r = await open();
    const seen: string[] = [];
    const unsubscribe = r.onSpans((spans, request) => {
      seen.push(`${request.protocol}:${spans.map((span) => span.name).join(',')}`);
    });
    r.onSpans(() => {
      throw new Error('a broken listener does not stop the receiver');
    });
    const exporter = track(EXPORTERS[2]!.create(r.tracesUrl!));

    await exportOnce(exporter);
    unsubscribe();
    await exportOnce(exporter);

    expect(seen).toStrictEqual(['http/json:fault.probe']);
    expect(r.spans).toHaveLength(2);
  });

  it('forgets spans and requests on clear', async () => {
    const r = await open();
    await exportOnce(track(EXPORTERS[0]!.create(r.grpcUrl!)));

    r.clear();

    expect(r.spans).toHaveLength(0);
    expect(r.requests).toHaveLength(0);
  });

  it('rejects an empty protocol list', async () => {
    await expect(startOtlpReceiver({ protocols: [] })).rejects.toThrow(/protocols/);
  });

  it('fails to start on a port already taken, releasing the listener it had opened', async () => {
    const r = await open();
    const taken = Number(new URL(r.httpUrl!).port);
    const grpcPort = await getFreePort();

    const failure = startOtlpReceiver({ grpcPort, httpPort: taken });

    await expect(failure).rejects.toThrow(/EADDRINUSE/);
    const again = await startOtlpReceiver({ grpcPort, protocols: ['grpc'] });
    expect(again.grpcUrl).toBe(`http://127.0.0.1:${grpcPort}`);
    await again.close();
  });
});
