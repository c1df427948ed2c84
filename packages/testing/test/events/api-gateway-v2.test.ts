import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { apiGatewayV2Event } from '../../src/events/api-gateway-v2.js';
import { extractB3, extractW3c, UP, UP_IDS } from '../support/propagation.js';

describe('apiGatewayV2Event', () => {
  it('builds an HTTP API payload 2.0 event', () => {
    // Act
    const event = apiGatewayV2Event({
      method: 'GET',
      path: '/orders/7',
      routeKey: 'GET /orders/{id}',
      pathParameters: { id: '7' },
      query: { tag: ['a b', 'c'], page: '1' },
      cookies: ['s=1'],
      seed: 1,
    });

    // Assert
    expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2>();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /orders/{id}',
      rawPath: '/orders/7',
      rawQueryString: 'tag=a%20b&tag=c&page=1',
      queryStringParameters: { tag: 'a b,c', page: '1' },
      pathParameters: { id: '7' },
      cookies: ['s=1'],
      isBase64Encoded: false,
      requestContext: {
        accountId: '123456789012',
        http: { method: 'GET', path: '/orders/7', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10' },
        routeKey: 'GET /orders/{id}',
        stage: '$default',
        timeEpoch: 1_717_243_200_000,
      },
    });
    expect(event.body).toBeUndefined();
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('joins repeated headers with commas and defaults the route key', () => {
    // Act
    const event = apiGatewayV2Event({
      method: 'PUT',
      path: '/x',
      headers: { 'x-tag': ['a', 'b'] },
    });

    // Assert
    expect(event.headers['x-tag']).toBe('a,b');
    expect(event.routeKey).toBe('PUT /x');
    expect(event.queryStringParameters).toBeUndefined();
  });

  it('carries W3C and B3 upstream headers', () => {
    // Act
    const event = apiGatewayV2Event({
      upstream: [
        { kind: 'w3c', ...UP },
        { kind: 'b3-single', ...UP },
      ],
    });
    const headers = event.headers as Record<string, string>;

    // Assert
    expect(extractW3c(headers)).toMatchObject(UP_IDS);
    expect(extractB3({ b3: headers.b3 ?? '' })).toMatchObject(UP_IDS);
  });
});
