import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { apiGatewayV1Event } from '../../src/events/api-gateway-v1.js';
import { extractW3c, extractXray, UP, UP_IDS } from '../support/propagation.js';

describe('apiGatewayV1Event', () => {
  it('builds a REST API proxy event', () => {
    // Act
    const event = apiGatewayV1Event({
      method: 'POST',
      path: '/orders/7',
      resource: '/orders/{id}',
      pathParameters: { id: '7' },
      body: { qty: 1 },
      seed: 1,
    });

    // Assert
    expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEvent>();
    expect(event).toMatchObject({
      httpMethod: 'POST',
      path: '/orders/7',
      resource: '/orders/{id}',
      pathParameters: { id: '7' },
      body: '{"qty":1}',
      isBase64Encoded: false,
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      stageVariables: null,
      requestContext: {
        accountId: '123456789012',
        httpMethod: 'POST',
        path: '/prod/orders/7',
        resourcePath: '/orders/{id}',
        stage: 'prod',
        protocol: 'HTTP/1.1',
        requestTimeEpoch: 1_717_243_200_000,
        requestTime: '01/Jun/2024:12:00:00 +0000',
        identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
      },
    });
    expect(event.headers.Host).toBe(event.requestContext.domainName);
    expect(event.requestContext.domainName).toMatch(
      /^[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/,
    );
    expect(event.headers['Content-Type']).toBe('application/json');
  });

  it('shows repeated headers and query parameters as last value and as lists', () => {
    // Act
    const event = apiGatewayV1Event({
      headers: { 'x-tag': ['a', 'b'] },
      query: { id: ['1', '2'], q: 'x' },
    });

    // Assert
    expect(event.headers['x-tag']).toBe('b');
    expect(event.multiValueHeaders['x-tag']).toStrictEqual(['a', 'b']);
    expect(event.queryStringParameters).toStrictEqual({ id: '2', q: 'x' });
    expect(event.multiValueQueryStringParameters).toStrictEqual({ id: ['1', '2'], q: ['x'] });
  });

  it('carries upstream headers: X-Amzn-Trace-Id canonical, others lowercase', () => {
    // Act
    const event = apiGatewayV1Event({
      upstream: [
        { kind: 'xray', ...UP },
        { kind: 'w3c', ...UP },
      ],
    });

    // Assert
    expect(extractXray(event.headers['X-Amzn-Trace-Id'] ?? '')).toMatchObject(UP_IDS);
    expect(extractW3c({ traceparent: event.headers.traceparent ?? '' })).toMatchObject(UP_IDS);
  });
});
