import type { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ExportTraceRequestMessage, SpanMessage } from './otlp-proto.js';
import type {
  OtlpProtocol,
  ReceivedAttributes,
  ReceivedSpan,
  ReceivedSpanKindName,
} from './otlp-types.js';
import { toAttributes, toBigInt, toHexId } from './otlp-values.js';

/** OTLP `SpanKind` numbers (0–5) to names and `@opentelemetry/api` `SpanKind` numbers. */
const KINDS: ReadonlyArray<readonly [ReceivedSpanKindName, SpanKind]> = [
  ['UNSPECIFIED', 0],
  ['INTERNAL', 0],
  ['SERVER', 1],
  ['CLIENT', 2],
  ['PRODUCER', 3],
  ['CONSUMER', 4],
];

/**
 * Flattens a decoded export request into one record per span, each carrying its resource
 * attributes and scope. Unknown kinds read as `UNSPECIFIED`, unknown status codes as `UNSET`.
 * @see https://opentelemetry.io/docs/specs/otlp/#otlpgrpc
 * @param request - a decoded `ExportTraceServiceRequest`.
 * @param protocol - the protocol it arrived on, copied onto each span.
 * @example const spans = toReceivedSpans(decodeProtobufRequest(proto, body)!, 'http/protobuf');
 */
export function toReceivedSpans(
  request: ExportTraceRequestMessage,
  protocol: OtlpProtocol,
): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = toAttributes(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      const scope = {
        name: scopeSpans.scope?.name ?? '',
        version: scopeSpans.scope?.version || undefined,
      };
      for (const span of scopeSpans.spans ?? []) {
        spans.push(toReceivedSpan(span, { ...resource }, { ...scope }, protocol));
      }
    }
  }
  return spans;
}

function toReceivedSpan(
  span: SpanMessage,
  resource: ReceivedAttributes,
  scope: ReceivedSpan['scope'],
  protocol: OtlpProtocol,
): ReceivedSpan {
  const [kindName, kind] = KINDS[span.kind ?? 0] ?? ['UNSPECIFIED', 0];
  const startTimeUnixNano = toBigInt(span.startTimeUnixNano, false);
  const endTimeUnixNano = toBigInt(span.endTimeUnixNano, false);
  const statusCode = span.status?.code ?? 0;
  return {
    traceId: toHexId(span.traceId) ?? '',
    spanId: toHexId(span.spanId) ?? '',
    parentSpanId: toHexId(span.parentSpanId),
    traceState: span.traceState || undefined,
    flags: span.flags ?? 0,
    name: span.name ?? '',
    kind,
    kindName,
    startTimeUnixNano,
    endTimeUnixNano,
    durationMs: Number(endTimeUnixNano - startTimeUnixNano) / 1e6,
    attributes: toAttributes(span.attributes),
    events: (span.events ?? []).map((event) => ({
      name: event.name ?? '',
      timeUnixNano: toBigInt(event.timeUnixNano, false),
      attributes: toAttributes(event.attributes),
    })),
    links: (span.links ?? []).map((link) => ({
      traceId: toHexId(link.traceId) ?? '',
      spanId: toHexId(link.spanId) ?? '',
      traceState: link.traceState || undefined,
      attributes: toAttributes(link.attributes),
    })),
    status: {
      code: (statusCode >= 0 && statusCode <= 2 ? statusCode : 0) as SpanStatusCode,
      message: span.status?.message || undefined,
    },
    resource,
    scope,
    protocol,
  };
}
