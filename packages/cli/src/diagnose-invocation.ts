import { detectTrigger } from '@lambda-otel-kit/lambda';
import type { ReceivedSpan } from '@lambda-otel-kit/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { type InvocationEvidence, invocationSpan, sqsRecords } from './evidence.js';
import { type Finding, finding } from './findings.js';
import { analyzeEvent, type UpstreamAnalysis } from './upstream-analysis.js';

const REQUIRED_ATTRIBUTES = [
  'faas.trigger',
  'faas.invocation_id',
  'faas.coldstart',
  'cloud.resource_id',
  'cloud.account.id',
] as const;

function checkShape(evidence: InvocationEvidence, span: ReceivedSpan): Finding[] {
  const findings: Finding[] = [];
  if (span.kind !== SpanKind.SERVER) {
    findings.push(
      finding('error', 'invoke-kind', `lambda.invoke has kind ${span.kindName}, expected SERVER`),
    );
  }
  const missing = REQUIRED_ATTRIBUTES.filter((key) => span.attributes[key] === undefined);
  if (missing.length > 0) {
    findings.push(
      finding('error', 'invoke-attributes', `lambda.invoke lacks ${missing.join(', ')}`),
    );
  }
  const trigger = detectTrigger(evidence.event).faasTrigger;
  const actual = span.attributes['faas.trigger'];
  if (actual !== undefined && actual !== trigger) {
    findings.push(
      finding(
        'error',
        'invoke-attributes',
        `lambda.invoke has faas.trigger=${JSON.stringify(actual)}, expected "${trigger}" for this event`,
      ),
    );
  }
  const failed = span.status.code === SpanStatusCode.ERROR;
  if (!evidence.result.ok && !failed) {
    findings.push(
      finding(
        'error',
        'error-not-recorded',
        'the function failed but lambda.invoke does not have ERROR status',
      ),
    );
  }
  if (evidence.result.timedOut && span.attributes['lambda_otel.timed_out'] !== true) {
    findings.push(
      finding(
        'warning',
        'timeout-not-recorded',
        'the invocation timed out but lambda.invoke lacks lambda_otel.timed_out=true',
      ),
    );
  }
  if (findings.length === 0) {
    findings.push(
      finding(
        'ok',
        'invoke-span',
        `lambda.invoke is SERVER with faas.trigger="${trigger}"${failed ? ', ERROR status' : ''} and the FaaS attributes`,
      ),
    );
  }
  return findings;
}

function propagatorList(evidence: InvocationEvidence): string {
  const names = evidence.config.propagators;
  return names.length === 0 ? 'none' : names.join(',');
}

function checkParent(
  evidence: InvocationEvidence,
  span: ReceivedSpan,
  analysis: UpstreamAnalysis,
): Finding[] {
  const { expected, available } = analysis;
  const configured = `OTEL_PROPAGATORS=${propagatorList(evidence)}`;
  const findings: Finding[] = [];
  if (expected !== undefined) {
    const parented = span.traceId === expected.traceId && span.parentSpanId === expected.spanId;
    findings.push(
      parented
        ? finding(
            'ok',
            'invoke-parented',
            `lambda.invoke is a child of the upstream span ${expected.spanId} (trace ${expected.traceId}, from ${expected.source})`,
          )
        : finding(
            'error',
            'invoke-not-parented',
            `the event carries upstream context ${expected.traceId}/${expected.spanId} (${expected.source}), but lambda.invoke is ${span.parentSpanId === undefined ? 'a root' : `a child of ${span.traceId}/${span.parentSpanId}`}`,
            'make instrumentHandler the outermost wrapper, so it extracts the context before anything starts a span',
          ),
    );
    const ignored = analysis.readableBy.filter(
      (name) => !evidence.config.propagators.includes(name),
    );
    if (ignored.length > 0) {
      findings.push(
        finding(
          'info',
          'upstream-format-ignored',
          `the event also carries ${ignored.join(', ')} context, which ${configured} ignores`,
        ),
      );
    }
  } else if (available !== undefined) {
    const formats =
      analysis.readableBy.length > 0 ? analysis.readableBy.join(', ') : available.source;
    const add = analysis.missingPropagators;
    findings.push(
      finding(
        'error',
        'upstream-not-read',
        `the event carries upstream context ${available.traceId}/${available.spanId} only in ${formats} format, which ${configured} does not read: lambda.invoke ${span.parentSpanId === undefined ? 'starts a new trace' : 'is not parented on it'}`,
        add.length > 0
          ? `add ${add.join(' or ')} to OTEL_PROPAGATORS, e.g. OTEL_PROPAGATORS=${[...evidence.config.propagators, add[0]].join(',')}`
          : undefined,
      ),
    );
  } else if (span.parentSpanId !== undefined && sqsRecords(evidence.event) === undefined) {
    findings.push(
      finding(
        'error',
        'invoke-not-root',
        `the event carries no upstream context, yet lambda.invoke has parent ${span.parentSpanId}`,
      ),
    );
  } else if (sqsRecords(evidence.event) === undefined) {
    findings.push(
      finding(
        'info',
        'no-upstream',
        'the event carries no upstream context: lambda.invoke starts the trace',
      ),
    );
  }
  return findings;
}

/**
 * Checks the `lambda.invoke` span of the invocation: present, SERVER, the FaaS attributes and
 * the right `faas.trigger`, ERROR status when the function failed, and parented on the
 * upstream context the event carried — or, when it is not, which `OTEL_PROPAGATORS` entry is
 * missing. SQS events are left to {@link diagnoseRecords}: their records carry the contexts.
 *
 * @param evidence - what the invocation left behind (with at least one span).
 * @returns findings, and the event's upstream analysis (undefined for SQS events).
 * @example
 * ```ts
 * const { findings } = diagnoseInvocation(evidence);
 * ```
 */
export function diagnoseInvocation(evidence: InvocationEvidence): {
  findings: Finding[];
  analysis: UpstreamAnalysis | undefined;
} {
  const span = invocationSpan(evidence);
  const isSqs = sqsRecords(evidence.event) !== undefined;
  const analysis = isSqs
    ? undefined
    : analyzeEvent(evidence.event, evidence.config, evidence.clientContext);
  if (span === undefined) {
    const names = [...new Set(evidence.spans.map((s) => s.name))].join(', ');
    const missing = finding(
      'error',
      'invoke-missing',
      `no lambda.invoke span among the ${evidence.spans.length} received (${names})`,
      'wrap the exported handler with instrumentHandler from @lambda-otel-kit/lambda',
    );
    return { findings: [missing], analysis };
  }
  const findings = checkShape(evidence, span);
  if (analysis !== undefined) findings.push(...checkParent(evidence, span, analysis));
  else if (span.parentSpanId !== undefined) {
    findings.push(
      finding(
        'warning',
        'invoke-not-root',
        `lambda.invoke of an SQS batch has parent ${span.parentSpanId}: record contexts belong to sqs.process spans`,
      ),
    );
  }
  return { findings, analysis };
}
