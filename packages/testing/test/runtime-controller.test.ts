import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLambdaRuntime } from '../src/runtime-controller.js';
import type { LambdaRuntime } from '../src/runtime-types.js';

const taskRoot = fileURLToPath(new URL('./fixtures/runtime/', import.meta.url));
const TRACE = 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1';

interface Echo {
  event: unknown;
  pid: number;
  traceEnv: string | null;
  serviceName: string | null;
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
  clientContext: unknown;
  identity: unknown;
  remainingMs: number;
}

describe('startLambdaRuntime', () => {
  describe('with an ES module handler', () => {
    let runtime: LambdaRuntime;
    beforeAll(async () => {
      runtime = await startLambdaRuntime({
        handler: 'echo.handler',
        taskRoot,
        functionName: 'orders',
        memoryMb: 512,
        timeoutMs: 5000,
        env: { OTEL_SERVICE_NAME: 'orders-service' },
      });
    });
    afterAll(() => runtime.stop());

    it('answers with the handler result and the Lambda context', async () => {
      // Arrange
      const event = { hello: 'world', n: [1, 2, 3] };

      // Act
      const result = await runtime.invoke<Echo>(event, { requestId: 'req-1' });

      // Assert
      expect(result).toMatchObject({ requestId: 'req-1', ok: true, timedOut: false });
      expect(result.error).toBeUndefined();
      const echo = result.response as Echo;
      expect(echo.event).toEqual(event);
      expect(echo).toMatchObject({
        awsRequestId: 'req-1',
        functionName: 'orders',
        functionVersion: '$LATEST',
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
        memoryLimitInMB: '512',
        logGroupName: '/aws/lambda/orders',
        serviceName: 'orders-service',
        traceEnv: null,
        clientContext: null,
      });
      expect(echo.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
      expect(echo.remainingMs).toBeGreaterThan(4000);
      expect(echo.remainingMs).toBeLessThanOrEqual(5000);
      expect(echo.pid).toBe(result.pid);
      expect(result.coldStart).toBe(true);
      expect(result.initDurationMs).toBeGreaterThan(0);
    });

    it('turns the trace id header into _X_AMZN_TRACE_ID, and removes it when absent', async () => {
      // Act
      const traced = await runtime.invoke<Echo>({}, { traceId: TRACE });
      const untraced = await runtime.invoke<Echo>({});

      // Assert
      expect(traced.response?.traceEnv).toBe(TRACE);
      expect(untraced.response?.traceEnv).toBeNull();
    });

    it('passes client context, identity and an invoked alias ARN to the context', async () => {
      // Arrange
      const clientContext = {
        client: { installation_id: 'i-1', app_title: 'Café', app_version_code: '1' },
        custom: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
        env: { platform: 'node' },
      };
      const invokedFunctionArn = 'arn:aws:lambda:us-east-1:123456789012:function:orders:live';

      // Act
      const result = await runtime.invoke<Echo>(
        {},
        { clientContext, identity: { cognitoIdentityId: 'id-1' }, invokedFunctionArn },
      );

      // Assert
      expect(result.response?.clientContext).toEqual(clientContext);
      expect(result.response?.identity).toEqual({ cognitoIdentityId: 'id-1' });
      expect(result.response?.invokedFunctionArn).toBe(invokedFunctionArn);
    });

    it('serves 100 sequential invocations from one warm process', async () => {
      // Arrange
      const pid = runtime.pid;

      // Act
      const results = [];
      for (let i = 0; i < 100; i += 1) results.push(await runtime.invoke<Echo>({ i }));

      // Assert
      expect(results.map((r) => (r.response?.event as { i?: number } | undefined)?.i)).toEqual(
        Array.from({ length: 100 }, (_, i) => i),
      );
      expect(results.every((r) => r.ok && r.response?.pid === pid && r.coldStart === false)).toBe(
        true,
      );
      expect(new Set(results.map((r) => r.requestId)).size).toBe(100);
    });
  });

  describe('with failing and slow handlers', () => {
    let runtime: LambdaRuntime | undefined;
    afterAll(() => runtime?.stop());

    it('reports a thrown error with its type, message and trace', async () => {
      // Arrange
      runtime = await startLambdaRuntime({ handler: 'echo.fail', taskRoot });

      // Act
      const result = await runtime.invoke({ orderId: 42 });
      await runtime.stop();

      // Assert
      expect(result.ok).toBe(false);
      expect(result.response).toBeUndefined();
      expect(result.error).toMatchObject({
        errorType: 'OrderRejected',
        errorMessage: 'order 42 rejected',
      });
      expect(result.error?.trace?.[0]).toBe('OrderRejected: order 42 rejected');
      expect(runtime.stdout + runtime.stderr).toContain('order 42 rejected');
    });

    it('times out, kills the process, and cold-starts a fresh one for the next event', async () => {
      // Arrange
      runtime = await startLambdaRuntime({ handler: 'echo.slow', taskRoot, timeoutMs: 400 });
      const firstPid = runtime.pid;

      // Act
      const late = await runtime.invoke({ sleepMs: 5000 }, { requestId: 'late' });
      const quick = await runtime.invoke<{ pid: number }>({ sleepMs: 1 });
      await runtime.stop();

      // Assert
      expect(late).toMatchObject({ ok: false, timedOut: true, pid: firstPid });
      expect(late.error).toEqual({
        errorType: 'Sandbox.Timedout',
        errorMessage: 'RequestId: late Error: Task timed out after 0.40 seconds',
      });
      expect(late.durationMs).toBeGreaterThanOrEqual(400);
      expect(late.durationMs).toBeLessThan(1500);
      expect(quick).toMatchObject({ ok: true, timedOut: false, coldStart: true });
      expect(quick.response?.pid).toBe(quick.pid);
      expect(quick.pid).not.toBe(firstPid);
    });

    it('reports a runtime that exits mid-invocation as Runtime.ExitError', async () => {
      // Arrange
      runtime = await startLambdaRuntime({ handler: 'echo.crash', taskRoot });

      // Act
      const result = await runtime.invoke({}, { requestId: 'crash-1' });
      await runtime.stop();

      // Assert
      expect(result.ok).toBe(false);
      expect(result.timedOut).toBe(false);
      expect(result.error).toEqual({
        errorType: 'Runtime.ExitError',
        errorMessage: 'RequestId: crash-1 Error: Runtime exited with error: exit status 3',
      });
    });
  });

  describe('with module formats', () => {
    it.each([
      ['a .cjs file', 'commonjs.handler'],
      ['a .js file in a package without "type"', 'cjs-package/handler.handler'],
    ])('loads a CommonJS handler from %s', async (_label, handler) => {
      // Arrange
      const runtime = await startLambdaRuntime({ handler, taskRoot });

      // Act
      const result = await runtime.invoke({ id: 7 });
      await runtime.stop();

      // Assert
      expect(result).toMatchObject({ ok: true, response: { module: 'object', event: { id: 7 } } });
    });
  });

  describe('with callback-style and broken handlers', () => {
    it('rejects a callback-style handler at init, as aws-lambda-ric 4 does', async () => {
      // Arrange
      const runtime = await startLambdaRuntime({ handler: 'callback.handler', taskRoot });

      // Act
      const result = await runtime.invoke({ id: 1 });
      await runtime.stop();

      // Assert
      expect(runtime.initError?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
      expect(result.ok).toBe(false);
      expect(result.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    });

    it('reports an init error to the first invocation and re-inits for each one after', async () => {
      // Arrange
      const runtime = await startLambdaRuntime({ handler: 'init-error.handler', taskRoot });
      const initError = runtime.initError;

      // Act
      const first = await runtime.invoke({}, { requestId: 'init-1' });
      const second = await runtime.invoke({}, { requestId: 'init-2' });
      await runtime.stop();

      // Assert
      expect(initError).toMatchObject({
        errorType: 'Error',
        errorMessage: 'configuration missing at import',
      });
      for (const result of [first, second]) {
        expect(result).toMatchObject({ ok: false, timedOut: false, coldStart: true });
        expect(result.error?.errorMessage).toBe('configuration missing at import');
      }
      expect(first.pid).not.toBe(second.pid);
      expect(runtime.stdout + runtime.stderr).toContain('configuration missing at import');
    });

    it('reports a handler that does not exist', async () => {
      // Arrange
      const runtime = await startLambdaRuntime({ handler: 'echo.missing', taskRoot });

      // Act
      const result = await runtime.invoke({});
      await runtime.stop();

      // Assert
      expect(result.error?.errorType).toBe('Runtime.HandlerNotFound');
    });
  });

  describe('stop', () => {
    it('is idempotent, ends pending invocations, and refuses new ones', async () => {
      // Arrange
      const runtime = await startLambdaRuntime({
        handler: 'echo.slow',
        taskRoot,
        timeoutMs: 10_000,
      });
      const pending = runtime.invoke({ sleepMs: 5000 });

      // Act
      await Promise.all([runtime.stop(), runtime.stop()]);
      const result = await pending;

      // Assert
      expect(result).toMatchObject({ ok: false, error: { errorType: 'Runtime.Stopped' } });
      expect(runtime.pid).toBeUndefined();
      await expect(runtime.invoke({})).rejects.toThrow(/stopped/);
    });
  });
});
