import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';

/** One line logged through `diag`: level and message. */
export type DiagLine = [level: string, message: string];

/**
 * Installs a `diag` logger at every level that keeps this package's lines (those prefixed
 * `@lambda-otel-kit/flush:`); returns them and a function removing the logger.
 */
export function recordDiag(): { lines: DiagLine[]; stop: () => void } {
  const lines: DiagLine[] = [];
  const record = (level: string) => (message: string) => {
    if (message.startsWith('@lambda-otel-kit/flush:')) lines.push([level, message]);
  };
  const logger: DiagLogger = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    verbose: record('verbose'),
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  return { lines, stop: () => diag.disable() };
}
