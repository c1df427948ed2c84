import { diagnoseInvocation } from './diagnose-invocation.js';
import { diagnoseRecords } from './diagnose-records.js';
import { diagnoseTrace } from './diagnose-trace.js';
import type { InvocationEvidence } from './evidence.js';
import type { Finding } from './findings.js';

/**
 * Diagnoses the trace one local invocation produced: spans not sent (and the likely reason),
 * `lambda.invoke` missing, of the wrong kind, lacking attributes, not parented on the upstream
 * context the event carried (naming the missing propagator), SQS records without upstream
 * context and why, orphan spans, missing links.
 *
 * @param evidence - the event, configuration, result and received spans.
 * @returns findings, errors first when printed (see `formatFindings`).
 * @example
 * ```ts
 * const findings = diagnose({ requestId, event, config: readConfig({}, env), result, spans: receiver.spans, requests: receiver.requests, wrapped: true, output: '' });
 * ```
 */
export function diagnose(evidence: InvocationEvidence): Finding[] {
  const records = diagnoseRecords(evidence);
  const invocation = diagnoseInvocation(evidence);
  const upstream = new Set(records.upstreamSpanIds);
  if (invocation.analysis?.expected) upstream.add(invocation.analysis.expected.spanId);
  if (invocation.analysis?.available) upstream.add(invocation.analysis.available.spanId);
  const trace = diagnoseTrace(evidence, upstream);
  if (trace.some((item) => item.code === 'no-spans')) return trace;
  return [...invocation.findings, ...records.findings, ...trace];
}
