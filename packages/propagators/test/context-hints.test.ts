import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  allowLambdaEnvFallback,
  getOtherUpstreamContexts,
  getXRayLineage,
  hasRandomTraceIdFlag,
  isLambdaEnvFallbackOff,
  isSamplingDeferred,
  isSyntheticParent,
  markRandomTraceId,
  markSamplingDeferred,
  markSyntheticParent,
  setOtherContexts,
  setXRayLineage,
  withoutLambdaEnvFallback,
} from '../src/context-hints.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const remote = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: TRACE,
  spanId: '00f067aa0ba902b7',
  traceFlags: 0,
  isRemote: true,
});
const local = trace.setSpanContext(remote, {
  traceId: TRACE,
  spanId: '1111111111111111',
  traceFlags: 1,
});

describe('markRandomTraceId / hasRandomTraceIdFlag', () => {
  it('ties the flag to one trace id', () => {
    const ctx = markRandomTraceId(ROOT_CONTEXT, TRACE);
    expect(hasRandomTraceIdFlag(ctx, TRACE)).toBe(true);
    expect(hasRandomTraceIdFlag(ctx, 'a'.repeat(32))).toBe(false);
  });
});

describe('isSamplingDeferred', () => {
  it('holds for the remote span context of the marked trace only', () => {
    const marked = markSamplingDeferred(remote, TRACE);
    expect(isSamplingDeferred(marked)).toBe(true);
    expect(
      isSamplingDeferred(
        trace.setSpanContext(marked, { traceId: TRACE, spanId: '1111111111111111', traceFlags: 1 }),
      ),
    ).toBe(false);
    expect(isSamplingDeferred(markSamplingDeferred(remote, 'a'.repeat(32)))).toBe(false);
    expect(isSamplingDeferred(ROOT_CONTEXT)).toBe(false);
  });
});

describe('isSyntheticParent', () => {
  it('holds for the remote span context of the marked trace only', () => {
    expect(isSyntheticParent(markSyntheticParent(remote, TRACE))).toBe(true);
    expect(
      isSyntheticParent(
        trace.setSpanContext(
          markSyntheticParent(remote, TRACE),
          trace.getSpanContext(local) ?? { traceId: '', spanId: '', traceFlags: 0 },
        ),
      ),
    ).toBe(false);
  });
});

describe('setXRayLineage / getXRayLineage', () => {
  it('keeps the lineage of one trace', () => {
    const ctx = setXRayLineage(ROOT_CONTEXT, TRACE, 'a:1');
    expect(getXRayLineage(ctx, TRACE)).toBe('a:1');
    expect(getXRayLineage(ctx, 'b'.repeat(32))).toBeUndefined();
  });
});

describe('getOtherUpstreamContexts', () => {
  it('returns a copy of what setOtherContexts stored, or nothing', () => {
    const other = { traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), traceFlags: 1 };
    const ctx = setOtherContexts(ROOT_CONTEXT, [other]);
    expect(getOtherUpstreamContexts(ctx)).toEqual([other]);
    expect(setOtherContexts(ROOT_CONTEXT, [])).toBe(ROOT_CONTEXT);
    expect(getOtherUpstreamContexts(ROOT_CONTEXT)).toEqual([]);
  });
});

describe('withoutLambdaEnvFallback / allowLambdaEnvFallback', () => {
  it('sets and removes the mark', () => {
    const quiet = withoutLambdaEnvFallback(ROOT_CONTEXT);
    expect(isLambdaEnvFallbackOff(quiet)).toBe(true);
    expect(isLambdaEnvFallbackOff(allowLambdaEnvFallback(quiet))).toBe(false);
  });
});
