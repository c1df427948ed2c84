import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file this code was loaded from: `__filename` in the CommonJS build, `import.meta.url` in
 * the ES module build and under vitest.
 */
function currentFile(): string {
  if (typeof __filename === 'string') return __filename;
  return fileURLToPath(import.meta.url);
}

/**
 * Path of the `index.mjs` entry of the `aws-lambda-ric` runtime interface client this package
 * depends on, resolved from this package so it works from either build.
 * @returns An absolute path, to run as `node <path>` with `_HANDLER` and the Lambda variables set.
 * @example
 * spawn(process.execPath, [resolveRuntimeClientPath(), 'index.handler'], { env });
 * @see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client
 */
export function resolveRuntimeClientPath(): string {
  const require = createRequire(currentFile());
  return join(dirname(require.resolve('aws-lambda-ric/package.json')), 'index.mjs');
}
