import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeJsonRequest,
  decodeProtobufRequest,
  encodeExportResponse,
  encodeRpcStatus,
  interop,
  loadOtlpProto,
} from '../src/otlp-proto.js';
import { toReceivedSpans } from '../src/otlp-spans.js';
import { toHexId } from '../src/otlp-values.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

/** A one-span request in the generated types' object form (ids as bytes). */
const requestObject = () => ({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
      scopeSpans: [
        {
          scope: { name: 'scope' },
          spans: [
            {
              traceId: Buffer.from(TRACE_ID, 'hex'),
              spanId: Buffer.from(SPAN_ID, 'hex'),
              name: 'one',
              kind: 2,
              startTimeUnixNano: '1544712660000000000',
              endTimeUnixNano: '1544712661000000000',
            },
          ],
        },
      ],
    },
  ],
});

describe('loadOtlpProto', () => {
  it('loads the generated TraceService types once', async () => {
    const first = await loadOtlpProto();

    const second = await loadOtlpProto();

    expect(second).toBe(first);
    expect(typeof first.request.decode).toBe('function');
    expect(typeof first.response.encode).toBe('function');
  });
});

describe('decodeProtobufRequest', () => {
  it('decodes bytes encoded with the same types', async () => {
    const proto = await loadOtlpProto();
    const bytes = proto.request.encode(proto.request.fromObject(requestObject())).finish();

    const message = decodeProtobufRequest(proto, bytes);

    const span = message?.resourceSpans[0]?.scopeSpans[0]?.spans[0];
    expect(span?.name).toBe('one');
    expect(toHexId(span?.traceId)).toBe(TRACE_ID);
  });

  it('returns undefined for bytes that are not a protobuf message', async () => {
    const proto = await loadOtlpProto();

    expect(decodeProtobufRequest(proto, Buffer.from('not a protobuf'))).toBeUndefined();
    expect(decodeProtobufRequest(proto, Buffer.from([0x0a, 0xff]))).toBeUndefined();
  });

  it('turns arbitrary bytes into undefined or a message that flattens without throwing', async () => {
    const proto = await loadOtlpProto();
    const valid = proto.request.encode(proto.request.fromObject(requestObject())).finish();
    const mutated = fc
      .tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }))
      .map(([index, byte]) => Uint8Array.from(valid, (value, i) => (i === index ? byte : value)));

    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 256 }), mutated), (bytes) => {
        const message = decodeProtobufRequest(proto, bytes);
        if (message) expect(Array.isArray(toReceivedSpans(message, 'grpc'))).toBe(true);
      }),
      { numRuns },
    );
  });
});

describe('decodeJsonRequest', () => {
  it('reads hex ids in either case, enum numbers and 64-bit integers as strings', async () => {
    const proto = await loadOtlpProto();
    const text = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: TRACE_ID.toUpperCase(),
                  spanId: SPAN_ID,
                  kind: 5,
                  startTimeUnixNano: '1544712660000000001',
                },
              ],
            },
          ],
        },
      ],
    });

    const span = decodeJsonRequest(proto, text)?.resourceSpans[0]?.scopeSpans[0]?.spans[0];

    expect(toHexId(span?.traceId)).toBe(TRACE_ID);
    expect(toHexId(span?.spanId)).toBe(SPAN_ID);
    expect(span?.kind).toBe(5);
    expect(String(span?.startTimeUnixNano)).toBe('1544712660000000001');
  });

  it.each([
    ['not JSON', '{"resourceSpans": ['],
    ['an array', '[]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['ids that are not hex', '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz"}]}]}]}'],
    ['ids of odd length', '{"resourceSpans":[{"scopeSpans":[{"spans":[{"spanId":"abc"}]}]}]}'],
    ['a field of the wrong shape', '{"resourceSpans": 5}'],
    ['spans of the wrong shape', '{"resourceSpans":[{"scopeSpans":[{"spans":[7]}]}]}'],
  ])('returns undefined for %s', async (_case, text) => {
    const proto = await loadOtlpProto();

    expect(decodeJsonRequest(proto, text)).toBeUndefined();
  });

  it('accepts an empty request', async () => {
    const proto = await loadOtlpProto();

    expect(decodeJsonRequest(proto, '{}')?.resourceSpans).toStrictEqual([]);
  });

  it('turns arbitrary JSON into undefined or a message that flattens without throwing', async () => {
    // Arrange: requests of the OTLP/JSON shape, every field sometimes replaced by arbitrary
    // JSON, ids sometimes malformed, plus arbitrary text. Collections stay small so a run is
    // fast; the mostly well-formed mix makes many cases decode down to spans, links and
    // attributes, so the flattening really runs on hostile values.
    const proto = await loadOtlpProto();
    const few = { maxLength: 3 };
    const junk = fc.jsonValue({ maxDepth: 3, depthSize: 'xsmall' });
    const either = <T>(good: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: junk });
    const hex = fc.oneof(
      { weight: 10, arbitrary: fc.stringMatching(/^(?:[0-9a-fA-F]{2}){8}$/) },
      { weight: 10, arbitrary: fc.stringMatching(/^(?:[0-9a-fA-F]{2}){16}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{0,33}$/) },
      { weight: 1, arbitrary: fc.string() },
    );
    const int64 = fc.oneof(
      fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
      fc.integer(),
      fc.double(),
    );
    const { anyValue } = fc.letrec((tie) => ({
      anyValue: fc.oneof(
        { depthSize: 'xsmall', withCrossShrink: true },
        fc.record({ stringValue: fc.string() }),
        fc.record({ boolValue: fc.boolean() }),
        fc.record({ intValue: int64 }),
        fc.record({ doubleValue: fc.double() }),
        fc.record({ bytesValue: fc.base64String() }),
        fc.record({ arrayValue: fc.record({ values: fc.array(tie('anyValue'), few) }) }),
        fc.record({
          kvlistValue: fc.record({
            values: fc.array(fc.record({ key: fc.string(), value: tie('anyValue') }), few),
          }),
        }),
        junk,
      ),
    }));
    const keyValues = either(
      fc.array(fc.record({ key: either(fc.string()), value: anyValue }, { requiredKeys: [] }), few),
    );
    const optional = { requiredKeys: [] as [] };
    const span = fc.record(
      {
        traceId: hex,
        spanId: hex,
        parentSpanId: hex,
        traceState: either(fc.string()),
        flags: either(fc.integer()),
        name: either(fc.string()),
        kind: either(fc.integer({ min: -1, max: 7 })),
        startTimeUnixNano: either(int64),
        endTimeUnixNano: either(int64),
        attributes: keyValues,
        events: either(
          fc.array(
            fc.record(
              { name: either(fc.string()), timeUnixNano: either(int64), attributes: keyValues },
              optional,
            ),
            few,
          ),
        ),
        links: either(
          fc.array(
            fc.record(
              { traceId: hex, spanId: hex, traceState: either(fc.string()), attributes: keyValues },
              optional,
            ),
            few,
          ),
        ),
        status: either(
          fc.record(
            { code: either(fc.integer({ min: -1, max: 3 })), message: either(fc.string()) },
            optional,
          ),
        ),
      },
      optional,
    );
    const scopeSpans = fc.record(
      {
        scope: either(fc.record({ name: fc.string(), version: fc.string() }, optional)),
        spans: either(fc.array(span, few)),
      },
      optional,
    );
    const request = fc.record(
      {
        resourceSpans: either(
          fc.array(
            fc.record(
              {
                resource: either(fc.record({ attributes: keyValues })),
                scopeSpans: either(fc.array(scopeSpans, few)),
              },
              optional,
            ),
            { maxLength: 2 },
          ),
        ),
      },
      optional,
    );
    let decodedSpans = 0;

    // Act / Assert
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 5, arbitrary: request.map((object) => JSON.stringify(object)) },
          { weight: 1, arbitrary: junk.map((value) => JSON.stringify(value)) },
          { weight: 1, arbitrary: fc.string() },
        ),
        (text) => {
          const message = decodeJsonRequest(proto, text);
          if (!message) return;
          const spans = toReceivedSpans(message, 'http/json');
          decodedSpans += spans.length;
          for (const received of spans) {
            expect(received.traceId).toMatch(/^(?:[0-9a-f]{2})*$/);
            expect(typeof received.startTimeUnixNano).toBe('bigint');
          }
        },
      ),
      { numRuns },
    );
    // The generator is only worth its runs when many cases reach the span flattening.
    if (numRuns >= 1_000) expect(decodedSpans).toBeGreaterThan(numRuns / 20);
  });
});

describe('encodeExportResponse', () => {
  it('encodes a fully accepted response as an empty message', async () => {
    const proto = await loadOtlpProto();

    expect(encodeExportResponse(proto)).toHaveLength(0);
  });
});

describe('encodeRpcStatus', () => {
  it('writes the code as field 1 and the message as field 2', async () => {
    const proto = await loadOtlpProto();

    const bytes = encodeRpcStatus(proto, 3, 'bad');

    expect([...bytes]).toStrictEqual([0x08, 3, 0x12, 3, 0x62, 0x61, 0x64]);
  });
});

describe('interop', () => {
  it('unwraps a default export and passes a plain module through', () => {
    const exports = { a: 1 };

    expect(interop({ default: exports })).toBe(exports);
    expect(interop(exports)).toBe(exports);
  });
});
