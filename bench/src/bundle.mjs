// Bundles each variant the way a container image ships it: one minified ESM file per handler,
// built with esbuild for Node 20. The kit's bundles are made per protocol, leaving out the
// exporters that protocol does not load (the kit imports only the configured one).
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
/** Where bundles go (gitignored). */
export const BUILD_DIR = join(here, '..', '.build');

const GRPC = ['@opentelemetry/exporter-trace-otlp-grpc', '@grpc/grpc-js'];
const PROTO = ['@opentelemetry/exporter-trace-otlp-proto'];
const JSON_HTTP = ['@opentelemetry/exporter-trace-otlp-http'];

/** Bundled variants: source file and the modules left out. */
export const BUNDLES = {
  'kit-proto': { source: 'variants/kit.mjs', external: [...GRPC, ...JSON_HTTP] },
  'kit-grpc': { source: 'variants/kit.mjs', external: [...PROTO, ...JSON_HTTP] },
  'raw-sdk': { source: 'variants/raw-sdk.mjs', external: [] },
  'raw-sdk-grpc': { source: 'variants/raw-sdk-grpc.mjs', external: [] },
  none: { source: 'variants/none.mjs', external: [] },
};

// Bundled CommonJS dependencies (grpc-js) call require(); give the ESM bundle one.
const banner =
  "import { createRequire as __kitCreateRequire } from 'node:module';" +
  'const require = __kitCreateRequire(import.meta.url);';

/**
 * Bundles one handler source into `<outDir>/index.mjs`.
 *
 * @param {string} entry absolute path of the handler source
 * @param {string} outDir output folder
 * @param {string[]} external modules left out of the bundle
 * @returns {Promise<{ file: string, bytes: number, gzipBytes: number }>}
 */
export async function bundleHandler(entry, outDir, external) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The OpenTelemetry packages ship ES modules under `module`: prefer them so unused code
    // (metrics, most semantic-convention constants) is tree-shaken. esbuild's default for
    // platform node picks the CommonJS `main` first and bundles ~2.5× more.
    mainFields: ['module', 'main'],
    external,
    banner: { js: banner },
    logLevel: 'error',
    legalComments: 'none',
  });
  const code = await readFile(file);
  return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/**
 * Bundles every variant of {@link BUNDLES}.
 *
 * @returns {Promise<Record<string, { file: string, bytes: number, gzipBytes: number }>>}
 */
export async function bundleVariants() {
  const out = {};
  for (const [name, { source, external }] of Object.entries(BUNDLES)) {
    out[name] = await bundleHandler(join(here, source), join(BUILD_DIR, name), external);
  }
  return out;
}
