/** Result of {@link parseEnvFile}. */
export interface ParsedEnvFile {
  variables: Record<string, string>;
  /** 1-based numbers of lines that are neither blank, a comment, nor `NAME=value`. */
  invalidLines: number[];
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : inner;
  }
  const comment = value.search(/\s#/);
  return comment === -1 ? value : value.slice(0, comment).trimEnd();
}

/**
 * Parses a dotenv-style file: `NAME=value` lines, optional `export `, single or double quotes,
 * `#` comments and blank lines. Later lines win.
 *
 * @param text - the file's content.
 * @returns the variables and the lines that could not be read.
 * @example
 * ```ts
 * parseEnvFile('OTEL_SERVICE_NAME=orders\n# comment\nexport OTEL_PROPAGATORS="tracecontext,datadog"');
 * // { variables: { OTEL_SERVICE_NAME: 'orders', OTEL_PROPAGATORS: 'tracecontext,datadog' }, invalidLines: [] }
 * ```
 */
export function parseEnvFile(text: string): ParsedEnvFile {
  const variables: Record<string, string> = {};
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match?.[1]) {
      invalidLines.push(index + 1);
      return;
    }
    variables[match[1]] = unquote(match[2] ?? '');
  });
  return { variables, invalidLines };
}
