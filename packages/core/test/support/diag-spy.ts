import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { resetWarnOnce } from '../../src/diag.js';

/**
 * Registers a `DiagLogger` that records every message (all levels) and returns the list.
 * Pair with {@link stopDiagSpy} in `afterEach`.
 */
export function spyOnDiag(): string[] {
  const messages: string[] = [];
  const record = (message: string, ...args: unknown[]) => {
    messages.push([message, ...args.map((arg) => String(arg))].join(' '));
  };
  const logger: DiagLogger = {
    error: record,
    warn: record,
    info: record,
    debug: record,
    verbose: record,
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  messages.length = 0; // drop the API's own "registered a global" debug line
  return messages;
}

/** Unregisters the logger and forgets which warnings were written. */
export function stopDiagSpy(): void {
  diag.disable();
  resetWarnOnce();
}
