import { type GrpcListener, startGrpcListener } from './otlp-grpc.js';
import { type HttpListener, startHttpListener } from './otlp-http.js';
import { loadOtlpProto } from './otlp-proto.js';
import { OtlpSink } from './otlp-sink.js';
import type { OtlpReceiver, OtlpReceiverOptions } from './otlp-types.js';

/**
 * Starts an OTLP trace receiver on loopback: gRPC (`TraceService/Export`) and HTTP
 * (`POST /v1/traces`, binary protobuf or JSON, gzip or not), each on an ephemeral port unless
 * told otherwise. It decodes every export request into plain span records, and can play faults
 * (delay, unavailable, hang) for reliability tests.
 * @see https://opentelemetry.io/docs/specs/otlp/
 * @param options - host, ports and protocols; all optional.
 * @returns the running receiver; call `close()` when done.
 * @example
 * const receiver = await startOtlpReceiver();
 * const exporter = new OTLPTraceExporter({ url: receiver.tracesUrl });
 * // … create and flush spans …
 * const spans = await receiver.waitForSpans(3);
 * await receiver.close();
 */
export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  const host = options.host ?? '127.0.0.1';
  const protocols = options.protocols ?? ['grpc', 'http'];
  if (protocols.length === 0) {
    throw new Error('startOtlpReceiver: `protocols` must name grpc, http or both');
  }
  const proto = await loadOtlpProto();
  const sink = new OtlpSink();
  let grpc: GrpcListener | undefined;
  let http: HttpListener | undefined;
  try {
    if (protocols.includes('grpc')) {
      grpc = await startGrpcListener(host, options.grpcPort ?? 0, proto, sink);
    }
    if (protocols.includes('http')) {
      http = await startHttpListener(host, options.httpPort ?? 0, proto, sink);
    }
  } catch (error) {
    await grpc?.close();
    throw error;
  }
  const origin = (port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    grpcUrl: grpc && origin(grpc.port),
    httpUrl: http && origin(http.port),
    tracesUrl: http && `${origin(http.port)}/v1/traces`,
    get spans() {
      return sink.spans;
    },
    get requests() {
      return sink.requests;
    },
    waitForSpans: (countOrPredicate, waitOptions) =>
      sink.waitForSpans(countOrPredicate, waitOptions),
    onSpans: (listener) => sink.onSpans(listener),
    clear: () => sink.clear(),
    setFault: (fault) => sink.setFault(fault),
    close() {
      closing ??= (async () => {
        sink.close();
        await Promise.all([grpc?.close(), http?.close()]);
      })();
      return closing;
    },
  };
}
