import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './exit-codes.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments: option values by name (strings, booleans, or lists of repeated options). */
export interface ParsedCommandArgs {
  values: Record<string, string | boolean | string[] | undefined> & {
    help?: boolean | undefined;
    json?: boolean | undefined;
  };
  positionals: string[];
}

/**
 * Parses a command's arguments with `node:util` `parseArgs` (strict: unknown options and
 * missing values are errors), turning every parse error into a {@link UsageError}.
 *
 * @param args - the arguments after the command name.
 * @param options - the command's options (`help` and `json` are added).
 * @returns the values and positionals.
 * @example
 * ```ts
 * parseCommandArgs(['--json'], { port: { type: 'string' } }).values.json; // true
 * ```
 */
export function parseCommandArgs(args: readonly string[], options: Options): ParsedCommandArgs {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: {
        ...options,
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    return parsed as ParsedCommandArgs;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Reads a non-negative integer option (milliseconds, ports).
 *
 * @param value - the option's text, if given.
 * @param name - the option, for the error message.
 * @param fallback - used when the option is absent.
 * @example
 * ```ts
 * integerOption('3000', '--timeout', 6000); // 3000
 * ```
 */
export function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
    throw new UsageError(`${name} expects a whole number, got "${value}"`);
  }
  return number;
}

/**
 * Reads repeated `--env NAME=value` options.
 *
 * @param entries - the option values.
 * @example
 * ```ts
 * envOptions(['OTEL_PROPAGATORS=datadog']); // { OTEL_PROPAGATORS: 'datadog' }
 * ```
 */
export function envOptions(entries: readonly string[] | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries ?? []) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at);
    if (at <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new UsageError('--env expects NAME=value (a variable name, "=", then the value)');
    }
    env[name] = entry.slice(at + 1);
  }
  return env;
}

/**
 * A string option's value (`undefined` when absent).
 *
 * @param values - parsed values.
 * @param name - the option.
 * @example
 * ```ts
 * stringValue(parsed.values, 'event');
 * ```
 */
export function stringValue(values: ParsedCommandArgs['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
