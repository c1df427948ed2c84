import { type Finding, finding } from './findings.js';

/** What {@link parseDockerfile} reads from a Dockerfile (its last stage). */
export interface DockerfileFacts {
  /** `ENV` variables of the final stage. */
  env: Record<string, string>;
  /** The `CMD` of the final stage, as an argument list. */
  cmd: string[] | undefined;
  /** The `ENTRYPOINT` of the final stage. */
  entrypoint: string[] | undefined;
  /** `FROM` image of the final stage. */
  from: string | undefined;
}

function joinContinuations(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

function parseEnvInstruction(rest: string, into: Record<string, string>): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(rest)) {
    const [name, ...value] = rest.split(/\s+/);
    if (name) into[name] = unquote(value.join(' '));
    return;
  }
  const pairs = rest.match(/[A-Za-z_][A-Za-z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g) ?? [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    into[pair.slice(0, at)] = unquote(pair.slice(at + 1));
  }
}

function parseCommand(rest: string): string[] {
  try {
    const parsed: unknown = JSON.parse(rest);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // shell form
  }
  return rest.split(/\s+/).filter(Boolean);
}

/**
 * Reads the final stage of a Dockerfile: `FROM`, `ENV` (both forms), `CMD` and `ENTRYPOINT`
 * (exec or shell form). Line continuations and comments are handled; `ARG` substitution is not.
 *
 * @param text - the Dockerfile.
 * @example
 * ```ts
 * parseDockerfile('FROM public.ecr.aws/lambda/nodejs:20\nENV OTEL_SERVICE_NAME=orders\nCMD ["index.handler"]').cmd;
 * // ['index.handler']
 * ```
 */
export function parseDockerfile(text: string): DockerfileFacts {
  let facts: DockerfileFacts = { env: {}, cmd: undefined, entrypoint: undefined, from: undefined };
  for (const line of joinContinuations(text)) {
    const match = /^(\w+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const instruction = match[1]?.toUpperCase();
    const rest = match[2] ?? '';
    if (instruction === 'FROM') {
      facts = { env: {}, cmd: undefined, entrypoint: undefined, from: rest.split(/\s+/)[0] };
    } else if (instruction === 'ENV') parseEnvInstruction(rest, facts.env);
    else if (instruction === 'CMD') facts.cmd = parseCommand(rest);
    else if (instruction === 'ENTRYPOINT') facts.entrypoint = parseCommand(rest);
  }
  return facts;
}

/**
 * Checks a Dockerfile for what only works with Lambda layers: `AWS_LAMBDA_EXEC_WRAPPER`
 * (wrapper scripts live in layers, which images cannot use), a handler under `/opt/` (a
 * layer's handler such as Datadog's), a vendor's handler redirection (`DD_LAMBDA_HANDLER`),
 * and `NODE_OPTIONS` preloading auto-instrumentation from `/opt`.
 *
 * @param facts - from {@link parseDockerfile}.
 * @returns findings; an `ok` one when nothing is wrong.
 * @example
 * ```ts
 * checkDockerfile(parseDockerfile('FROM x\nENV AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-handler'))[0]?.code; // 'exec-wrapper'
 * ```
 */
export function checkDockerfile(facts: DockerfileFacts): Finding[] {
  const findings: Finding[] = [];
  const wrapper = facts.env.AWS_LAMBDA_EXEC_WRAPPER;
  if (wrapper !== undefined) {
    findings.push(
      finding(
        'error',
        'exec-wrapper',
        `the image sets AWS_LAMBDA_EXEC_WRAPPER=${wrapper}: wrapper scripts come from Lambda layers, which container images cannot use`,
        'remove it and wrap the handler in code with instrumentHandler',
      ),
    );
  }
  const handler = facts.cmd?.find((arg) => /^\/opt\//.test(arg) || /\.handler$/.test(arg));
  if (handler?.startsWith('/opt/')) {
    findings.push(
      finding(
        'error',
        'layer-handler',
        `CMD names a handler under /opt (${handler}), a layer-style handler`,
        'point CMD at your own module, e.g. CMD ["dist/handler.handler"]',
      ),
    );
  }
  if (facts.env.DD_LAMBDA_HANDLER !== undefined) {
    findings.push(
      finding(
        'error',
        'layer-handler',
        'the image sets DD_LAMBDA_HANDLER: the Datadog layer handler that reads it is not in the image',
        'wrap the handler in code and set CMD to it',
      ),
    );
  }
  const nodeOptions = facts.env.NODE_OPTIONS ?? '';
  if (
    /--(?:require|import)[\s=]+\S*(?:\/opt\/|auto-instrumentations-node\/register)/.test(
      nodeOptions,
    )
  ) {
    findings.push(
      finding(
        'warning',
        'preload',
        'NODE_OPTIONS preloads auto-instrumentation: it patches modules at load time and adds hundreds of ms to cold starts',
        'drop it; instrumentHandler needs no preload',
      ),
    );
  }
  if (findings.length === 0) {
    findings.push(
      finding(
        'ok',
        'dockerfile',
        `the Dockerfile uses no layer mechanism${facts.cmd ? ` (CMD ${JSON.stringify(facts.cmd)})` : ''}`,
      ),
    );
  }
  return findings;
}
