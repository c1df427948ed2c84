import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerValue, httpRequestAttributes, httpResponseStatus } from '../src/http-attributes.js';
import type { TriggerKind } from '../src/trigger.js';
import {
  albEvent,
  apiGatewayV1Event,
  apiGatewayV2Event,
  functionUrlEvent,
} from './support/events.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const request = {
  method: 'POST',
  path: '/orders/42',
  sourceIp: '198.51.100.7',
  userAgent: 'orders-client/2.1',
} as const;

describe('headerValue', () => {
  it('finds a header whatever the case of its name or of the name asked for', () => {
    const event = { headers: { 'X-Request-ID': 'abc' } };

    expect(headerValue(event, 'x-request-id')).toBe('abc');
    expect(headerValue(event, 'X-REQUEST-ID')).toBe('abc');
  });

  it('reads the first value of a multi-value header when there is no single-value map', () => {
    const event = { multiValueHeaders: { Accept: ['text/html', 'application/json'] } };

    expect(headerValue(event, 'accept')).toBe('text/html');
  });

  it('prefers the single-value map when both are present', () => {
    const event = { headers: { accept: 'b' }, multiValueHeaders: { accept: ['a', 'b'] } };

    expect(headerValue(event, 'accept')).toBe('b');
  });

  it.each([
    ['no header maps', {}],
    ['a header map that is an array', { headers: ['accept'] }],
    ['a non-string value', { headers: { accept: 7 } }],
    ['an empty multi-value list', { multiValueHeaders: { accept: [] } }],
  ])('returns undefined for %s', (_name, event) => {
    expect(headerValue(event, 'accept')).toBeUndefined();
  });
});

describe('httpRequestAttributes', () => {
  it('describes an API Gateway REST request, route from the resource template', () => {
    const event = apiGatewayV1Event({ ...request, resource: '/orders/{id}' });

    const attributes = httpRequestAttributes(event, 'api-gateway-rest');

    expect(attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/orders/42',
      'http.route': '/orders/{id}',
      'url.scheme': 'https',
      'server.address': event.requestContext.domainName,
      'user_agent.original': 'orders-client/2.1',
      'client.address': '198.51.100.7',
    });
  });

  it('adds url.query, with signed-URL credentials redacted, when the request has a query', () => {
    const event = apiGatewayV2Event({ ...request, query: { page: '2', sig: 'abc123' } });

    const attributes = httpRequestAttributes(event, 'api-gateway-http');

    expect(attributes['url.query']).toBe('page=2&sig=REDACTED');
    expect(JSON.stringify(attributes)).not.toContain('abc123');
  });

  it('reads API Gateway REST headers from multiValueHeaders alone, whatever their case', () => {
    const event = {
      ...apiGatewayV1Event({ ...request, headers: { 'X-FORWARDED-PROTO': 'http' } }),
      headers: {},
    };

    const attributes = httpRequestAttributes(event, 'api-gateway-rest');

    expect(event.multiValueHeaders['User-Agent']).toEqual(['orders-client/2.1']);
    expect(attributes).toMatchObject({
      'user_agent.original': 'orders-client/2.1',
      'url.scheme': 'http',
    });
  });

  it('describes an HTTP API request, route from the route key', () => {
    const event = apiGatewayV2Event({ ...request, routeKey: 'POST /orders/{id}' });

    const attributes = httpRequestAttributes(event, 'api-gateway-http');

    expect(attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/orders/42',
      'http.route': '/orders/{id}',
      'url.scheme': 'https',
      'server.address': event.requestContext.domainName,
      'user_agent.original': 'orders-client/2.1',
      'client.address': '198.51.100.7',
    });
  });

  it('leaves http.route out for the $default catch-all route', () => {
    const event = apiGatewayV2Event({ ...request, routeKey: '$default' });

    expect(httpRequestAttributes(event, 'api-gateway-http')).not.toHaveProperty('http.route');
  });

  it('describes a Function URL request, which has no route', () => {
    const event = functionUrlEvent(request);

    const attributes = httpRequestAttributes(event, 'function-url');

    expect(attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/orders/42',
      'url.scheme': 'https',
      'server.address': event.requestContext.domainName,
      'user_agent.original': 'orders-client/2.1',
      'client.address': '198.51.100.7',
    });
  });

  it.each([
    ['single-value', false],
    ['multi-value', true],
  ])('describes an ALB request with %s headers, host and client from the headers', (_n, multi) => {
    const event = albEvent({
      ...request,
      multiValue: multi,
      headers: { 'x-forwarded-for': '198.51.100.7, 10.0.0.1', host: 'orders.example.com' },
    });

    const attributes = httpRequestAttributes(event, 'alb');

    expect(attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/orders/42',
      'url.scheme': 'https',
      'server.address': 'orders.example.com',
      'user_agent.original': 'orders-client/2.1',
      'client.address': '198.51.100.7',
    });
  });

  it('takes the route only from the field of the trigger it was told', () => {
    const event = apiGatewayV1Event({ ...request, resource: '/orders/{id}' });

    expect(httpRequestAttributes(event, 'alb')).not.toHaveProperty('http.route');
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'GET /'],
    ['an array', [{ httpMethod: 'GET' }]],
  ])('returns no attributes for %s', (_name, event) => {
    expect(httpRequestAttributes(event, 'api-gateway-rest')).toEqual({});
  });

  it('leaves out fields of the wrong type', () => {
    const event = { httpMethod: 7, path: '', requestContext: { http: 'GET', identity: [] } };

    expect(httpRequestAttributes(event, 'api-gateway-rest')).toEqual({ 'url.scheme': 'https' });
  });

  it('never throws and sets only string attributes, whatever JSON it is given', () => {
    const kinds: TriggerKind[] = ['api-gateway-rest', 'api-gateway-http', 'alb', 'function-url'];

    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...kinds), (event, kind) => {
        const attributes = httpRequestAttributes(event, kind);
        for (const value of Object.values(attributes)) expect(typeof value).toBe('string');
      }),
      { numRuns },
    );
  });
});

describe('httpResponseStatus', () => {
  it.each([
    ['a structured response', { statusCode: 201, body: '' }, 201],
    ['a 5xx', { statusCode: 503 }, 503],
    ['a status code written as a string', { statusCode: '404' }, 404],
    ['an object without statusCode (a JSON body)', { orderId: 42 }, 200],
    ['a plain string body', 'hello', 200],
    ['null', null, 200],
    ['undefined', undefined, 200],
    ['a status code below 100', { statusCode: 99 }, undefined],
    ['a status code above 599', { statusCode: 600 }, undefined],
    ['a fractional status code', { statusCode: 200.5 }, undefined],
    ['a status code of another type', { statusCode: true }, undefined],
    ['a status code string with text', { statusCode: '200 OK' }, undefined],
  ])('answers for %s', (_name, result, expected) => {
    expect(httpResponseStatus(result)).toBe(expected);
  });

  it('never throws and answers a valid code or undefined, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (result) => {
        const status = httpResponseStatus(result);
        if (status !== undefined) {
          expect(Number.isInteger(status) && status >= 100 && status <= 599).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});
