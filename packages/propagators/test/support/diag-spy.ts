import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { resetWarnOnce } from '../../src/warn-once.js';

/** Registers a `DiagLogger` recording warnings and errors; pair with {@link stopDiagSpy}. */
export function spyOnDiag(): { warnings: string[]; debug: string[] } {
  const warnings: string[] = [];
  const debug: string[] = [];
  const logger: DiagLogger = {
    error: (message) => warnings.push(message),
    warn: (message) => warnings.push(message),
    info: (message) => debug.push(message),
    debug: (message) => debug.push(message),
    verbose: () => undefined,
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  debug.length = 0;
  return { warnings, debug };
}

/** Unregisters the logger and forgets which warnings were written. */
export function stopDiagSpy(): void {
  diag.disable();
  resetWarnOnce();
}
