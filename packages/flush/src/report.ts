import { diag } from '@opentelemetry/api';

const PREFIX = '@lambda-otel-kit/flush:';
const reported = new Set<string>();

/**
 * Reports a problem to `diag`: the first time for a given kind at warn level, then at debug level,
 * so a backend that stays down does not fill the function's logs. Internal.
 *
 * @param kind - A short stable key for the kind of problem.
 * @param message - What happened; must not contain secrets.
 */
export function reportOnce(kind: string, message: string): void {
  if (reported.has(kind)) {
    diag.debug(`${PREFIX} ${message}`);
    return;
  }
  reported.add(kind);
  diag.warn(`${PREFIX} ${message}`);
}

/**
 * Reports routine information at debug level. Internal.
 *
 * @param message - What happened.
 */
export function reportDebug(message: string): void {
  diag.debug(`${PREFIX} ${message}`);
}

/**
 * Describes a thrown value in one short line (name and message only, never the whole object);
 * an array (as `TracerProvider.forceFlush` rejects with) is described item by item.
 *
 * @param error - Whatever was thrown.
 * @returns At most 200 characters.
 */
export function describeError(error: unknown): string {
  // TracerProvider.forceFlush rejects with an array of the processors' errors.
  const text = Array.isArray(error) ? error.map(describeOne).join('; ') : describeOne(error);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function describeOne(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'unprintable error';
  }
}
