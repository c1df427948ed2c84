import { describe, expect, it, vi } from 'vitest';
import { defaultFunctionArn, defaultLogStreamName, lambdaRuntimeEnv } from '../src/runtime-env.js';

describe('defaultFunctionArn', () => {
  it('builds the ARN from region, account and name', () => {
    expect(defaultFunctionArn({})).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:local-function',
    );
    expect(
      defaultFunctionArn({ region: 'ap-south-1', accountId: '111122223333', functionName: 'f' }),
    ).toBe('arn:aws:lambda:ap-south-1:111122223333:function:f');
  });
});

describe('defaultLogStreamName', () => {
  it('is shaped like a Lambda log stream and differs each time', () => {
    // Act
    const first = defaultLogStreamName('$LATEST');
    const second = defaultLogStreamName('$LATEST');

    // Assert
    expect(first).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });
});

describe('lambdaRuntimeEnv', () => {
  it('sets what the runtime client needs and nothing of this process but PATH', () => {
    // Arrange
    vi.stubEnv('SOME_PARENT_SECRET', 'do-not-leak');

    // Act
    const env = lambdaRuntimeEnv(
      { handler: 'index.handler', taskRoot: '/var/task' },
      '127.0.0.1:9001',
    );

    // Assert
    expect(env).toMatchObject({
      _HANDLER: 'index.handler',
      LAMBDA_TASK_ROOT: '/var/task',
      AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
      AWS_LAMBDA_FUNCTION_NAME: 'local-function',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/local-function',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      TZ: ':UTC',
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(
      /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/,
    );
    expect(env.PATH).toBe(process.env.PATH);
    expect(env).not.toHaveProperty('SOME_PARENT_SECRET');
  });

  it('lets options.env win and drops undefined values', () => {
    // Act
    const env = lambdaRuntimeEnv(
      {
        handler: 'h.h',
        taskRoot: '/t',
        functionName: 'orders',
        memoryMb: 1769,
        region: 'eu-central-1',
        env: { OTEL_SERVICE_NAME: 'svc', AWS_REGION: 'eu-west-3', TZ: undefined },
      },
      'h:1',
    );

    // Assert
    expect(env).toMatchObject({
      OTEL_SERVICE_NAME: 'svc',
      AWS_REGION: 'eu-west-3',
      AWS_DEFAULT_REGION: 'eu-central-1',
      AWS_LAMBDA_FUNCTION_NAME: 'orders',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1769',
    });
    expect(env).not.toHaveProperty('TZ');
  });

  it('inherits this process environment when asked, below the Lambda variables', () => {
    // Arrange
    vi.stubEnv('INHERITED_FLAG', 'yes');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'from-parent');

    // Act
    const env = lambdaRuntimeEnv({ handler: 'h.h', taskRoot: '/t', inheritEnv: true }, 'h:1');

    // Assert
    expect(env.INHERITED_FLAG).toBe('yes');
    expect(env.AWS_LAMBDA_FUNCTION_NAME).toBe('local-function');
  });
});
