import type { TreeSpan } from '../../src/span-tree-types.js';

/** 2023-11-14T22:13:20Z in nanoseconds: where fixture timelines start. */
export const T0 = 1_700_000_000_000_000_000n;

/** Nanoseconds `ms` milliseconds after {@link T0}. */
export const at = (ms: number): bigint => T0 + BigInt(Math.round(ms * 1e6));

/** Trace ids of the fixtures: `a…a`, `b…b`, …. */
export const trace = (letter: string): string => letter.repeat(32);

/** Span ids of the fixtures: `1…1`, `2…2`, …. */
export const id = (digit: number | string): string => String(digit).repeat(16);

/**
 * A span record for tree tests: `sid` names the span id digit, `parent` the parent's,
 * `from`/`to` its times in milliseconds; everything else as given.
 */
export function span(
  name: string,
  options: {
    sid: number;
    parent?: number;
    traceLetter?: string;
    kind?: number | string;
    from?: number;
    to?: number;
  } & Partial<Omit<TreeSpan, 'traceId' | 'spanId' | 'parentSpanId' | 'name' | 'kind'>>,
): TreeSpan {
  const { sid, parent, traceLetter = 'a', kind = 0, from = 0, to = 1, ...rest } = options;
  return {
    traceId: trace(traceLetter),
    spanId: id(sid),
    ...(parent !== undefined && { parentSpanId: id(parent) }),
    name,
    kind,
    startTimeUnixNano: at(from),
    endTimeUnixNano: at(to),
    ...rest,
  };
}

/**
 * The kit's SQS shape: lambda.invoke → two sqs.process (the second failed) → sqs.batch
 * linking both, plus one orphan in another trace whose parent was not received.
 */
export function sqsTrace(): TreeSpan[] {
  return [
    span('sqs.batch', {
      sid: 4,
      parent: 1,
      kind: 4,
      from: 41,
      to: 45,
      attributes: { 'messaging.batch.message_count': 2 },
      links: [
        { traceId: trace('a'), spanId: id(2), attributes: { 'messaging.message.id': 'm-1' } },
        { traceId: trace('b'), spanId: id(6), attributes: { 'messaging.message.id': 'm-2' } },
      ],
    }),
    span('lambda.invoke', {
      sid: 1,
      kind: 1,
      from: 0,
      to: 50,
      attributes: { 'faas.trigger': 'pubsub' },
      resource: { 'service.name': 'orders' },
    }),
    span('sqs.process', { sid: 2, parent: 1, kind: 4, from: 1, to: 21 }),
    span('sqs.process', {
      sid: 3,
      parent: 1,
      kind: 4,
      from: 22,
      to: 40,
      status: { code: 2, message: 'boom' },
      events: [{ name: 'exception', attributes: { 'exception.message': 'boom' } }],
    }),
    span('sqs.process', { sid: 6, parent: 7, traceLetter: 'b', kind: 4, from: 60, to: 61 }),
  ];
}
