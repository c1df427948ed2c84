import type { ReceivedSpan } from '@lambda-otel-kit/testing';
import { type InvocationEvidence, invocationSpan, shortId, sqsRecords } from './evidence.js';
import { type Finding, finding } from './findings.js';
import { analyzeRecord, type UpstreamAnalysis } from './upstream-analysis.js';

const linksTo = (span: ReceivedSpan, traceId: string, spanId: string) =>
  span.links.some((link) => link.traceId === traceId && link.spanId === spanId);

function whyNotRead(evidence: InvocationEvidence, analysis: UpstreamAnalysis): string {
  const reasons: string[] = [];
  if (analysis.missingPropagators.length > 0) {
    const list = evidence.config.propagators.join(',') || 'none';
    reasons.push(
      `its format needs ${analysis.missingPropagators.join(' or ')} in OTEL_PROPAGATORS (now ${list})`,
    );
  }
  if (analysis.missingSources.length > 0) {
    reasons.push(
      `its source ${analysis.missingSources.join(' or ')} is not in LAMBDA_OTEL_RECORD_CONTEXT_ORDER`,
    );
  }
  return reasons.length > 0 ? reasons.join('; ') : 'the configuration reads none of its formats';
}

function checkRecord(
  evidence: InvocationEvidence,
  record: Record<string, unknown>,
  span: ReceivedSpan,
  invoke: ReceivedSpan | undefined,
  analysis: UpstreamAnalysis,
): Finding[] {
  const id = shortId(String(record.messageId));
  const { expected, available } = analysis;
  const findings: Finding[] = [];
  if (expected !== undefined) {
    const upstreamParent = evidence.config.recordParenting === 'upstream';
    const onUpstream = span.traceId === expected.traceId && span.parentSpanId === expected.spanId;
    const onInvoke = invoke !== undefined && span.parentSpanId === invoke.spanId;
    if (upstreamParent ? !onUpstream : !onInvoke) {
      findings.push(
        finding(
          'error',
          'record-not-parented',
          `record ${id}: sqs.process is not a child of ${upstreamParent ? `its upstream span ${expected.spanId} (${expected.source})` : 'lambda.invoke'}`,
        ),
      );
    }
    const other = upstreamParent ? invoke : expected;
    if (other !== undefined && !linksTo(span, other.traceId, other.spanId)) {
      findings.push(
        finding(
          'error',
          'links-missing',
          `record ${id}: sqs.process does not link ${upstreamParent ? 'lambda.invoke' : 'its upstream context'}`,
        ),
      );
    }
    if (findings.length === 0) {
      findings.push(
        finding(
          'ok',
          'record-parented',
          `record ${id}: sqs.process continues upstream trace ${expected.traceId} (${expected.source}) and links lambda.invoke`,
        ),
      );
    }
  } else if (available !== undefined) {
    findings.push(
      finding(
        'warning',
        'record-upstream-not-read',
        `record ${id} carries upstream context ${available.traceId} (${available.source}) that is not read: ${whyNotRead(evidence, analysis)}`,
      ),
    );
  } else {
    findings.push(
      finding(
        'info',
        'record-without-upstream',
        `record ${id} carries no upstream context (no traceparent or _datadog message attribute, no AWSTraceHeader, no SNS or EventBridge envelope with one): its sqs.process span hangs under lambda.invoke`,
      ),
    );
  }
  return findings;
}

/**
 * Checks an SQS batch record by record: each record has an `sqs.process` span, parented on the
 * record's own upstream context (or on `lambda.invoke` with `LAMBDA_OTEL_RECORD_PARENTING=invocation`)
 * and linking the other; records without upstream context and why (no attribute at all, a
 * format not in `OTEL_PROPAGATORS`, a source not in `LAMBDA_OTEL_RECORD_CONTEXT_ORDER`); and an
 * `sqs.batch` span linking every record's span.
 *
 * @param evidence - what the invocation left behind.
 * @returns findings (none for events that are not SQS batches), and the upstream span ids found.
 * @example
 * ```ts
 * const { findings } = diagnoseRecords(evidence);
 * ```
 */
export function diagnoseRecords(evidence: InvocationEvidence): {
  findings: Finding[];
  upstreamSpanIds: Set<string>;
} {
  const records = sqsRecords(evidence.event);
  const upstreamSpanIds = new Set<string>();
  if (records === undefined) return { findings: [], upstreamSpanIds };
  const analyses = records.map((record) => analyzeRecord(record, evidence.config));
  for (const analysis of analyses) {
    if (analysis.expected) upstreamSpanIds.add(analysis.expected.spanId);
  }
  const processSpans = evidence.spans.filter((span) => span.name === 'sqs.process');
  const carrying = analyses.filter((analysis) => analysis.available !== undefined).length;
  if (processSpans.length === 0) {
    return {
      findings: [
        finding(
          carrying > 0 ? 'error' : 'warning',
          'records-not-traced',
          `the batch has ${records.length} record(s), ${carrying} with upstream context, but no sqs.process span: the records' traces end here`,
          'process the batch with sqsBatchHandler / processSqsBatch from @lambda-otel-kit/sqs',
        ),
      ],
      upstreamSpanIds,
    };
  }
  const invoke = invocationSpan(evidence);
  const findings: Finding[] = [];
  records.forEach((record, index) => {
    const span = processSpans.find(
      (candidate) => candidate.attributes['messaging.message.id'] === record.messageId,
    );
    if (span === undefined) {
      findings.push(
        finding(
          'error',
          'record-span-missing',
          `record ${shortId(String(record.messageId))} has no sqs.process span`,
        ),
      );
      return;
    }
    findings.push(...checkRecord(evidence, record, span, invoke, analyses[index]!));
  });
  const batches = evidence.spans.filter((span) => span.name === 'sqs.batch');
  if (batches.length === 0) {
    findings.push(finding('error', 'links-missing', 'no sqs.batch span links the records'));
  } else {
    const unlinked = processSpans.filter(
      (span) => !batches.some((batch) => linksTo(batch, span.traceId, span.spanId)),
    );
    if (unlinked.length > 0) {
      findings.push(
        finding(
          'error',
          'links-missing',
          `sqs.batch does not link ${unlinked.length} of ${processSpans.length} sqs.process span(s)`,
        ),
      );
    } else {
      findings.push(
        finding(
          'ok',
          'batch-links',
          `sqs.batch links all ${processSpans.length} sqs.process spans`,
        ),
      );
    }
  }
  return { findings, upstreamSpanIds };
}
