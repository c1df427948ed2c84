import { warnOnce } from '@lambda-otel-kit/core';
import { formatConsoleLine } from './console-line.js';
import { correlationFields } from './correlation-fields.js';
import { resolveDatadog } from './datadog-preset.js';
import { lambdaRequestId } from './request-id.js';
import type { ConsoleLevel, ConsoleMethod, ConsoleOptions, Restore } from './types.js';

const LEVELS: Readonly<Record<ConsoleMethod, ConsoleLevel>> = {
  log: 'INFO',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  debug: 'DEBUG',
};

const METHODS = Object.keys(LEVELS) as ConsoleMethod[];

/** Set while the console is instrumented, so a second call does not wrap the wrappers. */
let active = false;

function defaultWrite(line: string): void {
  process.stdout.write(line);
}

/**
 * Makes `console.log`, `info`, `warn`, `error` and `debug` write one JSON line per call:
 * `timestamp`, `level`, `requestId` (when known), `message` (`util.format` of the arguments),
 * `trace_id`, `span_id`, `trace_flags` of the active span, and `dd.trace_id` / `dd.span_id` when
 * the Datadog option is on (by default, when the kit's configuration names a Datadog preset;
 * the configuration is read once, here). Opt-in: nothing is patched until this is called.
 * A log call never throws; if writing fails, the original console method gets the arguments.
 * Calling it again while active changes nothing and returns a restore that does nothing.
 *
 * @param options - Datadog ids, where lines go, request id source, clock.
 * @returns A function that puts the original console methods back.
 * @example
 * ```ts
 * const restore = instrumentConsole();
 * console.log('order %s shipped', id);
 * // {"timestamp":"…","level":"INFO","message":"order 42 shipped","trace_id":"…","span_id":"…","trace_flags":"01"}
 * restore();
 * ```
 */
export function instrumentConsole(options: ConsoleOptions = {}): Restore {
  if (active) {
    warnOnce(
      'logs:console:twice',
      'instrumentConsole() called while the console is already instrumented; ignored',
    );
    return () => {};
  }
  const datadog = resolveDatadog(options.datadog);
  const write = options.write ?? defaultWrite;
  const requestId = options.requestId ?? (() => lambdaRequestId());
  const now = options.now ?? (() => new Date());
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of METHODS) {
    const original = console[method];
    originals.set(method, original);
    console[method] = (...args: unknown[]): void => {
      try {
        write(
          formatConsoleLine({
            level: LEVELS[method],
            args,
            time: now(),
            requestId: requestId(),
            fields: correlationFields(undefined, { datadog }),
          }),
        );
      } catch {
        try {
          original.apply(console, args);
        } catch {
          // Nothing is left to try; a log call must not break the program.
        }
      }
    };
  }
  active = true;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const [method, original] of originals) console[method] = original;
    active = false;
  };
}
