// Prints the benchmark's table: each figure with its ratio to the baseline measured in the same
// run, and each target as met or not. Returns the list of spans-received failures.
import { ratio } from './stats.mjs';

const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const verdict = (ok) => (ok ? 'met' : 'NOT met');

function row(cells) {
  process.stdout.write(`| ${cells.join(' | ')} |\n`);
}

/**
 * @param {any} r the results object of run.mjs
 * @returns {string[]} spans-received failures
 */
export function printReport(r) {
  const failures = [];
  const c = r.coldStart;
  process.stdout.write(
    `\nMachine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memGb} GiB, Node ${r.machine.node}${r.quick ? ' (quick mode: figures are not meaningful)' : ''}\n\n`,
  );
  row(['measure', 'kit', 'baseline', 'ratio', 'target', 'verdict']);
  row(['---', '---', '---', '---', '---', '---']);
  for (const [protocol, raw] of [
    ['proto', 'raw-sdk'],
    ['grpc', 'raw-sdk-grpc'],
  ]) {
    const kit = c[`kit-${protocol}`].medianMs;
    const base = c[raw].medianMs;
    const layer = c['layer-style'].medianMs;
    row([
      `cold start, ${protocol} vs raw SDK (same exporter)`,
      ms(kit),
      ms(base),
      ratio(kit, base),
      '≤ 1.05×',
      verdict(kit / base <= 1.05),
    ]);
    row([
      `cold start, ${protocol} vs NodeSDK + auto-instrumentations`,
      ms(kit),
      ms(layer),
      ratio(kit, layer),
      '≤ 0.2×',
      verdict(kit / layer <= 0.2),
    ]);
  }
  row(['cold start, uninstrumented', ms(c.none.medianMs), '', '', '', '']);
  // What instrumenting adds to the uninstrumented start, for the kit and the NodeSDK setup.
  const added = (name) => c[name].medianMs - c.none.medianMs;
  for (const protocol of ['proto', 'grpc']) {
    row([
      `cold start added by instrumentation, ${protocol} vs NodeSDK + auto-instrumentations`,
      ms(added(`kit-${protocol}`)),
      ms(added('layer-style')),
      ratio(added(`kit-${protocol}`), added('layer-style')),
      '(for reading)',
      '',
    ]);
  }
  for (const size of [...new Set(r.perRecord.map((p) => p.size))]) {
    const of = (v) => r.perRecord.find((p) => p.size === size && p.variant === v);
    const [kit, raw, none] = [of('kit'), of('raw'), of('none')];
    const dropped = kit.spansExpected - kit.spansReceived;
    row([
      `per record, batch of ${size} (vs raw loop; uninstrumented ${none.usPerRecord.toFixed(1)} µs)`,
      `${kit.usPerRecord.toFixed(1)} µs`,
      `${raw.usPerRecord.toFixed(1)} µs`,
      ratio(kit.usPerRecord, raw.usPerRecord),
      '≤ 1.2×, 0 dropped',
      `${verdict(kit.usPerRecord / raw.usPerRecord <= 1.2 && dropped === 0)} (${kit.spansReceived}/${kit.spansExpected} spans; raw ${raw.spansReceived}/${raw.spansExpected})`,
    ]);
    for (const p of [kit, raw])
      if (p.spansReceived < p.spansExpected)
        failures.push(`${p.variant} batch ${size}: ${p.spansReceived}/${p.spansExpected}`);
  }
  for (const protocol of [...new Set(r.flush.map((f) => f.protocol))]) {
    const kit = r.flush.find((f) => f.protocol === protocol && f.variant === 'kit');
    const raw = r.flush.find((f) => f.protocol === protocol && f.variant === 'raw');
    row([
      `flush of a 10-record batch, ${protocol} (p50 / p99; baseline: raw SDK forceFlush)`,
      `${ms(kit.p50Ms)} / ${ms(kit.p99Ms)}`,
      `${ms(raw.p50Ms)} / ${ms(raw.p99Ms)}`,
      ratio(kit.p99Ms, raw.p99Ms),
      'p99 ≤ 10 ms',
      verdict(kit.p99Ms <= 10),
    ]);
    for (const f of [kit, raw])
      if (f.spansReceived < f.spansExpected)
        failures.push(`flush ${protocol} ${f.variant}: ${f.spansReceived}/${f.spansExpected}`);
  }
  const d = r.down;
  row([
    'backend down: extra time, first invocation',
    ms(d.firstExtraMs),
    `cap ${d.capMs} ms`,
    '',
    '≤ cap + 20 ms',
    verdict(d.firstExtraMs <= d.capMs + 20),
  ]);
  row([
    'backend down: extra time, later invocations (median / max)',
    `${ms(d.laterExtraMs)} / ${ms(d.laterMaxExtraMs)}`,
    `failing cap ${d.failingCapMs} ms`,
    '',
    '≤ cap + 20 ms',
    verdict(d.laterMaxExtraMs <= d.capMs + 20),
  ]);
  for (const [name, b] of Object.entries(r.bundles)) {
    const target = name === 'kit-proto' ? 320 : name === 'kit-grpc' ? 760 : undefined;
    row([
      `bundle ${name} (min / gzip)`,
      `${kb(b.bytes)} / ${kb(b.gzipBytes)}`,
      '',
      '',
      target ? `≤ ${target} KB` : '',
      target ? verdict(b.bytes <= target * 1024) : '',
    ]);
  }
  for (const [name, b] of Object.entries(r.exampleBundles)) {
    row([
      `bundle examples/${name}, http/protobuf (min / gzip)`,
      b.error ?? `${kb(b.bytes)} / ${kb(b.gzipBytes)}`,
      '',
      '',
      '',
      '',
    ]);
  }
  const memoryOf = (variant) => r.memory.find((m) => m.variant === variant);
  const [kitMemory, rawMemory] = [memoryOf('kit'), memoryOf('raw')];
  const newSpace = (m) =>
    `new space ${m.afterWarmup.spaces.new_space} → ${m.afterTotal.spaces.new_space} MB`;
  row([
    `RSS growth, ${kitMemory.warmup} → ${kitMemory.total} invocations (baseline: raw SDK)`,
    `${kitMemory.rssGrowthMb.toFixed(1)} MB (${newSpace(kitMemory)})`,
    `${rawMemory.rssGrowthMb.toFixed(1)} MB (${newSpace(rawMemory)})`,
    '',
    '≤ 5 MB',
    verdict(kitMemory.rssGrowthMb <= 5),
  ]);
  row([
    'V8 heap in use after GC, same invocations',
    `${kitMemory.afterWarmup.heapUsed.toFixed(1)} → ${kitMemory.afterTotal.heapUsed.toFixed(1)} MB`,
    `${rawMemory.afterWarmup.heapUsed.toFixed(1)} → ${rawMemory.afterTotal.heapUsed.toFixed(1)} MB`,
    '',
    '',
    '',
  ]);
  for (const m of r.memory)
    if (m.spansReceived < m.spansExpected)
      failures.push(`memory ${m.variant}: ${m.spansReceived}/${m.spansExpected}`);
  if (r.coldStartSpans === 0) failures.push('cold start: no spans received');
  return failures;
}
