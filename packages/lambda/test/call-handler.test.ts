import { createLambdaContext } from '@lambda-otel-kit/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type AnyHandler, callHandler } from '../src/call-handler.js';

type Callback = (error?: unknown, result?: unknown) => void;
const lambdaContext = (): Context => createLambdaContext();
const later = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('callHandler', () => {
  it('resolves with an async handler’s value, the very object', async () => {
    const answer = { statusCode: 200, body: 'ok' };
    const handler = async () => answer;

    await expect(callHandler(handler, {}, lambdaContext())).resolves.toBe(answer);
  });

  it('passes the event and the context to the handler', async () => {
    const event = { orderId: 42 };
    const context = lambdaContext();
    const handler = async (e: unknown, c: Context) => [e, c];

    await expect(callHandler(handler, event, context)).resolves.toEqual([event, context]);
  });

  it('rejects with an async handler’s own error', async () => {
    const failure = new RangeError('out of stock');
    const handler = async () => {
      throw failure;
    };

    await expect(callHandler(handler, {}, lambdaContext())).rejects.toBe(failure);
  });

  it('rejects with a synchronous throw instead of throwing', async () => {
    const failure = new Error('thrown before any await');
    const handler = () => {
      throw failure;
    };

    const outcome = callHandler(handler, {}, lambdaContext());

    await expect(outcome).rejects.toBe(failure);
  });

  it('resolves with a callback handler’s result, called later', async () => {
    const handler = (_e: unknown, _c: Context, callback: Callback) => {
      setTimeout(() => callback(null, 'done'), 5);
    };

    await expect(callHandler(handler, {}, lambdaContext())).resolves.toBe('done');
  });

  it('rejects with a callback handler’s error, even one that is not an Error', async () => {
    const withError = (_e: unknown, _c: Context, callback: Callback) => callback(new Error('nope'));
    const withString = (_e: unknown, _c: Context, callback: Callback) => callback('bad input');

    await expect(callHandler(withError, {}, lambdaContext())).rejects.toThrow('nope');
    await expect(callHandler(withString, {}, lambdaContext())).rejects.toBe('bad input');
  });

  it('treats callback(null) and callback(undefined) as success, as the runtime does', async () => {
    const withNull = (_e: unknown, _c: Context, callback: Callback) => callback(null, 'a');
    const withUndefined = (_e: unknown, _c: Context, callback: Callback) =>
      callback(undefined, 'b');

    await expect(callHandler(withNull, {}, lambdaContext())).resolves.toBe('a');
    await expect(callHandler(withUndefined, {}, lambdaContext())).resolves.toBe('b');
  });

  it('lets the callback win when it comes before the returned promise settles', async () => {
    const handler = (_e: unknown, _c: Context, callback: Callback) => {
      callback(null, 'from callback');
      return later(20, 'from promise');
    };

    await expect(callHandler(handler, {}, lambdaContext())).resolves.toBe('from callback');
  });

  it('lets the promise win when it settles before the callback is called', async () => {
    const handler = (_e: unknown, _c: Context, callback: Callback) => {
      setTimeout(() => callback(new Error('too late')), 20);
      return Promise.resolve('from promise');
    };

    await expect(callHandler(handler, {}, lambdaContext())).resolves.toBe('from promise');
  });

  it('keeps the first outcome when a callback handler calls back twice', async () => {
    const handler = (_e: unknown, _c: Context, callback: Callback) => {
      callback(new Error('first'));
      callback(null, 'second');
    };

    await expect(callHandler(handler, {}, lambdaContext())).rejects.toThrow('first');
  });

  it.each([
    ['0', 0],
    ['an empty string', ''],
    ['null', null],
    ['false', false],
    ['undefined', undefined],
  ])('passes the falsy result %s through unchanged, in every style', async (_name, value) => {
    const asyncHandler = async () => value;
    const syncHandler = () => value;
    const callbackHandler = (_e: unknown, _c: Context, callback: Callback) => callback(null, value);

    const results = await Promise.all([
      callHandler(asyncHandler, {}, lambdaContext()),
      callHandler(syncHandler, {}, lambdaContext()),
      callHandler(callbackHandler, {}, lambdaContext()),
    ]);

    expect(results).toEqual([value, value, value]);
  });

  it('waits for the callback of a three-parameter handler that returns a plain value', async () => {
    const handler: AnyHandler = (_e, _c, callback) => {
      setTimeout(() => callback(null, 'from callback'), 5);
      return 'ignored';
    };

    await expect(callHandler(handler, {}, lambdaContext())).resolves.toBe('from callback');
  });

  it('accepts any thenable a handler returns', async () => {
    // biome-ignore lint/suspicious/noThenProperty: a thenable that is no Promise is the case tested
    const thenable = { then: (resolve: (value: string) => void) => resolve('thenable') };
    const handler = () => thenable;

    await expect(callHandler(handler, {}, lambdaContext())).resolves.toBe('thenable');
  });
});
