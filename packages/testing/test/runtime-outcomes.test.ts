import { describe, expect, it } from 'vitest';
import {
  exitError,
  initExitError,
  initTimeoutError,
  timeoutError,
  toInvokeResult,
  toLambdaError,
} from '../src/runtime-outcomes.js';

describe('toLambdaError', () => {
  it('reads name, message and stack lines from an Error', () => {
    // Arrange
    const error = new SyntaxError('unexpected token');

    // Act
    const result = toLambdaError(error);

    // Assert
    expect(result.errorType).toBe('SyntaxError');
    expect(result.errorMessage).toBe('unexpected token');
    expect(result.trace?.[0]).toBe('SyntaxError: unexpected token');
    expect(result.trace?.length).toBeGreaterThan(1);
  });

  it.each([
    ['text', { errorType: 'string', errorMessage: 'text', trace: [] }],
    [42, { errorType: 'number', errorMessage: '42', trace: [] }],
    [undefined, { errorType: 'undefined', errorMessage: 'undefined', trace: [] }],
  ])('describes the non-Error %j by its type', (value, expected) => {
    expect(toLambdaError(value)).toEqual(expected);
  });

  it('survives a value that cannot be turned into a string', () => {
    // Arrange
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };

    // Act
    const result = toLambdaError(hostile);

    // Assert
    expect(result.errorType).toBe('handled');
  });
});

describe('timeoutError', () => {
  it('uses the wording Lambda reports', () => {
    expect(timeoutError('abc', 3000)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'RequestId: abc Error: Task timed out after 3.00 seconds',
    });
  });
});

describe('exitError', () => {
  it.each([
    [{ code: 1, signal: null }, 'exit status 1'],
    [{ code: null, signal: 'SIGKILL' as const }, 'signal: SIGKILL'],
  ])('describes %j', (exit, text) => {
    expect(exitError('r', exit)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: r Error: Runtime exited with error: ${text}`,
    });
  });
});

describe('initExitError', () => {
  it('names the exit status', () => {
    expect(initExitError({ code: 2, signal: null }).errorMessage).toBe(
      'Runtime exited during init with error: exit status 2',
    );
  });
});

describe('initTimeoutError', () => {
  it('is a Sandbox.Timedout naming the init limit', () => {
    expect(initTimeoutError(10_000)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Init did not finish within 10.00 seconds',
    });
  });
});

describe('toInvokeResult', () => {
  it('turns a response into an ok result with its duration', () => {
    // Act
    const result = toInvokeResult(
      'r',
      { kind: 'response', response: { a: 1 }, at: 150, dispatchedAt: 100 },
      {
        pid: 9,
        coldStart: true,
        initDurationMs: 70,
      },
    );

    // Assert
    expect(result).toEqual({
      requestId: 'r',
      ok: true,
      response: { a: 1 },
      durationMs: 50,
      timedOut: false,
      pid: 9,
      coldStart: true,
      initDurationMs: 70,
    });
  });

  it('turns a timeout into a failed result and leaves init time off warm starts', () => {
    // Arrange
    const error = timeoutError('r', 100);

    // Act
    const result = toInvokeResult(
      'r',
      { kind: 'error', error, timedOut: true, at: 210, dispatchedAt: 100 },
      {
        pid: 9,
        coldStart: false,
        initDurationMs: 70,
      },
    );

    // Assert
    expect(result).toEqual({
      requestId: 'r',
      ok: false,
      error,
      durationMs: 110,
      timedOut: true,
      pid: 9,
      coldStart: false,
    });
  });

  it('reports zero duration for an invocation that never reached a handler', () => {
    // Act
    const result = toInvokeResult(
      'r',
      { kind: 'error', error: initExitError({ code: 1, signal: null }), at: 5 },
      undefined,
    );

    // Assert
    expect(result).toMatchObject({ ok: false, durationMs: 0, timedOut: false });
    expect(result).not.toHaveProperty('pid');
  });
});
