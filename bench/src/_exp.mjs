import { fork } from 'node:child_process'; import { once } from 'node:events';
const c = fork('/tmp/fastrecv.mjs', [], { execArgv: [] }); const [{port}] = await once(c, 'message');
const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
const { BasicTracerProvider, SimpleSpanProcessor, InMemorySpanExporter } = await import('@opentelemetry/sdk-trace-base');
const mem = new InMemorySpanExporter();
const p = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(mem)] });
const tr = p.getTracer('x'); for (let i = 0; i < 12; i++) tr.startSpan('s' + i, { attributes: { a: 'b'.repeat(30) } }).end();
const spans = mem.getFinishedSpans();
const opts = process.argv[2] === 'nd' ? { httpAgentOptions: { keepAlive: true, noDelay: true } } : {};
const ex = new OTLPTraceExporter({ url: `http://127.0.0.1:${port}/v1/traces`, ...opts });
const t = [];
for (let i = 0; i < 200; i++) { const s = performance.now(); await new Promise((r) => ex.export(spans, r)); t.push(performance.now() - s); }
const q = (a, pp) => [...a].sort((x, y) => x - y)[Math.floor(pp * (a.length - 1))];
console.log(process.argv[2] ?? 'default', 'p50', q(t.slice(20), .5).toFixed(2), 'p99', q(t.slice(20), .99).toFixed(2));
c.kill(); process.exit(0);
