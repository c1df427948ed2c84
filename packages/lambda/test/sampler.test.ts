import type { SamplerName } from '@lambda-otel-kit/core';
import { type Context, context, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createSampler } from '../src/sampler.js';

const remoteParent = (sampled: boolean): Context =>
  trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });

/** Which of a root, a child of a sampled caller and a child of an unsampled caller are sampled. */
function decisions(name: SamplerName, ratio = 1): [boolean, boolean, boolean] {
  const provider = new BasicTracerProvider({ sampler: createSampler({ name, ratio }) });
  const tracer = provider.getTracer('sampler-test');
  const sampled = (parent: Context): boolean => {
    const span = tracer.startSpan('s', {}, parent);
    span.end();
    return (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
  };
  return [sampled(ROOT_CONTEXT), sampled(remoteParent(true)), sampled(remoteParent(false))];
}

/** Share of 2,000 root spans the sampler keeps. */
function rootShare(name: SamplerName, ratio: number): number {
  const tracer = new BasicTracerProvider({ sampler: createSampler({ name, ratio }) }).getTracer(
    'sampler-test',
  );
  let kept = 0;
  for (let i = 0; i < 2_000; i++) {
    if (tracer.startSpan('root', {}, context.active()).isRecording()) kept++;
  }
  return kept / 2_000;
}

describe('createSampler', () => {
  it.each([
    // name, [root, child of sampled caller, child of unsampled caller]
    ['always_on', [true, true, true]],
    ['always_off', [false, false, false]],
    ['parentbased_always_on', [true, true, false]],
    ['parentbased_always_off', [false, true, false]],
    ['traceidratio', [true, true, true]],
    ['parentbased_traceidratio', [true, true, false]],
  ] as const)('%s decides as the specification says (ratio 1)', (name, expected) => {
    expect(decisions(name, 1)).toEqual(expected);
  });

  it.each([
    ['traceidratio', [false, false, false]],
    ['parentbased_traceidratio', [false, true, false]],
  ] as const)(
    '%s with ratio 0 keeps no root, and follows the caller when parent-based',
    (name, expected) => {
      expect(decisions(name, 0)).toEqual(expected);
    },
  );

  it.each(['traceidratio', 'parentbased_traceidratio'] as const)(
    '%s keeps about the ratio of root spans',
    (name) => {
      const share = rootShare(name, 0.25);

      expect(share).toBeGreaterThan(0.19);
      expect(share).toBeLessThan(0.31);
    },
  );

  it('ignores the ratio for samplers that do not use one', () => {
    expect(rootShare('parentbased_always_on', 0)).toBe(1);
  });

  it('falls back to parentbased_always_on for a name it does not know', () => {
    expect(decisions('nonsense' as SamplerName)).toEqual([true, true, false]);
  });
});
