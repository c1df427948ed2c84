import type { SNSMessageAttributes, SQSMessageAttributes } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  md5OfMessageAttributes,
  snsCarrier,
  sqsCarrier,
  stringAttribute,
} from '../../src/events/sqs-attributes.js';
import {
  datadogCarrier,
  extractW3c,
  extractXray,
  UP,
  UP_DATADOG,
  UP_IDS,
} from '../support/propagation.js';

describe('stringAttribute', () => {
  it('has the Lambda event shape of a String attribute', () => {
    // Act
    const attribute = stringAttribute('acme');

    // Assert
    expectTypeOf(attribute).toEqualTypeOf<SQSMessageAttributes[string]>();
    expect(attribute).toStrictEqual({
      stringValue: 'acme',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'String',
    });
  });
});

describe('md5OfMessageAttributes', () => {
  // Digests SQS returns for these attributes, as published with AWS's documentation and
  // SDK test suites.
  it.each([
    [{ SellerName: stringAttribute('Example Store') }, 'cd28f3b68aeee4b2eac9c66f2f694b58'],
    [
      {
        ordinal: { ...stringAttribute('1'), dataType: 'Number' },
        category: stringAttribute('test'),
      },
      'd21ae90c49061e927f57df5f5d72be1f',
    ],
    [
      { timestamp: { ...stringAttribute('1493147359900'), dataType: 'Number' } },
      '235c5c510d26fb653d073faed50ae77c',
    ],
  ])('matches the digest SQS computes (%#)', (attributes, digest) => {
    expect(md5OfMessageAttributes(attributes)).toBe(digest);
  });

  it('hashes binary values by their bytes and is omitted without attributes', () => {
    // Arrange
    const binary = (base64: string) => ({
      binaryValue: base64,
      stringListValues: [],
      binaryListValues: [],
      dataType: 'Binary',
    });

    // Act / Assert
    expect(md5OfMessageAttributes({ b: binary('AAE=') })).not.toBe(
      md5OfMessageAttributes({ b: binary('AAI=') }),
    );
    expect(md5OfMessageAttributes({ b: binary('AAE=') })).not.toBe(
      md5OfMessageAttributes({ b: { ...stringAttribute('AAE='), dataType: 'Binary' } }),
    );
    expect(md5OfMessageAttributes({})).toBeUndefined();
  });
});

describe('sqsCarrier', () => {
  it('writes W3C headers as separate String attributes', () => {
    // Act
    const { messageAttributes, awsTraceHeader } = sqsCarrier([
      { kind: 'w3c', ...UP, tracestate: 'v=1', baggage: 'k=v' },
    ]);
    const carrier = Object.fromEntries(
      Object.entries(messageAttributes).map(([k, v]) => [k, v.stringValue ?? '']),
    );

    // Assert
    expect(Object.keys(messageAttributes)).toStrictEqual(['traceparent', 'tracestate', 'baggage']);
    expect(extractW3c(carrier)).toMatchObject(UP_IDS);
    expect(awsTraceHeader).toBeUndefined();
  });

  it('writes _datadog as a String of JSON and as Binary base64 JSON', () => {
    // Act
    const asString = sqsCarrier([{ kind: 'datadog-string', ...UP }]).messageAttributes._datadog;
    const asBinary = sqsCarrier([{ kind: 'datadog-binary', ...UP }]).messageAttributes._datadog;

    // Assert
    expect(asString?.dataType).toBe('String');
    expect(asBinary?.dataType).toBe('Binary');
    expect(asBinary?.stringValue).toBeUndefined();
    for (const carrier of [
      datadogCarrier({ string: asString?.stringValue }),
      datadogCarrier({ base64: asBinary?.binaryValue }),
    ]) {
      expect(carrier).toMatchObject({
        'x-datadog-trace-id': UP_DATADOG.traceId,
        'x-datadog-parent-id': UP_DATADOG.parentId,
      });
    }
  });

  it('puts X-Ray in the AWSTraceHeader system attribute, and none writes nothing', () => {
    // Act
    const xray = sqsCarrier([{ kind: 'xray', ...UP }]);
    const none = sqsCarrier([{ kind: 'none' }]);

    // Assert
    expect(xray.messageAttributes).toStrictEqual({});
    expect(extractXray(xray.awsTraceHeader ?? '')).toMatchObject(UP_IDS);
    expect(none).toStrictEqual({ messageAttributes: {} });
  });

  it('combines several kinds on one message', () => {
    // Act
    const carrier = sqsCarrier([
      { kind: 'w3c', ...UP },
      { kind: 'datadog-string', ...UP },
      { kind: 'xray', ...UP },
    ]);

    // Assert
    expect(Object.keys(carrier.messageAttributes).sort()).toStrictEqual([
      '_datadog',
      'traceparent',
    ]);
    expect(carrier.awsTraceHeader).toMatch(/^Root=1-/);
  });
});

describe('snsCarrier', () => {
  it('writes SNS-shaped attributes, binary as base64', () => {
    // Act
    const w3c = snsCarrier([{ kind: 'w3c', ...UP }]);
    const binary = snsCarrier([{ kind: 'datadog-binary', ...UP }]);
    const text = snsCarrier([{ kind: 'datadog-string', ...UP }, { kind: 'none' }]);

    // Assert
    expectTypeOf(w3c).toEqualTypeOf<SNSMessageAttributes>();
    expect(w3c.traceparent?.Type).toBe('String');
    expect(extractW3c({ traceparent: w3c.traceparent?.Value ?? '' })).toMatchObject(UP_IDS);
    expect(binary._datadog?.Type).toBe('Binary');
    expect(datadogCarrier({ base64: binary._datadog?.Value })['x-datadog-trace-id']).toBe(
      UP_DATADOG.traceId,
    );
    expect(text._datadog?.Type).toBe('String');
    expect(Object.keys(text)).toStrictEqual(['_datadog']);
  });
});
