import { Metadata } from '@grpc/grpc-js';
import { trace as otelTrace, ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../src/otlp-receiver.js';
import type { OtlpReceiver } from '../src/otlp-types.js';
import { assertTreeShape, findSpan, findSpans, treeMismatches } from '../src/span-tree-assert.js';
import type { SpanShape } from '../src/span-tree-types.js';
import { id, sqsTrace, trace } from './support/spans.js';

/** The shape of {@link sqsTrace}, complete enough for `exact`. */
const SQS_SHAPE: SpanShape[] = [
  {
    name: 'lambda.invoke',
    kind: 'SERVER',
    parentSpanId: null,
    attributes: { 'faas.trigger': 'pubsub' },
    children: [
      { name: 'sqs.process', kind: 'CONSUMER' },
      {
        name: 'sqs.process',
        kind: 'CONSUMER',
        status: { code: 'ERROR', message: 'boom' },
        events: [{ name: 'exception', attributes: { 'exception.message': 'boom' } }],
      },
      {
        name: 'sqs.batch',
        kind: 'CONSUMER',
        attributes: { 'messaging.batch.message_count': 2 },
        links: [
          { name: 'sqs.process', spanId: id(2), attributes: { 'messaging.message.id': 'm-1' } },
          { traceId: trace('b'), attributes: { 'messaging.message.id': 'm-2' } },
        ],
      },
    ],
  },
  { name: 'sqs.process', orphan: true, parentSpanId: id(7) },
];

describe('treeMismatches', () => {
  it('finds nothing when the trees match, in loose and exact mode', () => {
    expect(treeMismatches(sqsTrace(), SQS_SHAPE)).toStrictEqual([]);
    expect(treeMismatches(sqsTrace(), SQS_SHAPE, { exact: true })).toStrictEqual([]);
  });

  it('names every difference with the path to the span', () => {
    // Arrange
    const [root, orphan] = SQS_SHAPE as [SpanShape, SpanShape];
    const wrong: SpanShape[] = [
      {
        ...root,
        kind: 'CLIENT',
        attributes: { 'faas.trigger': /^http$/ },
        children: [
          { name: 'sqs.process', status: 'OK' },
          { name: 'sqs.process', events: ['retry'] },
          {
            name: 'sqs.batch',
            links: [{ name: 'nope' }, { attributes: { 'messaging.message.id': 'm-9' } }],
          },
        ],
      },
      { ...orphan, orphan: false },
    ];

    // Act
    const differences = treeMismatches(sqsTrace(), wrong);

    // Assert
    expect(differences).toStrictEqual([
      'lambda.invoke: kind expected CLIENT, got SERVER',
      'lambda.invoke: attribute "faas.trigger" expected /^http$/, got "pubsub"',
      'lambda.invoke › sqs.process[0]: status expected OK, got UNSET',
      'lambda.invoke › sqs.process[1]: events expected [{name: "retry"}], got [{name: "exception", attributes: {exception.message: "boom"}}]',
      'lambda.invoke › sqs.batch: link[0] target name expected "nope", got "sqs.process"',
      'lambda.invoke › sqs.batch: link[1] attribute "messaging.message.id" expected "m-9", got "m-2"',
      'sqs.process: expected not an orphan, got the opposite',
    ]);
  });

  it('in exact mode, reports attributes, links, events and children the shape leaves out', () => {
    // Act
    const differences = treeMismatches(
      sqsTrace(),
      [{ name: 'lambda.invoke', children: [{}, {}, { name: 'sqs.batch', links: 2 }] }, {}],
      { exact: true },
    );

    // Assert
    expect(differences).toStrictEqual([
      'lambda.invoke: attribute "faas.trigger" not expected, got "pubsub"',
      'lambda.invoke › sqs.process[1]: status expected UNSET, got ERROR',
      'lambda.invoke › sqs.process[1]: events expected [], got [{name: "exception", attributes: {exception.message: "boom"}}]',
      'lambda.invoke › sqs.batch: attribute "messaging.batch.message_count" not expected, got 2',
    ]);
  });

  it('reports a different number of top-level spans or children', () => {
    expect(treeMismatches(sqsTrace(), { name: 'lambda.invoke' })).toStrictEqual([
      'expected 1 top-level span(s), got 2 [lambda.invoke SERVER, sqs.process CONSUMER (orphan)]',
    ]);
    expect(
      treeMismatches(sqsTrace(), [{ children: [{ name: 'sqs.batch', kind: 'CONSUMER' }] }, {}]),
    ).toStrictEqual([
      'lambda.invoke: expected 1 child span(s) [sqs.batch CONSUMER], got 3 [sqs.process CONSUMER, sqs.process CONSUMER, sqs.batch CONSUMER]',
    ]);
  });
});

describe('assertTreeShape', () => {
  it('passes on a match and throws an AssertionError listing differences and the tree', () => {
    // Act / Assert
    expect(() => assertTreeShape(sqsTrace(), SQS_SHAPE, { exact: true })).not.toThrow();
    let thrown: unknown;
    try {
      assertTreeShape(sqsTrace(), [{ name: 'lambda.invoke', kind: 'CLIENT' }, {}], {
        attributes: ['faas.trigger'],
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('AssertionError');
    expect((thrown as Error).message).toContain(
      '  - lambda.invoke: kind expected CLIENT, got SERVER',
    );
    expect((thrown as Error).message).toContain(
      `lambda.invoke SERVER [${id(1)}] {faas.trigger="pubsub"}`,
    );
  });
});

describe('findSpans', () => {
  it('finds spans by shape (children ignored) or by predicate', () => {
    expect(findSpans(sqsTrace(), { name: 'sqs.process', children: [{}] })).toHaveLength(3);
    expect(findSpans(sqsTrace(), { status: 'ERROR' }).map((n) => n.spanId)).toStrictEqual([id(3)]);
    expect(findSpans(sqsTrace(), (n) => n.links.length > 0).map((n) => n.name)).toStrictEqual([
      'sqs.batch',
    ]);
    expect(findSpans(sqsTrace(), { name: 'missing' })).toStrictEqual([]);
  });
});

describe('findSpan', () => {
  it('returns the one match and throws on none or several', () => {
    expect(findSpan(sqsTrace(), { name: 'sqs.batch' }).links).toHaveLength(2);
    expect(() => findSpan(sqsTrace(), { name: 'sqs.process' })).toThrow(
      /exactly one span matching the shape, found 3\nreceived:\ntrace 1/,
    );
    expect(() =>
      findSpan(sqsTrace(), function hasNoName() {
        return false;
      }),
    ).toThrow(/matching <hasNoName>, found 0/);
  });
});

/** The three real OTLP exporters, pointed at the receiver. */
const EXPORTERS: ReadonlyArray<[string, (r: OtlpReceiver) => SpanExporter]> = [
  ['grpc', (r) => new GrpcExporter({ url: r.grpcUrl!, metadata: new Metadata() })],
  ['http/protobuf', (r) => new ProtoExporter({ url: r.tracesUrl! })],
  ['http/json', (r) => new JsonExporter({ url: r.tracesUrl! })],
];

describe('assertTreeShape on spans from real exporters', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  it.each(EXPORTERS)(
    'asserts exactly the tree the %s exporter sent, links and their attributes included',
    async (_, create) => {
      // Arrange: an upstream producer in another trace, then the kit's SQS shape.
      receiver.clear();
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': 'tree-test' }),
        spanProcessors: [new BatchSpanProcessor(create(receiver))],
      });
      const tracer = provider.getTracer('tree-test');
      const ms = (n: number): [number, number] => [1_700_000_000, n * 1_000_000];
      const producer = tracer.startSpan('orders send', {
        kind: SpanKind.PRODUCER,
        startTime: ms(0),
      });
      producer.end(ms(1));
      const invoke = tracer.startSpan('lambda.invoke', {
        kind: SpanKind.SERVER,
        startTime: ms(2),
        attributes: { 'faas.trigger': 'pubsub', 'faas.coldstart': true },
      });
      const parent = otelTrace.setSpan(ROOT_CONTEXT, invoke);
      const record = tracer.startSpan(
        'sqs.process',
        {
          kind: SpanKind.CONSUMER,
          startTime: ms(3),
          attributes: { 'messaging.message.id': 'm-1' },
          links: [{ context: producer.spanContext(), attributes: { 'link.kind': 'upstream' } }],
        },
        parent,
      );
      record.recordException(new Error('boom'), ms(4));
      record.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
      record.end(ms(5));
      const batch = tracer.startSpan(
        'sqs.batch',
        {
          kind: SpanKind.CONSUMER,
          startTime: ms(6),
          attributes: { 'messaging.batch.message_count': 1 },
          links: [
            {
              context: record.spanContext(),
              attributes: { 'messaging.message.id': 'm-1', 'link.index': 0, 'link.ok': false },
            },
          ],
        },
        parent,
      );
      batch.end(ms(7));
      invoke.end(ms(8));

      // Act
      await provider.shutdown();
      const spans = await receiver.waitForSpans(4);

      // Assert
      assertTreeShape(
        spans,
        [
          { name: 'orders send', kind: 'PRODUCER', parentSpanId: null, attributes: {} },
          {
            name: 'lambda.invoke',
            kind: 'SERVER',
            parentSpanId: null,
            attributes: { 'faas.trigger': 'pubsub', 'faas.coldstart': true },
            children: [
              {
                name: 'sqs.process',
                kind: 'CONSUMER',
                spanId: record.spanContext().spanId,
                attributes: { 'messaging.message.id': 'm-1' },
                status: { code: 'ERROR', message: 'boom' },
                events: [{ name: 'exception', attributes: { 'exception.message': 'boom' } }],
                links: [
                  {
                    name: 'orders send',
                    traceId: producer.spanContext().traceId,
                    spanId: producer.spanContext().spanId,
                    attributes: { 'link.kind': 'upstream' },
                  },
                ],
              },
              {
                name: 'sqs.batch',
                kind: 'CONSUMER',
                attributes: { 'messaging.batch.message_count': 1 },
                links: [
                  {
                    name: 'sqs.process',
                    spanId: record.spanContext().spanId,
                    attributes: {
                      'messaging.message.id': 'm-1',
                      'link.index': 0,
                      'link.ok': false,
                    },
                  },
                ],
              },
            ],
          },
        ],
        { exact: true },
      );
      // And the same assertion fails when one link attribute differs.
      expect(
        treeMismatches(spans, [
          {},
          { children: [{}, { links: [{ attributes: { 'link.index': 1 } }] }] },
        ]),
      ).toStrictEqual([
        'lambda.invoke › sqs.batch: link[0] attribute "link.index" expected 1, got 0',
      ]);
    },
  );
});
