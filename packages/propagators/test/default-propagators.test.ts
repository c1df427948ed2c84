import { describe, expect, it } from 'vitest';
import { KitCompositePropagator } from '../src/composite-propagator.js';
import {
  datadogJsonPropagator,
  defaultMessagePropagator,
  xrayPropagator,
} from '../src/default-propagators.js';
import { XRayPropagator } from '../src/xray-propagator.js';

describe('defaultMessagePropagator', () => {
  it('is W3C trace-context and baggage, built once', () => {
    const propagator = defaultMessagePropagator() as KitCompositePropagator;
    expect(propagator.names).toEqual(['tracecontext', 'baggage']);
    expect(defaultMessagePropagator()).toBe(propagator);
  });
});

describe('datadogJsonPropagator', () => {
  it('reads Datadog headers and the W3C headers dd-trace writes beside them', () => {
    expect((datadogJsonPropagator() as KitCompositePropagator).names).toEqual([
      'datadog',
      'tracecontext',
      'baggage',
    ]);
    expect(datadogJsonPropagator()).toBeInstanceOf(KitCompositePropagator);
  });
});

describe('xrayPropagator', () => {
  it('is an X-Ray propagator, built once', () => {
    expect(xrayPropagator()).toBeInstanceOf(XRayPropagator);
    expect(xrayPropagator()).toBe(xrayPropagator());
  });
});
