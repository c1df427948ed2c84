import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import {
  decodeJsonRequest,
  decodeProtobufRequest,
  encodeExportResponse,
  encodeRpcStatus,
  type OtlpProto,
} from './otlp-proto.js';
import type { OtlpSink } from './otlp-sink.js';
import { toReceivedSpans } from './otlp-spans.js';
import { setOwn } from './otlp-values.js';

const TRACES_PATH = '/v1/traces';
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const GRPC_INVALID_ARGUMENT = 3;
const GRPC_UNAVAILABLE = 14;
const gunzipAsync = promisify(gunzip);

type Encoding = 'protobuf' | 'json';

/** A running HTTP listener. */
export interface HttpListener {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves OTLP/HTTP `POST /v1/traces` in binary protobuf (`application/x-protobuf`) and JSON
 * (`application/json`), optionally gzip-compressed, handing each request to `sink`. Malformed
 * bodies get 400, other paths 404, other methods 405, other media types or encodings 415.
 * @see https://opentelemetry.io/docs/specs/otlp/#otlphttp
 * @param host - address to bind.
 * @param port - port to bind, 0 for an ephemeral one.
 * @param proto - from `loadOtlpProto()`.
 * @param sink - where requests go.
 * @example const listener = await startHttpListener('127.0.0.1', 0, proto, sink);
 */
export async function startHttpListener(
  host: string,
  port: number,
  proto: OtlpProto,
  sink: OtlpSink,
): Promise<HttpListener> {
  const server = createServer((request, response) => {
    serve(request, response, proto, sink).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Requests held open by the `hang` fault, and idle keep-alive sockets.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  proto: OtlpProto,
  sink: OtlpSink,
): Promise<void> {
  if ((request.url ?? '').split('?')[0] !== TRACES_PATH) {
    return reject(response, 404, `only ${TRACES_PATH} is served`);
  }
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return reject(response, 405, 'use POST');
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const encoding: Encoding | undefined =
    mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf'
      ? 'protobuf'
      : mediaType === 'application/json'
        ? 'json'
        : undefined;
  const compression = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!encoding || !['identity', 'gzip', ''].includes(compression)) {
    return reject(response, 415, 'send application/x-protobuf or application/json, gzip or not');
  }
  const raw = await readBody(request);
  if (!raw) return reject(response, 413, `bodies are limited to ${MAX_BODY_BYTES} bytes`);
  const body = compression === 'gzip' ? await gunzipAsync(raw).catch(() => undefined) : raw;
  const message =
    body &&
    (encoding === 'json'
      ? decodeJsonRequest(proto, body.toString('utf8'))
      : decodeProtobufRequest(proto, body));
  const protocol = encoding === 'json' ? 'http/json' : 'http/protobuf';
  const spans = message && toReceivedSpans(message, protocol);
  sink.handle(protocol, requestHeaders(request), spans, (outcome) => {
    if (response.destroyed) return;
    if (outcome === 'ok') {
      const answer = encoding === 'json' ? '{}' : encodeExportResponse(proto);
      response.writeHead(200, { 'content-type': contentType(encoding) }).end(answer);
    } else if (outcome === 'invalid') {
      const reason = `not an ExportTraceServiceRequest in ${encoding}`;
      respondStatus(response, 400, encoding, GRPC_INVALID_ARGUMENT, reason, proto);
    } else {
      const reason = 'receiver fault: unavailable';
      respondStatus(response, 503, encoding, GRPC_UNAVAILABLE, reason, proto);
    }
  });
}

/** The whole body, or `undefined` when it passes `MAX_BODY_BYTES` (read to the end anyway). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined;
}

function requestHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) setOwn(headers, name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function contentType(encoding: Encoding): string {
  return encoding === 'json' ? 'application/json' : 'application/x-protobuf';
}

/** An OTLP error answer: a `google.rpc.Status` in the request's own encoding. */
function respondStatus(
  response: ServerResponse,
  httpStatus: number,
  encoding: Encoding,
  code: number,
  message: string,
  proto: OtlpProto,
): void {
  const body =
    encoding === 'json' ? JSON.stringify({ code, message }) : encodeRpcStatus(proto, code, message);
  response.writeHead(httpStatus, { 'content-type': contentType(encoding) }).end(body);
}

function reject(response: ServerResponse, httpStatus: number, message: string): void {
  response.writeHead(httpStatus, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}
