import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnvFile } from './env-file.js';
import { UsageError } from './exit-codes.js';

/**
 * Reads `--env-file` (dotenv syntax), throwing a {@link UsageError} when it cannot be read.
 *
 * @param path - the file, relative to `cwd`.
 * @param cwd - the working directory.
 * @returns the variables and the numbers of lines that could not be read.
 * @example
 * ```ts
 * readEnvFile('.env.lambda', process.cwd()).variables.OTEL_SERVICE_NAME;
 * ```
 */
export function readEnvFile(path: string, cwd: string) {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    throw new UsageError(`--env-file: cannot read ${path}`);
  }
  return parseEnvFile(text);
}
