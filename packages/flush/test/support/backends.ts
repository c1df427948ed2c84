import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import {
  createServer as createHttp2Server,
  type Http2Server,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';

/** How a test backend answers an export. */
export type BackendMode = 'ok' | 'slow' | 'hang' | 'unavailable';

/** A loopback backend started for one test. */
export interface TestBackend {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Bodies of the export requests received so far (complete requests only). */
  readonly bodies: Buffer[];
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

const SLOW_MS = 2000;

/**
 * An OTLP/HTTP stand-in on 127.0.0.1: `ok` answers 200 at once with an empty protobuf body,
 * `slow` after 2 s, `hang` never, `unavailable` with 503.
 */
export async function startHttpBackend(mode: BackendMode): Promise<TestBackend> {
  const bodies: Buffer[] = [];
  const server: Server = createHttpServer((request, response) => {
    void readBody(request).then((body) => {
      bodies.push(body);
      const answer = (): void => {
        if (mode === 'unavailable') {
          response.writeHead(503).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      };
      if (mode === 'ok' || mode === 'unavailable') answer();
      else if (mode === 'slow') setTimeout(answer, SLOW_MS).unref();
    });
  });
  await listen(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * An OTLP/gRPC stand-in on 127.0.0.1 (plain HTTP/2 speaking the gRPC wire format): `ok` answers an
 * empty `ExportTraceServiceResponse` with status 0 at once, `slow` after 2 s, `hang` never,
 * `unavailable` with status 14 (UNAVAILABLE).
 */
export async function startGrpcBackend(mode: BackendMode): Promise<TestBackend> {
  const bodies: Buffer[] = [];
  const sessions = new Set<import('node:http2').ServerHttp2Session>();
  const server: Http2Server = createHttp2Server();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  server.on('stream', (stream) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      if (mode === 'ok') answerGrpc(stream);
      else if (mode === 'slow') setTimeout(() => answerGrpc(stream), SLOW_MS).unref();
      else if (mode === 'unavailable') failGrpc(stream);
    });
  });
  await listen(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => {
      for (const session of sessions) session.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL on which nothing listens: a port taken from the OS, then released. */
export async function closedPortUrl(): Promise<string> {
  const server = createHttpServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function answerGrpc(stream: ServerHttp2Stream): void {
  if (stream.destroyed) return;
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
  // One length-prefixed message: not compressed, zero bytes long (an empty protobuf message).
  stream.end(Buffer.alloc(5));
}

function failGrpc(stream: ServerHttp2Stream): void {
  if (stream.destroyed) return;
  stream.respond(
    {
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': '14',
      'grpc-message': 'backend unavailable',
    },
    { endStream: true },
  );
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function listen(server: Server | Http2Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
