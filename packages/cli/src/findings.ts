/** How bad a finding is: errors fail the command, warnings and notes do not. */
export type Severity = 'error' | 'warning' | 'info' | 'ok';

/** One result of a check, in text or JSON output. Messages never hold a secret. */
export interface Finding {
  severity: Severity;
  /** Stable identifier scripts can match, e.g. `no-spans`, `upstream-not-read`. */
  code: string;
  message: string;
  /** What to change, when the kit knows. */
  hint?: string;
}

const MARKS: Record<Severity, string> = { error: '✗', warning: '!', info: 'i', ok: '✓' };

/**
 * Builds a finding.
 *
 * @param severity - error, warning, info or ok.
 * @param code - stable identifier.
 * @param message - what was found.
 * @param hint - what to change.
 * @example
 * ```ts
 * finding('error', 'no-spans', 'no span was received', 'wrap the handler with instrumentHandler');
 * ```
 */
export function finding(severity: Severity, code: string, message: string, hint?: string): Finding {
  return hint === undefined ? { severity, code, message } : { severity, code, message, hint };
}

/**
 * Counts findings by severity.
 *
 * @param findings - the findings of one command.
 * @example
 * ```ts
 * countFindings([finding('error', 'x', 'y')]).error; // 1
 * ```
 */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, ok: 0 };
  for (const item of findings) counts[item.severity] += 1;
  return counts;
}

/**
 * Renders findings one per line (`✗ [code] message`, hint indented under it), errors first.
 *
 * @param findings - the findings to print.
 * @returns the text, without a trailing newline.
 * @example
 * ```ts
 * formatFindings([finding('warning', 'orphan-span', 'parent not received')]);
 * // '! [orphan-span] parent not received'
 * ```
 */
export function formatFindings(findings: readonly Finding[]): string {
  const order: Severity[] = ['error', 'warning', 'info', 'ok'];
  const sorted = [...findings].sort(
    (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity),
  );
  return sorted
    .flatMap((item) => [
      `${MARKS[item.severity]} [${item.code}] ${item.message}`,
      ...(item.hint === undefined ? [] : [`    → ${item.hint}`]),
    ])
    .join('\n');
}

/**
 * One summary line: `2 errors, 1 warning, 3 notes`.
 *
 * @param findings - the findings of one command.
 * @example
 * ```ts
 * summarize([]); // 'no errors, no warnings'
 * ```
 */
export function summarize(findings: readonly Finding[]): string {
  const counts = countFindings(findings);
  const plural = (n: number, word: string) =>
    n === 0 ? `no ${word}s` : `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
}
