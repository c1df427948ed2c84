import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { invokeInProcess } from '../src/invoke-in-process.js';
import { startLambdaRuntime } from '../src/runtime-controller.js';
import type { InProcessHandler } from '../src/runtime-types.js';

const fixtures = new URL('./fixtures/runtime/', import.meta.url);

const TRACE = 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1';

describe('invokeInProcess', () => {
  it('answers with the resolved value of an async handler, through JSON', async () => {
    // Arrange
    const handler = async (event: { n: number }) => ({
      doubled: event.n * 2,
      at: new Date(0),
      skip: undefined,
    });

    // Act
    const result = await invokeInProcess(handler, { n: 21 }, { requestId: 'r-1' });

    // Assert
    expect(result).toEqual({
      requestId: 'r-1',
      ok: true,
      response: { doubled: 42, at: '1970-01-01T00:00:00.000Z' },
      durationMs: expect.any(Number),
      timedOut: false,
    });
  });

  it('reports a rejection with the error type, message and trace', async () => {
    // Arrange
    class OrderRejected extends Error {
      override name = 'OrderRejected';
    }
    const handler = async () => {
      throw new OrderRejected('order 7 rejected');
    };

    // Act
    const result = await invokeInProcess(handler, {});

    // Assert
    expect(result.ok).toBe(false);
    expect(result.response).toBeUndefined();
    expect(result.error).toMatchObject({
      errorType: 'OrderRejected',
      errorMessage: 'order 7 rejected',
    });
    expect(result.error?.trace?.[0]).toBe('OrderRejected: order 7 rejected');
  });

  it('reports a synchronous throw and a non-Error rejection', async () => {
    // Act
    const thrown = await invokeInProcess(() => {
      throw new RangeError('bad range');
    }, {});
    const rejected = await invokeInProcess(() => Promise.reject('plain string'), {});

    // Assert
    expect(thrown.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'bad range' });
    expect(rejected.error).toEqual({
      errorType: 'string',
      errorMessage: 'plain string',
      trace: [],
    });
  });

  it('supports callback-style handlers, the first answer winning', async () => {
    // Arrange
    const handler = (
      event: { id: number },
      _context: Context,
      callback: (e?: unknown, r?: unknown) => void,
    ) => {
      setTimeout(() => {
        callback(null, { viaCallback: event.id });
        callback(new Error('second answer is ignored'));
      }, 10);
    };

    // Act
    const result = await invokeInProcess(handler, { id: 3 });

    // Assert
    expect(result).toMatchObject({ ok: true, response: { viaCallback: 3 } });
  });

  it('reports a callback error', async () => {
    // Act
    const result = await invokeInProcess(
      (_e: unknown, _c: Context, callback: (e?: unknown) => void) => {
        callback(new TypeError('from callback'));
      },
      {},
    );

    // Assert
    expect(result.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'from callback' });
  });

  it('answers with the legacy context.succeed value', async () => {
    // Act
    const result = await invokeInProcess((_event: unknown, context: Context) => {
      context.succeed({ legacy: true });
    }, {});

    // Assert
    expect(result).toMatchObject({ ok: true, response: { legacy: true } });
  });

  it('answers with the plain value of a handler that takes no callback', async () => {
    // Act
    const result = await invokeInProcess((event: { v: string }) => ({ echoed: event.v }), {
      v: 'x',
    });

    // Assert
    expect(result).toMatchObject({ ok: true, response: { echoed: 'x' } });
  });

  it('rejects callback-style handlers when asked to behave like aws-lambda-ric 4', async () => {
    // Arrange
    const handler = vi.fn(
      (_e: unknown, _c: Context, callback: (e?: unknown, r?: unknown) => void) => callback(null, 1),
    );

    // Act
    const result = await invokeInProcess(handler, {}, { callbackHandlers: 'reject' });

    // Assert
    expect(result.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(handler).not.toHaveBeenCalled();
  });

  it('times out at the deadline and reports it like Lambda', async () => {
    // Arrange
    const handler = () => new Promise(() => {});

    // Act
    const result = await invokeInProcess(handler, {}, { requestId: 'slow', timeoutMs: 50 });

    // Assert
    expect(result).toMatchObject({
      ok: false,
      timedOut: true,
      error: {
        errorType: 'Sandbox.Timedout',
        errorMessage: 'RequestId: slow Error: Task timed out after 0.05 seconds',
      },
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(49);
  });

  it('waits for a callback-style handler that returned nothing, until the deadline', async () => {
    // Act
    const result = await invokeInProcess(
      (_e: unknown, _c: Context, _callback: () => void) => undefined,
      {},
      {
        timeoutMs: 30,
      },
    );

    // Assert
    expect(result.timedOut).toBe(true);
  });

  it('reports a response that cannot be serialized', async () => {
    // Arrange
    const circular: Record<string, unknown> = {};
    circular.self = circular;

    // Act
    const result = await invokeInProcess(async () => circular, {});

    // Assert
    expect(result.error).toMatchObject({ errorType: 'Runtime.JSONStringifyError' });
  });

  it('gives the handler a context with the request id, deadline and client context', async () => {
    // Arrange
    let seen: Context | undefined;
    let remaining = 0;
    const handler = async (_event: unknown, context: Context) => {
      seen = context;
      remaining = context.getRemainingTimeInMillis();
    };

    // Act
    await invokeInProcess(
      handler,
      {},
      {
        requestId: 'ctx-1',
        timeoutMs: 2000,
        functionName: 'orders',
        clientContext: { custom: { k: 'v' } },
      },
    );

    // Assert
    expect(seen).toMatchObject({
      awsRequestId: 'ctx-1',
      functionName: 'orders',
      clientContext: { custom: { k: 'v' } },
    });
    expect(remaining).toBeGreaterThan(1900);
    expect(remaining).toBeLessThanOrEqual(2000);
  });

  it('sets _X_AMZN_TRACE_ID from the trace id while the handler runs, then restores it', async () => {
    // Arrange
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-00000000-000000000000000000000001;Sampled=0');
    const seen: (string | undefined)[] = [];
    const handler = async () => {
      seen.push(process.env._X_AMZN_TRACE_ID);
    };

    // Act
    await invokeInProcess(handler, {}, { traceId: TRACE });
    await invokeInProcess(handler, {});

    // Assert
    expect(seen).toEqual([TRACE, undefined]);
    expect(process.env._X_AMZN_TRACE_ID).toBe('Root=1-00000000-000000000000000000000001;Sampled=0');
  });

  it('gives the same result shape as the real runtime client for the same handlers', async () => {
    // Arrange
    const fixture = (await import(new URL('echo.mjs', fixtures).href)) as Record<
      string,
      InProcessHandler
    >;
    const runtimes = await Promise.all(
      ['echo.log', 'echo.fail'].map((handler) =>
        startLambdaRuntime({ handler, taskRoot: fixtures.pathname }),
      ),
    );

    // Act
    const local = [
      await invokeInProcess(fixture.log as InProcessHandler, { id: 1 }, { requestId: 'a' }),
      await invokeInProcess(fixture.fail as InProcessHandler, { orderId: 2 }, { requestId: 'b' }),
    ];
    const remote = [
      await runtimes[0]?.invoke({ id: 1 }, { requestId: 'a' }),
      await runtimes[1]?.invoke({ orderId: 2 }, { requestId: 'b' }),
    ];
    await Promise.all(runtimes.map((runtime) => runtime.stop()));

    // Assert
    const comparable = (result: (typeof local)[number] | undefined) => ({
      requestId: result?.requestId,
      ok: result?.ok,
      timedOut: result?.timedOut,
      response: result?.response,
      errorType: result?.error?.errorType,
      errorMessage: result?.error?.errorMessage,
      traceHead: result?.error?.trace?.[0],
    });
    expect(local.map(comparable)).toEqual(remote.map(comparable));
    expect(remote[1]?.error?.errorType).toBe('OrderRejected');
  });
});
