import { format } from 'node:util';
import type { ConsoleLevel, ConsoleRecord, CorrelationFields } from './types.js';

/** What {@link formatConsoleLine} needs besides the arguments. */
export interface ConsoleLineInput {
  level: ConsoleLevel;
  args: readonly unknown[];
  time: Date;
  requestId: string | undefined;
  fields: CorrelationFields;
}

function formatArgs(args: readonly unknown[]): string {
  try {
    return format(...args);
  } catch {
    // An argument whose inspection throws (a throwing getter, a hostile proxy).
    return args
      .map((arg) => (typeof arg === 'string' ? arg : `[unformattable ${typeof arg}]`))
      .join(' ');
  }
}

function isoTime(time: Date): string {
  return Number.isNaN(time.getTime()) ? new Date().toISOString() : time.toISOString();
}

/**
 * One console call as one JSON line: `timestamp`, `level`, `requestId` (when known), `message`
 * (the arguments through `util.format`, as `console.log` itself formats them), then the
 * correlation fields. Never throws: circular objects and throwing getters still give a line.
 *
 * @param input - The level, the console arguments, the time, request id and correlation fields.
 * @returns The JSON text followed by `\n`.
 * @example
 * ```ts
 * formatConsoleLine({ level: 'INFO', args: ['%d items', 3], time: new Date(0), requestId: undefined, fields: {} });
 * // '{"timestamp":"1970-01-01T00:00:00.000Z","level":"INFO","message":"3 items"}\n'
 * ```
 */
export function formatConsoleLine(input: ConsoleLineInput): string {
  const record: ConsoleRecord = {
    timestamp: isoTime(input.time),
    level: input.level,
    ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
    message: formatArgs(input.args),
    ...input.fields,
  };
  return `${JSON.stringify(record)}\n`;
}
