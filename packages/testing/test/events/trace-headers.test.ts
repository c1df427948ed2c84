import { TraceFlags } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { describe, expect, it } from 'vitest';
import {
  b3Headers,
  b3SingleHeader,
  datadogDecimalId,
  datadogHeaders,
  traceparent,
  upstreamContext,
  upstreamHeaders,
  w3cHeaders,
  xrayTraceHeader,
} from '../../src/events/trace-headers.js';
import {
  extractB3,
  extractW3c,
  extractXray,
  UP,
  UP_DATADOG,
  UP_IDS,
} from '../support/propagation.js';

describe('upstreamContext', () => {
  it('makes valid ids, the same for the same seed', () => {
    // Act
    const a = upstreamContext({ seed: 5 });
    const b = upstreamContext({ seed: 5 });
    const c = upstreamContext({ seed: 6 });

    // Assert
    expect(a).toStrictEqual(b);
    expect(a).not.toStrictEqual(c);
    expect(a.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.sampled).toBe(true);
    expect(extractW3c({ traceparent: traceparent(a) })?.traceId).toBe(a.traceId);
  });

  it('makes random ids without a seed and honours sampled', () => {
    // Act
    const a = upstreamContext({ sampled: false });
    const b = upstreamContext();

    // Assert
    expect(a.traceId).not.toBe(b.traceId);
    expect(a.sampled).toBe(false);
  });
});

describe('traceparent', () => {
  it.each([
    [true, TraceFlags.SAMPLED],
    [false, TraceFlags.NONE],
  ])('writes a header the W3C propagator reads back (sampled %s)', (sampled, flags) => {
    // Act
    const header = traceparent({ ...UP, sampled });

    // Assert
    expect(header).toBe(`00-${UP.traceId}-${UP.spanId}-0${flags}`);
    expect(extractW3c({ traceparent: header })).toMatchObject({ ...UP_IDS, traceFlags: flags });
  });
});

describe('w3cHeaders', () => {
  it('adds tracestate and baggage only when the context has them', () => {
    // Act
    const bare = w3cHeaders(UP);
    const full = w3cHeaders({ ...UP, tracestate: 'vendor=opaque,dd=s:1', baggage: 'tenant=acme' });

    // Assert
    expect(Object.keys(bare)).toStrictEqual(['traceparent']);
    expect(full).toMatchObject({ tracestate: 'vendor=opaque,dd=s:1', baggage: 'tenant=acme' });
    expect(extractW3c(full)?.traceState?.get('vendor')).toBe('opaque');
  });
});

describe('datadogDecimalId', () => {
  it.each([
    [UP.traceId, UP_DATADOG.traceId],
    [UP.spanId, UP_DATADOG.parentId],
    ['ffffffffffffffff', '18446744073709551615'],
    ['0000000000000001', '1'],
  ])('reads the low 64 bits of %s as %s', (hex, decimal) => {
    // Act / Assert
    expect(datadogDecimalId(hex)).toBe(decimal);
  });
});

describe('datadogHeaders', () => {
  it('writes decimal ids, priority, and the upper trace id half as _dd.p.tid', () => {
    // Act
    const headers = datadogHeaders({ ...UP, origin: 'lambda' });

    // Assert
    expect(headers).toStrictEqual({
      'x-datadog-trace-id': UP_DATADOG.traceId,
      'x-datadog-parent-id': UP_DATADOG.parentId,
      'x-datadog-sampling-priority': '1',
      'x-datadog-origin': 'lambda',
      'x-datadog-tags': `_dd.p.dm=-0,_dd.p.tid=${UP_DATADOG.tid}`,
    });
  });

  it.each([
    [{ sampled: false }, '0', undefined],
    [{ sampled: true, samplingPriority: 2 }, '2', '_dd.p.dm=-4'],
    [{ sampled: false, samplingPriority: -1 }, '-1', undefined],
  ])('maps %o to priority %s', (flags, priority, dm) => {
    // Act
    const headers = datadogHeaders({
      traceId: `${'0'.repeat(16)}${UP.traceId.slice(16)}`,
      spanId: UP.spanId,
      ...flags,
    });

    // Assert: a 64-bit id has no upper half, so no _dd.p.tid.
    expect(headers['x-datadog-sampling-priority']).toBe(priority);
    expect(headers['x-datadog-tags']).toBe(dm);
  });

  it('adds traceparent and a dd= tracestate member when asked, as dd-trace does', () => {
    // Act
    const headers = datadogHeaders(
      { ...UP, origin: 'synthetics', tracestate: 'other=1' },
      { withTraceContext: true },
    );
    const context = extractW3c(headers);

    // Assert
    expect(context).toMatchObject({ traceId: UP.traceId, spanId: UP.spanId, traceFlags: 1 });
    expect(headers.tracestate).toBe(
      `dd=s:1;o:synthetics;p:${UP.spanId};t.dm:-0;t.tid:${UP_DATADOG.tid},other=1`,
    );
    expect(new TraceState(headers.tracestate).get('other')).toBe('1');
  });
});

describe('xrayTraceHeader', () => {
  it('writes a header the X-Ray propagator reads back', () => {
    // Act
    const header = xrayTraceHeader(UP);

    // Assert
    expect(header).toBe(`Root=1-0af76519-16cd43dd8448eb211c80319c;Parent=${UP.spanId};Sampled=1`);
    expect(extractXray(header)).toMatchObject({ ...UP_IDS, traceFlags: 1 });
  });

  it('writes Sampled=?, Root only, and Lineage when asked', () => {
    // Act
    const undecided = xrayTraceHeader(UP, { undecided: true });
    const rootOnly = xrayTraceHeader(UP, { rootOnly: true });
    const lineage = xrayTraceHeader({ ...UP, sampled: false }, { lineage: '10:1234abcd:3' });

    // Assert
    expect(undecided).toMatch(/;Sampled=\?$/);
    expect(rootOnly).toBe('Root=1-0af76519-16cd43dd8448eb211c80319c');
    // The official propagator gives no context for a Root-only header (FACTS.md §C).
    expect(extractXray(rootOnly)).toBeUndefined();
    expect(lineage).toMatch(/;Sampled=0;Lineage=10:1234abcd:3$/);
    expect(extractXray(lineage)).toMatchObject({ traceId: UP.traceId, traceFlags: 0 });
  });
});

describe('b3Headers', () => {
  it('writes multi headers the B3 propagator reads back', () => {
    // Act
    const headers = b3Headers(UP);

    // Assert
    expect(headers).toStrictEqual({
      'x-b3-traceid': UP.traceId,
      'x-b3-spanid': UP.spanId,
      'x-b3-sampled': '1',
    });
    expect(extractB3(headers)).toMatchObject({ ...UP_IDS, traceFlags: 1 });
  });
});

describe('b3SingleHeader', () => {
  it('writes a single header the B3 propagator reads back', () => {
    // Act
    const header = b3SingleHeader({ ...UP, sampled: false });

    // Assert
    expect(header).toBe(`${UP.traceId}-${UP.spanId}-0`);
    expect(extractB3({ b3: header })).toMatchObject({ ...UP_IDS, traceFlags: 0 });
  });
});

describe('upstreamHeaders', () => {
  it.each([
    ['w3c', ['traceparent']],
    [
      'datadog',
      [
        'x-datadog-trace-id',
        'x-datadog-parent-id',
        'x-datadog-sampling-priority',
        'x-datadog-tags',
      ],
    ],
    ['xray', ['x-amzn-trace-id']],
    ['b3', ['x-b3-traceid', 'x-b3-spanid', 'x-b3-sampled']],
    ['b3-single', ['b3']],
    ['none', []],
  ] as const)('writes the %s headers', (kind, names) => {
    // Act
    const headers = upstreamHeaders({ kind, ...UP });

    // Assert
    expect(Object.keys(headers)).toStrictEqual(names);
  });

  it('writes nothing without an upstream', () => {
    expect(upstreamHeaders(undefined)).toStrictEqual({});
  });
});
