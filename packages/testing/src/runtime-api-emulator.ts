import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeError,
  decodeResponse,
  ERROR_TYPE_HEADER,
  invocationHeaders,
  MAX_RESPONSE_BYTES,
  readBody,
  sendJson,
  tooLargeError,
} from './runtime-api-wire.js';
import type {
  InvocationOutcome,
  InvokeOptions,
  RuntimeApiEmulator,
  RuntimeApiEmulatorOptions,
} from './runtime-types.js';

interface Entry {
  requestId: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  dispatchedAt: number | undefined;
  deadlineMs: number | undefined;
  outcome: Promise<InvocationOutcome>;
  resolve: (outcome: InvocationOutcome) => void;
}

const PREFIX = '/2018-06-01/runtime/';
const INVOCATION_POST = /^invocation\/([^/]+)\/(response|error)$/;

/**
 * Starts an emulated Lambda Runtime API (`2018-06-01`) on loopback: queue events with
 * `enqueue`, point a runtime client at `runtimeApi`, read each invocation's outcome.
 *
 * `GET /runtime/invocation/next` long-polls until an event is queued; posts for an unknown
 * request id get `400 InvalidRequestID`, a second post for the same id `403`.
 * @param options - Bind address, default ARN and timeout, and lifecycle listener.
 * @returns The running emulator; call `close()` when done.
 * @example
 * const api = await startRuntimeApiEmulator({ timeoutMs: 1000 });
 * const invocation = api.enqueue({ hello: 'world' });
 * // start a runtime client with AWS_LAMBDA_RUNTIME_API=api.runtimeApi, then:
 * const outcome = await invocation.outcome;
 * await api.close();
 * @see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
 */
export async function startRuntimeApiEmulator(
  options: RuntimeApiEmulatorOptions = {},
): Promise<RuntimeApiEmulator> {
  const host = options.host ?? '127.0.0.1';
  const functionArn =
    options.functionArn ?? 'arn:aws:lambda:us-east-1:123456789012:function:local-function';
  const listener = options.listener ?? {};
  const queue: Entry[] = [];
  const waiters: ServerResponse[] = [];
  const active = new Map<string, Entry>();
  const finished = new Set<string>();
  let held = false;
  let closed: Promise<void> | undefined;

  const settle = (requestId: string, outcome: InvocationOutcome): boolean => {
    const entry = active.get(requestId);
    if (!entry) return false;
    active.delete(requestId);
    finished.add(requestId);
    const at = queue.indexOf(entry);
    if (at >= 0) queue.splice(at, 1);
    entry.resolve({ ...outcome, dispatchedAt: entry.dispatchedAt });
    return true;
  };

  const pump = (): void => {
    while (!held && queue.length > 0 && waiters.length > 0) {
      const entry = queue.shift() as Entry;
      const res = waiters.shift() as ServerResponse;
      entry.dispatchedAt = Date.now();
      entry.deadlineMs = entry.dispatchedAt + entry.timeoutMs;
      res.writeHead(200, {
        ...entry.headers,
        'lambda-runtime-deadline-ms': String(entry.deadlineMs),
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(entry.body),
      });
      res.end(entry.body);
      listener.onDispatch?.({
        requestId: entry.requestId,
        dispatchedAt: entry.dispatchedAt,
        deadlineMs: entry.deadlineMs,
      });
    }
  };

  const onPost = async (req: IncomingMessage, res: ServerResponse, rest: string) => {
    const body = await readBody(req);
    const headerType = req.headers[ERROR_TYPE_HEADER];
    const errorType = typeof headerType === 'string' ? headerType : undefined;
    if (rest === 'init/error') {
      listener.onInitError?.(decodeError(body, errorType));
      return sendJson(res, 202, { status: 'OK' });
    }
    const match = INVOCATION_POST.exec(rest);
    if (!match) return sendJson(res, 404, { errorType: 'NotFound', errorMessage: rest });
    const requestId = decodeURIComponent(match[1] as string);
    const entry = active.get(requestId);
    if (!entry || entry.dispatchedAt === undefined) {
      const known = finished.has(requestId);
      return sendJson(res, known ? 403 : 400, {
        errorType: known ? 'InvalidStateTransition' : 'InvalidRequestID',
        errorMessage: known ? 'Invocation already finished' : 'Invalid request ID',
      });
    }
    if (match[2] === 'error') {
      settle(requestId, { kind: 'error', error: decodeError(body, errorType), at: Date.now() });
      return sendJson(res, 202, { status: 'OK' });
    }
    if (body.length > MAX_RESPONSE_BYTES) {
      settle(requestId, { kind: 'error', error: tooLargeError(body.length), at: Date.now() });
      return sendJson(res, 413, { errorType: 'RequestEntityTooLarge', errorMessage: 'Too large' });
    }
    settle(requestId, { kind: 'response', response: decodeResponse(body), at: Date.now() });
    return sendJson(res, 202, { status: 'OK' });
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://runtime').pathname;
    const rest = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : undefined;
    if (req.method === 'GET' && rest === 'invocation/next') {
      waiters.push(res);
      res.on('close', () => {
        const at = waiters.indexOf(res);
        if (at >= 0) waiters.splice(at, 1);
      });
      req.resume();
      listener.onPoll?.();
      pump();
      return;
    }
    if (req.method === 'POST' && rest !== undefined) {
      void onPost(req, res, rest);
      return;
    }
    req.resume();
    sendJson(res, 404, { errorType: 'NotFound', errorMessage: `${req.method} ${path}` });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    runtimeApi: `${host.includes(':') ? `[${host}]` : host}:${port}`,
    get queued() {
      return queue.length;
    },
    enqueue(event: unknown, invoke: InvokeOptions = {}) {
      if (closed) throw new Error('@lambda-otel-kit/testing: the Runtime API is closed');
      const requestId = invoke.requestId ?? randomUUID();
      if (active.has(requestId) || finished.has(requestId)) {
        throw new Error(`@lambda-otel-kit/testing: request id ${requestId} was already used`);
      }
      let resolve: (outcome: InvocationOutcome) => void = () => {};
      const outcome = new Promise<InvocationOutcome>((done) => {
        resolve = done;
      });
      const entry: Entry = {
        requestId,
        body: JSON.stringify(event ?? null),
        headers: invocationHeaders(requestId, functionArn, invoke),
        timeoutMs: invoke.timeoutMs ?? options.timeoutMs ?? 3000,
        dispatchedAt: undefined,
        deadlineMs: undefined,
        outcome,
        resolve,
      };
      active.set(requestId, entry);
      queue.push(entry);
      pump();
      return { requestId, outcome };
    },
    settle,
    hold(on: boolean) {
      held = on;
      pump();
    },
    disconnect() {
      server.closeAllConnections();
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        held = true;
        for (const requestId of [...active.keys()]) {
          settle(requestId, {
            kind: 'error',
            error: { errorType: 'Runtime.Stopped', errorMessage: 'The Runtime API was closed' },
            at: Date.now(),
          });
        }
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
