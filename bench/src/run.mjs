// `pnpm bench [--quick]`: every figure measured side by side in this run, printed as a table with
// ratios against the baselines, written as JSON to bench/results/. `--quick` runs a few
// iterations only and checks that spans were received (CI runs it so the benchmark cannot rot).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startOtlpReceiver } from '@lambda-otel-kit/testing';
import { BUILD_DIR, bundleHandler, bundleVariants } from './bundle.mjs';
import { coldStartVariants, measureColdStarts } from './cold-start.mjs';
import { printReport } from './report.mjs';
import { median } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const quick = process.argv.includes('--quick');
const plan = quick
  ? {
      coldRuns: 2,
      sizes: [10, 100],
      rounds: 1,
      reps: () => 2,
      flushReps: 20,
      downReps: 3,
      memory: [50, 200],
    }
  : {
      coldRuns: 21,
      sizes: [10, 1000, 10_000],
      rounds: 5,
      // about 2,000 records per measured child, at least 5 invocations
      reps: (size) => Math.max(5, Math.ceil(2000 / size)),
      flushReps: 300,
      downReps: 15,
      memory: [100, 10_000],
    };

const run = promisify(execFile);
async function child(...args) {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', join(here, 'child.mjs'), ...args],
    {
      cwd: here,
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

async function exampleBundles() {
  const dir = join(root, 'examples');
  if (!existsSync(dir)) return {};
  const out = {};
  for (const name of await readdir(dir)) {
    const entry = join(dir, name, 'src', 'handler.ts');
    if (!existsSync(entry)) continue;
    const proto = [
      '@opentelemetry/exporter-trace-otlp-grpc',
      '@grpc/grpc-js',
      '@opentelemetry/exporter-trace-otlp-http',
    ];
    out[name] = await bundleHandler(entry, join(BUILD_DIR, 'examples', name), proto).catch(
      (error) => ({ error: String(error.message ?? error).split('\n')[0] }),
    );
  }
  return out;
}

const log = (text) => process.stderr.write(`==> ${text}\n`);
const results = {
  quick,
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  at: new Date().toISOString(),
};

log('bundling the variants');
results.bundles = await bundleVariants();
results.exampleBundles = await exampleBundles();

log(`cold starts (${plan.coldRuns} runs per variant, interleaved)`);
const receiver = await startOtlpReceiver();
try {
  results.coldStart = await measureColdStarts(coldStartVariants(receiver), plan.coldRuns);
  results.coldStartSpans = receiver.spans.length;
} finally {
  await receiver.close();
}

// Per record: each variant in a fresh process, interleaved over rounds (machine noise hits all
// alike); a variant's figure is the median of its rounds, each round the median of its reps.
results.perRecord = [];
for (const size of plan.sizes) {
  const rounds = { none: [], raw: [], kit: [] };
  for (let round = 0; round < plan.rounds; round++) {
    for (const variant of Object.keys(rounds)) {
      log(`per record: ${variant}, batch of ${size} (round ${round + 1}/${plan.rounds})`);
      rounds[variant].push(
        await child('per-record', variant, String(size), String(plan.reps(size))),
      );
    }
  }
  for (const [variant, runs] of Object.entries(rounds)) {
    results.perRecord.push({
      variant,
      size,
      usPerRecord: median(runs.map((r) => r.usPerRecord)),
      rounds: runs.map((r) => r.usPerRecord),
      spansExpected: runs.reduce((sum, r) => sum + r.spansExpected, 0),
      spansReceived: runs.reduce((sum, r) => sum + r.spansReceived, 0),
    });
  }
}

results.flush = [];
for (const protocol of ['http/protobuf', 'grpc']) {
  for (const variant of ['raw', 'kit']) {
    log(`flush latency over ${protocol}: ${variant}`);
    results.flush.push(await child('flush', variant, protocol, String(plan.flushReps)));
  }
}
log('backend down');
results.down = await child('down', String(plan.downReps));
results.memory = [];
for (const variant of ['raw', 'kit']) {
  log(`memory (${plan.memory[1]} invocations): ${variant}`);
  results.memory.push(
    await child('memory', variant, String(plan.memory[0]), String(plan.memory[1])),
  );
}

const failures = printReport(results);
await mkdir(join(here, '..', 'results'), { recursive: true });
const file = join(
  here,
  '..',
  'results',
  `${quick ? 'quick' : 'full'}-${results.at.replace(/[:.]/g, '-')}.json`,
);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
log(`written ${file}`);
if (failures.length > 0) {
  process.stderr.write(`\nspans missing:\n  ${failures.join('\n  ')}\n`);
  process.exit(1);
}
