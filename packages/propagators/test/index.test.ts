import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('index', () => {
  it('exports what the kit packages import', () => {
    // Arrange
    const used = [
      'createPropagator',
      'createCompositePropagator',
      'KitCompositePropagator',
      'extractEventContext',
      'extractRecordContext',
      'DEFAULT_RECORD_CONTEXT_ORDER',
      'lambdaHttpEventGetter',
      'httpHeadersGetter',
      'clientContextGetter',
      'messageAttributesGetter',
      'sqsSystemAttributesGetter',
      'sdkMessageAttributesSetter',
      'injectIntoSendMessage',
      'injectIntoSendMessageBatch',
      'injectIntoPublish',
      'MAX_MESSAGE_ATTRIBUTES',
      'XRayLambdaPropagator',
      'XRayPropagator',
      'DatadogPropagator',
      'TraceContextPropagator',
      'isSamplingDeferred',
      'isSyntheticParent',
      'getOtherUpstreamContexts',
    ];
    // Act
    const missing = used.filter((name) => !(name in api));
    // Assert
    expect(missing).toEqual([]);
  });

  it('does no work at import: every export is a function, a class or a constant', () => {
    for (const value of Object.values(api)) {
      expect(['function', 'string', 'number', 'object']).toContain(typeof value);
    }
  });
});
