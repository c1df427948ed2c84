import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLambdaContext } from '../src/lambda-context.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createLambdaContext', () => {
  it('fills every field the way the runtime does by default', () => {
    // Act
    const context = createLambdaContext();

    // Assert
    expect(context).toMatchObject({
      callbackWaitsForEmptyEventLoop: true,
      functionName: 'local-function',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:local-function',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/local-function',
    });
    expect(context.awsRequestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(context.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(context.clientContext).toBeUndefined();
    expect(context.identity).toBeUndefined();
  });

  it('builds the ARN and names from the options', () => {
    // Act
    const context = createLambdaContext({
      functionName: 'orders',
      functionVersion: '7',
      region: 'eu-west-1',
      accountId: '210987654321',
      memoryMb: 1024,
      requestId: 'req-9',
      clientContext: { custom: { a: 1 } },
      identity: { cognitoIdentityId: 'c', cognitoIdentityPoolId: 'p' },
    });

    // Assert
    expect(context).toMatchObject({
      functionName: 'orders',
      functionVersion: '7',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:210987654321:function:orders',
      memoryLimitInMB: '1024',
      awsRequestId: 'req-9',
      logGroupName: '/aws/lambda/orders',
      clientContext: { custom: { a: 1 } },
      identity: { cognitoIdentityId: 'c', cognitoIdentityPoolId: 'p' },
    });
    expect(context.logStreamName).toContain('/[7]');
  });

  it('counts the remaining time down to the deadline, past zero', () => {
    // Arrange
    vi.useFakeTimers({ now: 1_000_000 });
    const context = createLambdaContext({ timeoutMs: 900 });

    // Act
    const atStart = context.getRemainingTimeInMillis();
    vi.advanceTimersByTime(400);
    const later = context.getRemainingTimeInMillis();
    vi.advanceTimersByTime(600);
    const past = context.getRemainingTimeInMillis();

    // Assert
    expect([atStart, later, past]).toEqual([900, 500, -100]);
  });

  it('uses an explicit deadline over the timeout', () => {
    // Arrange
    vi.useFakeTimers({ now: 5_000 });

    // Act
    const context = createLambdaContext({ deadlineMs: 5_250, timeoutMs: 60_000 });

    // Assert
    expect(context.getRemainingTimeInMillis()).toBe(250);
  });

  it('reports the legacy done, succeed and fail calls to onDone', () => {
    // Arrange
    const onDone = vi.fn();
    const context = createLambdaContext({ onDone });
    const failure = new Error('nope');

    // Act
    context.succeed({ a: 1 });
    context.fail(failure);
    context.done(undefined, 'result');

    // Assert
    expect(onDone.mock.calls).toEqual([[null, { a: 1 }], [failure], [null, 'result']]);
  });
});
