// Cold start: process start → first invocation answered, through the real runtime client and the
// Runtime API emulator, for each variant, interleaved so machine noise hits all alike.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLambdaRuntime } from '@lambda-otel-kit/testing';
import { BUILD_DIR } from './bundle.mjs';
import { sqsBatch } from './events.mjs';
import { median } from './stats.mjs';

const variantsDir = join(dirname(fileURLToPath(import.meta.url)), 'variants');

/**
 * How each variant is started: task root, handler and extra environment.
 *
 * @param {{ grpcUrl: string, httpUrl: string }} receiver
 */
export function coldStartVariants(receiver) {
  const http = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl };
  return {
    none: { taskRoot: join(BUILD_DIR, 'none'), handler: 'index.handler', env: {} },
    'kit-proto': { taskRoot: join(BUILD_DIR, 'kit-proto'), handler: 'index.handler', env: http },
    'kit-grpc': {
      taskRoot: join(BUILD_DIR, 'kit-grpc'),
      handler: 'index.handler',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
    },
    'raw-sdk': { taskRoot: join(BUILD_DIR, 'raw-sdk'), handler: 'index.handler', env: http },
    'raw-sdk-grpc': {
      taskRoot: join(BUILD_DIR, 'raw-sdk-grpc'),
      handler: 'index.handler',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl },
    },
    'layer-style': {
      taskRoot: variantsDir,
      handler: 'layer-handler.handler',
      env: { ...http, NODE_OPTIONS: `--require ${join(variantsDir, 'layer-style.cjs')}` },
    },
  };
}

/**
 * Measures each variant `runs` times, interleaved.
 *
 * @param {ReturnType<typeof coldStartVariants>} variants
 * @param {number} runs
 * @returns {Promise<Record<string, { medianMs: number, samples: number[], ok: boolean }>>}
 */
export async function measureColdStarts(variants, runs) {
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const ok = Object.fromEntries(Object.keys(variants).map((name) => [name, true]));
  const event = sqsBatch(10);
  for (let run = 0; run < runs; run++) {
    for (const [name, variant] of Object.entries(variants)) {
      const started = performance.now();
      const runtime = await startLambdaRuntime({
        ...variant,
        functionName: 'bench',
        timeoutMs: 10_000,
      });
      try {
        const result = await runtime.invoke(event);
        samples[name].push(performance.now() - started);
        if (!result.ok) {
          ok[name] = false;
          process.stderr.write(`${name}: ${JSON.stringify(result.error)}\n${runtime.stderr}\n`);
        }
      } finally {
        await runtime.stop();
      }
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [
      name,
      { medianMs: median(values), samples: values, ok: ok[name] },
    ]),
  );
}
