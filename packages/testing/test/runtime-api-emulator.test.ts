import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRuntimeApiEmulator } from '../src/runtime-api-emulator.js';
import type { RuntimeApiEmulator, RuntimeApiListener } from '../src/runtime-types.js';

const opened: RuntimeApiEmulator[] = [];

async function start(listener?: RuntimeApiListener, timeoutMs = 2000) {
  const api = await startRuntimeApiEmulator({ listener, timeoutMs });
  opened.push(api);
  const base = `http://${api.runtimeApi}/2018-06-01/runtime`;
  return { api, base };
}

function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', body, headers });
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((api) => api.close()));
});

describe('startRuntimeApiEmulator', () => {
  it('binds to loopback on an ephemeral port', async () => {
    // Act
    const { api } = await start();

    // Assert
    expect(api.runtimeApi).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(api.runtimeApi).not.toBe('127.0.0.1:0');
  });

  it('holds /next until an event is queued, then sends it with the invocation headers', async () => {
    // Arrange
    const onDispatch = vi.fn();
    const { api, base } = await start({ onDispatch }, 1500);
    const polled = fetch(`${base}/invocation/next`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const clientContext = { custom: { note: 'naïve ☃' }, env: {} };

    // Act
    const before = Date.now();
    api.enqueue(
      { order: 1 },
      {
        requestId: 'req-a',
        traceId: 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
        clientContext,
      },
    );
    const res = await polled;

    // Assert
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ order: 1 });
    expect(res.headers.get('lambda-runtime-aws-request-id')).toBe('req-a');
    expect(res.headers.get('lambda-runtime-invoked-function-arn')).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:local-function',
    );
    expect(res.headers.get('lambda-runtime-trace-id')).toBe(
      'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
    );
    expect(JSON.parse(res.headers.get('lambda-runtime-client-context') ?? '')).toEqual(
      clientContext,
    );
    expect(res.headers.get('lambda-runtime-cognito-identity')).toBeNull();
    const deadline = Number(res.headers.get('lambda-runtime-deadline-ms'));
    expect(deadline).toBeGreaterThanOrEqual(before + 1500);
    expect(deadline).toBeLessThan(Date.now() + 1500 + 50);
    expect(onDispatch).toHaveBeenCalledWith({
      requestId: 'req-a',
      dispatchedAt: deadline - 1500,
      deadlineMs: deadline,
    });
  });

  it('settles an invocation with the posted response', async () => {
    // Arrange
    const { api, base } = await start();
    const queued = api.enqueue({});
    await fetch(`${base}/invocation/next`).then((res) => res.text());

    // Act
    const res = await post(`${base}/invocation/${queued.requestId}/response`, '{"status":"done"}');
    const outcome = await queued.outcome;

    // Assert
    expect(res.status).toBe(202);
    expect(outcome).toMatchObject({ kind: 'response', response: { status: 'done' } });
    expect(outcome.at).toBeGreaterThanOrEqual(outcome.dispatchedAt ?? Number.NaN);
  });

  it('settles an invocation with the posted error, the header standing in for a bad body', async () => {
    // Arrange
    const { api, base } = await start();
    const first = api.enqueue({});
    const second = api.enqueue({});
    await fetch(`${base}/invocation/next`).then((res) => res.text());
    await fetch(`${base}/invocation/next`).then((res) => res.text());
    const body = JSON.stringify({
      errorType: 'TypeError',
      errorMessage: 'x is undefined',
      trace: ['a'],
    });

    // Act
    await post(`${base}/invocation/${first.requestId}/error`, body);
    await post(`${base}/invocation/${second.requestId}/error`, 'not json', {
      'Lambda-Runtime-Function-Error-Type': 'Runtime.Custom',
    });

    // Assert
    expect(await first.outcome).toMatchObject({
      kind: 'error',
      error: { errorType: 'TypeError', errorMessage: 'x is undefined', trace: ['a'] },
    });
    expect(await second.outcome).toMatchObject({
      kind: 'error',
      error: { errorType: 'Runtime.Custom', errorMessage: 'not json' },
    });
  });

  it('answers 400 for an unknown request id and 403 for a second answer', async () => {
    // Arrange
    const { api, base } = await start();
    const queued = api.enqueue({});
    const notYetSent = api.enqueue({});
    await fetch(`${base}/invocation/next`).then((res) => res.text());
    await post(`${base}/invocation/${queued.requestId}/response`, 'null');

    // Act
    const unknown = await post(`${base}/invocation/nope/response`, 'null');
    const early = await post(`${base}/invocation/${notYetSent.requestId}/response`, 'null');
    const again = await post(`${base}/invocation/${queued.requestId}/error`, '{}');

    // Assert
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errorType: 'InvalidRequestID' });
    expect(early.status).toBe(400);
    expect(again.status).toBe(403);
    expect(api.queued).toBe(1);
  });

  it('passes init errors to the listener', async () => {
    // Arrange
    const onInitError = vi.fn();
    const { base } = await start({ onInitError });

    // Act
    const res = await post(
      `${base}/init/error`,
      JSON.stringify({
        errorType: 'Runtime.ImportModuleError',
        errorMessage: 'Cannot find module',
      }),
      { 'Lambda-Runtime-Function-Error-Type': 'Runtime.ImportModuleError' },
    );

    // Assert
    expect(res.status).toBe(202);
    expect(onInitError).toHaveBeenCalledWith({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: 'Cannot find module',
    });
  });

  it('rejects a response over 6 MB with 413 and a Function.ResponseSizeTooLarge error', async () => {
    // Arrange
    const { api, base } = await start();
    const queued = api.enqueue({});
    await fetch(`${base}/invocation/next`).then((res) => res.text());

    // Act
    const res = await post(
      `${base}/invocation/${queued.requestId}/response`,
      new Uint8Array(6_291_557),
    );

    // Assert
    expect(res.status).toBe(413);
    expect(await queued.outcome).toMatchObject({
      kind: 'error',
      error: { errorType: 'Function.ResponseSizeTooLarge' },
    });
  });

  it('keeps /next waiting while held', async () => {
    // Arrange
    const onDispatch = vi.fn();
    const { api, base } = await start({ onDispatch });
    api.hold(true);
    api.enqueue({ n: 1 });
    const polled = fetch(`${base}/invocation/next`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const dispatchedWhileHeld = onDispatch.mock.calls.length;

    // Act
    api.hold(false);
    const res = await polled;

    // Assert
    expect(dispatchedWhileHeld).toBe(0);
    expect(await res.json()).toEqual({ n: 1 });
  });

  it('settles a queued invocation from outside and refuses a reused request id', async () => {
    // Arrange
    const { api } = await start();
    const queued = api.enqueue({}, { requestId: 'x' });

    // Act
    const settled = api.settle('x', {
      kind: 'error',
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'late' },
      at: 1,
    });

    // Assert
    expect(settled).toBe(true);
    expect(api.settle('x', { kind: 'response', response: null, at: 2 })).toBe(false);
    expect(await queued.outcome).toMatchObject({ kind: 'error', at: 1 });
    expect(api.queued).toBe(0);
    expect(() => api.enqueue({}, { requestId: 'x' })).toThrow(/already used/);
  });

  it('answers 404 outside the Runtime API', async () => {
    // Arrange
    const { api } = await start();

    // Act
    const res = await fetch(`http://${api.runtimeApi}/2018-06-01/runtime/invocation`);

    // Assert
    expect(res.status).toBe(404);
  });

  it('ends open invocations as Runtime.Stopped on close, and closes once', async () => {
    // Arrange
    const { api, base } = await start();
    const queued = api.enqueue({});
    const polled = fetch(`${base}/invocation/next`).then((res) => res.text());
    await polled;
    const waitingPoll = fetch(`${base}/invocation/next`).catch((error: unknown) => error);

    // Act
    const closing = api.close();
    const closingAgain = api.close();
    await closing;

    // Assert
    expect(closingAgain).toBe(closing);
    expect(await queued.outcome).toMatchObject({ error: { errorType: 'Runtime.Stopped' } });
    expect(await waitingPoll).toBeInstanceOf(Error);
    expect(() => api.enqueue({})).toThrow(/closed/);
  });
});
