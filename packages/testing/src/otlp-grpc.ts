import type * as Grpc from '@grpc/grpc-js';
import {
  decodeProtobufRequest,
  encodeExportResponse,
  interop,
  type OtlpProto,
} from './otlp-proto.js';
import type { OtlpSink } from './otlp-sink.js';
import { toReceivedSpans } from './otlp-spans.js';
import { setOwn } from './otlp-values.js';

/** Full method path of the OTLP trace export RPC. */
const EXPORT_PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A running gRPC listener. */
export interface GrpcListener {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the OTLP `TraceService/Export` RPC, handing each request to `sink`. Messages are taken
 * as raw bytes and decoded here, so a malformed one is answered with `INVALID_ARGUMENT`.
 * @see https://opentelemetry.io/docs/specs/otlp/#otlpgrpc
 * @param host - address to bind.
 * @param port - port to bind, 0 for an ephemeral one.
 * @param proto - from `loadOtlpProto()`.
 * @param sink - where requests go.
 * @example const listener = await startGrpcListener('127.0.0.1', 0, proto, sink);
 */
export async function startGrpcListener(
  host: string,
  port: number,
  proto: OtlpProto,
  sink: OtlpSink,
): Promise<GrpcListener> {
  const grpc = interop<typeof Grpc>(await import('@grpc/grpc-js'));
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  });
  const identity = (value: Buffer) => value;
  const service: Grpc.ServiceDefinition = {
    Export: {
      path: EXPORT_PATH,
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  };
  const exportCall: Grpc.handleUnaryCall<Buffer, Buffer> = (call, callback) => {
    const message = decodeProtobufRequest(proto, call.request);
    const spans = message && toReceivedSpans(message, 'grpc');
    sink.handle('grpc', metadataHeaders(call.metadata), spans, (outcome) => {
      if (outcome === 'ok') {
        callback(null, Buffer.from(encodeExportResponse(proto)));
      } else if (outcome === 'invalid') {
        callback({
          code: grpc.status.INVALID_ARGUMENT,
          details: 'not an ExportTraceServiceRequest',
        });
      } else {
        callback({ code: grpc.status.UNAVAILABLE, details: 'receiver fault: unavailable' });
      }
    });
  };
  server.addService(service, { Export: exportCall });
  const address = host.includes(':') ? `[${host}]` : host;
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${address}:${port}`, grpc.ServerCredentials.createInsecure(), (error, p) =>
      error ? reject(error) : resolve(p),
    );
  });
  return {
    port: bound,
    async close() {
      // Calls held open by the `hang` fault would keep a graceful shutdown waiting forever.
      server.forceShutdown();
    },
  };
}

/** gRPC metadata as lowercase header names to values; binary values in base64. */
function metadataHeaders(metadata: Grpc.Metadata): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, values] of Object.entries(metadata.toJSON())) {
    const text = values.map((value) =>
      typeof value === 'string' ? value : Buffer.from(value).toString('base64'),
    );
    setOwn(headers, key.toLowerCase(), text.join(', '));
  }
  return headers;
}
