import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompositePropagator } from '../src/composite-propagator.js';
import {
  AWS_TRACE_HEADER,
  messageAttributesGetter,
  messageAttributeText,
  sqsSystemAttributesGetter,
} from '../src/sqs-record-carrier.js';
import { XRayPropagator } from '../src/xray-propagator.js';
import { anyValue, baseContext, numRuns } from './support/arbitraries.js';
import {
  snsRecord,
  sqsRecord,
  stringAttribute,
  upstreamContext,
  xrayTraceHeader,
} from './support/events.js';

const up = upstreamContext({ seed: 11 });
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('AWS_TRACE_HEADER', () => {
  it('is the SQS system attribute name', () => {
    expect(AWS_TRACE_HEADER).toBe('AWSTraceHeader');
  });
});

describe('messageAttributeText', () => {
  it.each<[string, unknown, string | undefined]>([
    ['Lambda string', stringAttribute('v'), 'v'],
    ['Lambda binary (base64)', { dataType: 'Binary', binaryValue: b64('{"a":1}') }, '{"a":1}'],
    ['SDK string', { DataType: 'String', StringValue: 'v' }, 'v'],
    ['SDK binary (bytes)', { DataType: 'Binary', BinaryValue: new TextEncoder().encode('b') }, 'b'],
    ['SNS string', { Type: 'String', Value: 'v' }, 'v'],
    ['SNS binary', { Type: 'Binary', Value: b64('b') }, 'b'],
    ['a broken binary', { dataType: 'Binary', binaryValue: '%%%' }, undefined],
    ['a list only', { dataType: 'String', stringListValues: ['a'] }, undefined],
    ['not an object', 'v', undefined],
  ])('reads %s', (_name, attribute, expected) => {
    expect(messageAttributeText(attribute)).toBe(expected);
  });
});

describe('messageAttributesGetter', () => {
  const w3c = createCompositePropagator(['tracecontext', 'baggage']);

  it('reads W3C attributes of a Lambda SQS record', () => {
    // Arrange
    const record = sqsRecord({ upstream: { kind: 'w3c', ...up } });
    // Act
    const ctx = w3c.extract(ROOT_CONTEXT, record.messageAttributes, messageAttributesGetter);
    // Assert
    expect(trace.getSpanContext(ctx)?.traceId).toBe(up.traceId);
  });

  it('reads binary attributes and SNS attributes', () => {
    // Arrange
    const binary = {
      traceparent: { dataType: 'Binary', binaryValue: b64(`00-${up.traceId}-${up.spanId}-01`) },
    };
    const sns = snsRecord({ upstream: { kind: 'w3c', ...up } }).Sns.MessageAttributes;
    // Act / Assert
    expect(
      trace.getSpanContext(w3c.extract(ROOT_CONTEXT, binary, messageAttributesGetter))?.spanId,
    ).toBe(up.spanId);
    expect(
      trace.getSpanContext(w3c.extract(ROOT_CONTEXT, sns, messageAttributesGetter))?.spanId,
    ).toBe(up.spanId);
  });

  it('matches names without regard to case and lists them', () => {
    const attributes = { TraceParent: stringAttribute('x') };
    expect(messageAttributesGetter.get(attributes, 'traceparent')).toBe('x');
    expect(messageAttributesGetter.keys(attributes)).toEqual(['TraceParent']);
  });

  it('leaves garbage unchanged (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          fc.dictionary(fc.constantFrom('traceparent', 'tracestate', 'baggage'), anyValue),
        ),
        (attributes) => {
          const result = w3c.extract(baseContext, attributes, messageAttributesGetter);
          expect(trace.getSpanContext(result)).toBe(trace.getSpanContext(baseContext));
        },
      ),
      { numRuns },
    );
  });
});

describe('sqsSystemAttributesGetter', () => {
  it('serves AWSTraceHeader as x-amzn-trace-id', () => {
    // Arrange
    const record = sqsRecord({ upstream: { kind: 'xray', ...up } });
    // Act
    const ctx = new XRayPropagator().extract(
      ROOT_CONTEXT,
      record.attributes,
      sqsSystemAttributesGetter,
    );
    // Assert
    expect(record.attributes.AWSTraceHeader).toBe(xrayTraceHeader(up));
    expect(trace.getSpanContext(ctx)?.traceId).toBe(up.traceId);
    expect(sqsSystemAttributesGetter.keys(record.attributes)).toEqual(['x-amzn-trace-id']);
    expect(sqsSystemAttributesGetter.get(record.attributes, 'traceparent')).toBeUndefined();
  });

  it('leaves garbage unchanged (fuzz)', () => {
    const xray = new XRayPropagator();
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ AWSTraceHeader: fc.string() })), (attributes) => {
        expect(xray.extract(baseContext, attributes, sqsSystemAttributesGetter)).toBe(baseContext);
      }),
      { numRuns },
    );
  });
});
