import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lambdaRequestId } from '../src/request-id.js';
import { inSpan, installAsyncContext, realTracing } from './support/tracing.js';

const tracing = realTracing();
let teardown: () => void;
const lambdaGlobal = globalThis as { awslambda?: unknown };

beforeAll(() => {
  teardown = installAsyncContext();
});
afterEach(() => {
  delete lambdaGlobal.awslambda;
});
afterAll(async () => {
  teardown();
  await tracing.shutdown();
});

describe('lambdaRequestId', () => {
  it('is undefined outside an invocation', () => {
    expect(lambdaRequestId()).toBeUndefined();
  });

  it("reads the runtime's invoke store first", () => {
    // Arrange
    lambdaGlobal.awslambda = { InvokeStore: { getRequestId: () => 'store-id' } };

    // Act
    const id = inSpan(tracing.sampled, (span) => {
      span.setAttribute('faas.invocation_id', 'span-id');
      return lambdaRequestId();
    });

    // Assert
    expect(id).toBe('store-id');
  });

  it("treats the store's '-' (no invocation) as unknown", () => {
    lambdaGlobal.awslambda = { InvokeStore: { getRequestId: () => '-' } };

    expect(lambdaRequestId()).toBeUndefined();
  });

  it('falls back to faas.invocation_id of the active lambda.invoke span', () => {
    const id = inSpan(
      tracing.sampled,
      (span) => {
        span.setAttribute('faas.invocation_id', 'c6af9ac6-7b61-11e6-9a41-93e812345678');
        return lambdaRequestId();
      },
      'lambda.invoke',
    );

    expect(id).toBe('c6af9ac6-7b61-11e6-9a41-93e812345678');
  });

  it('never throws, even when the store does', () => {
    lambdaGlobal.awslambda = {
      InvokeStore: {
        getRequestId: () => {
          throw new Error('broken store');
        },
      },
    };

    expect(lambdaRequestId()).toBeUndefined();
  });
});
