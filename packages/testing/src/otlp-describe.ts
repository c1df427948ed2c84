import type { ReceivedRequest, ReceivedSpan } from './otlp-types.js';

const MAX_LISTED = 50;

/**
 * Says in a few lines what a receiver got, for error messages: one line per span (name,
 * kind, ids, parent) and the request outcomes.
 * @param spans - spans received so far.
 * @param requests - requests received so far.
 * @example
 * describeReceived([], []) // 'received 0 spans in 0 requests'
 */
export function describeReceived(
  spans: readonly ReceivedSpan[],
  requests: readonly ReceivedRequest[],
): string {
  const outcomes = new Map<string, number>();
  for (const request of requests) {
    outcomes.set(request.outcome, (outcomes.get(request.outcome) ?? 0) + 1);
  }
  const summary = [...outcomes].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
  const lines = [
    `received ${spans.length} span${spans.length === 1 ? '' : 's'} in ${requests.length} request${
      requests.length === 1 ? '' : 's'
    }${summary ? ` (${summary})` : ''}`,
  ];
  for (const span of spans.slice(0, MAX_LISTED)) {
    lines.push(
      `  - ${span.name} ${span.kindName} trace=${span.traceId} span=${span.spanId} parent=${
        span.parentSpanId ?? '-'
      } status=${span.status.code}`,
    );
  }
  if (spans.length > MAX_LISTED) lines.push(`  … and ${spans.length - MAX_LISTED} more`);
  return lines.join('\n');
}
