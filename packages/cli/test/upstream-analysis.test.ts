import { readConfig } from '@lambda-otel-kit/core';
import { apiGatewayV1Event, sqsRecord, upstreamContext } from '@lambda-otel-kit/testing';
import { describe, expect, it } from 'vitest';
import { analyzeEvent, analyzeRecord } from '../src/upstream-analysis.js';

const up = upstreamContext({ seed: 3 });

describe('analyzeEvent', () => {
  it('finds a Datadog-only context the default propagators miss, and names datadog', () => {
    // Arrange
    const event = apiGatewayV1Event({ upstream: { kind: 'datadog', ...up } });
    // Act
    const analysis = analyzeEvent(event, readConfig({}, {}));
    // Assert
    expect(analysis.expected).toBeUndefined();
    expect(analysis.available?.spanId).toBe(up.spanId);
    expect(analysis.readableBy).toEqual(['datadog']);
    expect(analysis.missingPropagators).toEqual(['datadog']);
  });

  it('reports the expected parent when the configuration reads it', () => {
    // Act
    const analysis = analyzeEvent(
      apiGatewayV1Event({ upstream: { kind: 'w3c', ...up } }),
      readConfig({}, {}),
    );
    // Assert
    expect(analysis.expected).toEqual({
      traceId: up.traceId,
      spanId: up.spanId,
      source: 'http-headers',
    });
    expect(analysis.missingPropagators).toEqual([]);
  });
});

describe('analyzeRecord', () => {
  it('names the record source missing from LAMBDA_OTEL_RECORD_CONTEXT_ORDER', () => {
    // Arrange
    const record = sqsRecord({ upstream: { kind: 'xray', ...up } });
    const config = readConfig(
      {},
      { LAMBDA_OTEL_RECORD_CONTEXT_ORDER: 'message-attributes,datadog' },
    );
    // Act
    const analysis = analyzeRecord(record, config);
    // Assert
    expect(analysis.expected).toBeUndefined();
    expect(analysis.missingSources).toEqual(['aws-trace-header']);
  });

  it('finds nothing on a record without context', () => {
    // Act
    const analysis = analyzeRecord(sqsRecord({ body: 'x' }), readConfig({}, {}));
    // Assert
    expect(analysis).toMatchObject({ expected: undefined, available: undefined });
  });
});
