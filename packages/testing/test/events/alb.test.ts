import type { ALBEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { albEvent } from '../../src/events/alb.js';
import { extractXray, UP, UP_IDS } from '../support/propagation.js';

describe('albEvent', () => {
  it('builds a single-value ALB event with URL-encoded query values', () => {
    // Act
    const event = albEvent({ path: '/health', query: { q: ['a b', 'c&d'] }, seed: 1 });

    // Assert
    expectTypeOf(event).toEqualTypeOf<ALBEvent>();
    expect(event).toMatchObject({
      httpMethod: 'GET',
      path: '/health',
      body: '',
      isBase64Encoded: false,
      queryStringParameters: { q: 'c%26d' },
    });
    expect(event.requestContext.elb.targetGroupArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/my-targets\/[0-9a-f]{16}$/,
    );
    expect(event.multiValueHeaders).toBeUndefined();
    expect(event.headers?.host).toMatch(/\.us-east-1\.elb\.amazonaws\.com$/);
  });

  it('sends only the multi-value maps when the target group has them on', () => {
    // Act
    const event = albEvent({
      multiValue: true,
      query: { q: ['a b', 'c'] },
      upstream: { kind: 'xray', ...UP },
    });

    // Assert
    expect(event.headers).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.multiValueQueryStringParameters).toStrictEqual({ q: ['a%20b', 'c'] });
    expect(extractXray(event.multiValueHeaders?.['x-amzn-trace-id']?.[0] ?? '')).toMatchObject(
      UP_IDS,
    );
  });
});
