import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BASE_ENDPOINT,
  defaultTracesUrl,
  grpcOrigin,
  isHostName,
  parseEndpoint,
  TRACES_PATH,
  tracesUrl,
  vendorBase,
} from '../src/endpoint.js';

describe('DEFAULT_BASE_ENDPOINT', () => {
  it('is localhost 4317 for gRPC and 4318 for HTTP', () => {
    expect(DEFAULT_BASE_ENDPOINT).toEqual({
      grpc: 'http://localhost:4317',
      http: 'http://localhost:4318',
    });
  });
});

describe('TRACES_PATH', () => {
  it('is the OTLP/HTTP traces path', () => {
    expect(TRACES_PATH).toBe('/v1/traces');
  });
});

describe('parseEndpoint', () => {
  it.each([
    ['http://collector:4318', 'http://collector:4318'],
    [' https://otlp.example.com/otlp ', 'https://otlp.example.com/otlp'],
    ['http://[::1]:4317', 'http://[::1]:4317'],
    ['collector:4317', undefined],
    ['localhost:4318', undefined],
    ['ftp://collector', undefined],
    ['file:///tmp/x', undefined],
    ['not a url', undefined],
    ['http://', undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseEndpoint(value)).toBe(expected);
  });
});

describe('tracesUrl', () => {
  it.each([
    ['http://c:4318', 'http/protobuf', 'http://c:4318/v1/traces'],
    ['http://c:4318/', 'http/json', 'http://c:4318/v1/traces'],
    ['https://gw.example.com/otlp//', 'http/protobuf', 'https://gw.example.com/otlp/v1/traces'],
    ['http://c:4317', 'grpc', 'http://c:4317'],
    ['http://c:4317/', 'grpc', 'http://c:4317/'],
  ] as const)('%s (%s) → %s', (base, protocol, expected) => {
    expect(tracesUrl(base, protocol)).toBe(expected);
  });
});

describe('defaultTracesUrl', () => {
  it.each([
    ['grpc', 'http://localhost:4317'],
    ['http/protobuf', 'http://localhost:4318/v1/traces'],
    ['http/json', 'http://localhost:4318/v1/traces'],
  ] as const)('%s → %s', (protocol, expected) => {
    expect(defaultTracesUrl(protocol)).toBe(expected);
  });
});

describe('vendorBase', () => {
  it.each([
    ['ingress.eu2.coralogix.com', 'https://ingress.eu2.coralogix.com'],
    ['ingress.eu2.coralogix.com:443', 'https://ingress.eu2.coralogix.com:443'],
    ['https://api.eu1.honeycomb.io/', 'https://api.eu1.honeycomb.io'],
    ['http://localhost:9999', 'http://localhost:9999'],
    ['ftp://x.example.com', undefined],
    ['has space.example.com', undefined],
  ])('%s → %s', (value, expected) => {
    expect(vendorBase(value)).toBe(expected);
  });
});

describe('grpcOrigin', () => {
  it.each([
    ['https://api.honeycomb.io', 'https://api.honeycomb.io:443'],
    ['https://ingress.eu2.coralogix.com:443/x', 'https://ingress.eu2.coralogix.com:443'],
    ['http://localhost', 'http://localhost:80'],
    ['http://localhost:4317', 'http://localhost:4317'],
  ])('%s → %s', (base, expected) => {
    expect(grpcOrigin(base)).toBe(expected);
  });
});

describe('isHostName', () => {
  it.each([
    ['datadoghq.com', true],
    ['us5.datadoghq.com', true],
    ['eu2', true],
    ['a..b', false],
    ['-lead.example', false],
    ['evil.com/path', false],
    ['user@host', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isHostName(value)).toBe(expected);
  });
});
