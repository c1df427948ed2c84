import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createCompositePropagator } from '../src/composite-propagator.js';
import { sdkMessageAttributesSetter } from '../src/sdk-message-attributes-carrier.js';
import { messageAttributesGetter } from '../src/sqs-record-carrier.js';
import type { SdkMessageAttributeValue } from '../src/types.js';

describe('sdkMessageAttributesSetter', () => {
  it('writes PascalCase String attributes that the getter reads back', () => {
    // Arrange
    const propagator = createCompositePropagator(['tracecontext']);
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 1,
    });
    const attributes: Record<string, SdkMessageAttributeValue> = {};
    // Act
    propagator.inject(ctx, attributes, sdkMessageAttributesSetter);
    const back = propagator.extract(ROOT_CONTEXT, attributes, messageAttributesGetter);
    // Assert
    expect(attributes).toEqual({
      traceparent: {
        DataType: 'String',
        StringValue: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
    });
    expect(trace.getSpanContext(back)?.spanId).toBe('00f067aa0ba902b7');
  });
});
