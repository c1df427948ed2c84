import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { functionUrlEvent } from '../../src/events/function-url.js';
import { extractB3, UP, UP_IDS } from '../support/propagation.js';

describe('functionUrlEvent', () => {
  it('builds a Function URL payload 2.0 event with its domain and $default route', () => {
    // Act
    const event = functionUrlEvent({
      method: 'POST',
      path: '/hook',
      body: 'x',
      upstream: { kind: 'b3', ...UP },
      seed: 1,
    });

    // Assert
    expectTypeOf(event).toEqualTypeOf<LambdaFunctionURLEvent>();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/hook',
      body: 'x',
      requestContext: { accountId: 'anonymous', stage: '$default', http: { method: 'POST' } },
    });
    expect(event.requestContext.domainName).toMatch(
      /^[a-z0-9]{32}\.lambda-url\.us-east-1\.on\.aws$/,
    );
    expect(event.requestContext.apiId).toBe(event.requestContext.domainName.split('.')[0]);
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(extractB3(event.headers as Record<string, string>)).toMatchObject(UP_IDS);
  });
});
