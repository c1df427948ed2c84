import { buildSpanTrees } from '@lambda-otel-kit/testing';
import { type InvocationEvidence, shortId } from './evidence.js';
import { type Finding, finding } from './findings.js';

const EXPORT_ERROR =
  /(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|export(?:er)? (?:failed|error)|OTLPExporterError|timed out|Deadline exceeded|UNAVAILABLE)/i;

function whyNoSpans(evidence: InvocationEvidence): string[] {
  const reasons: string[] = [];
  if (evidence.config.sdkDisabled) reasons.push('OTEL_SDK_DISABLED=true: the SDK is turned off');
  if (evidence.wrapped === false) {
    reasons.push(
      'the handler module never calls instrumentHandler (or sqsBatchHandler): the handler is not wrapped',
    );
  }
  if (evidence.result.timedOut) {
    reasons.push('the invocation timed out: the runtime was stopped before the flush finished');
  }
  const refused = evidence.requests.filter((request) => request.outcome !== 'ok');
  if (refused.length > 0) {
    reasons.push(`${refused.length} export request(s) were refused (${refused[0]?.outcome})`);
  }
  const logged = evidence.output.split('\n').find((line) => EXPORT_ERROR.test(line));
  if (logged !== undefined) reasons.push(`the function logged: ${logged.trim().slice(0, 200)}`);
  if (reasons.length === 0) {
    reasons.push(
      'the function exported nothing before answering: the flush failed, timed out, or the spans were never ended',
    );
  }
  return reasons;
}

/**
 * Checks the trace as a whole: whether any span arrived (and why not), and spans whose parent
 * was not received although it was not an upstream span (ended after the flush, or dropped).
 *
 * @param evidence - what the invocation left behind.
 * @param upstreamSpanIds - span ids of upstream contexts the event carried (expected parents).
 * @returns findings; `no-spans` ends the diagnosis.
 * @example
 * ```ts
 * diagnoseTrace(evidence, new Set(['00f067aa0ba902b7']));
 * ```
 */
export function diagnoseTrace(
  evidence: InvocationEvidence,
  upstreamSpanIds: ReadonlySet<string>,
): Finding[] {
  if (evidence.spans.length === 0) {
    const reasons = whyNoSpans(evidence);
    return [
      finding(
        'error',
        'no-spans',
        `no span was received: ${reasons.join('; ')}`,
        evidence.wrapped === false
          ? 'export the handler as instrumentHandler(yourHandler) from @lambda-otel-kit/lambda'
          : 'check the endpoint and protocol with `lambda-otel doctor`, and that instrumentHandler is the outermost wrapper',
      ),
    ];
  }
  const findings: Finding[] = [];
  const forest = buildSpanTrees(evidence.spans);
  for (const trace of forest.traces) {
    for (const orphan of trace.orphans) {
      if (orphan.parentSpanId === undefined || upstreamSpanIds.has(orphan.parentSpanId)) continue;
      findings.push(
        finding(
          'error',
          'orphan-span',
          `${orphan.name} (${shortId(orphan.spanId)}) names parent ${orphan.parentSpanId}, which was not received`,
          'the parent span ended after the flush or was dropped: end spans before the handler returns',
        ),
      );
    }
  }
  if (forest.duplicates.length > 0) {
    findings.push(
      finding(
        'warning',
        'duplicate-spans',
        `${forest.duplicates.length} span(s) were exported twice`,
      ),
    );
  }
  return findings;
}
