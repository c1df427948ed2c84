import { fork } from 'node:child_process'; import { once } from 'node:events';
const c = fork('/tmp/fastrecv.mjs', [], { execArgv: [] }); const [{port}] = await once(c, 'message');
process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:' + port;
const { createLambdaContext } = await import('@lambda-otel-kit/testing');
const { sqsBatch } = await import('./events.mjs');
const { handler } = await import(`./variants/${process.argv[2]}.mjs`);
const times = [];
for (let i = 0; i < 220; i++) { const s = performance.now(); await handler(sqsBatch(i < 110 ? 10 : 100), createLambdaContext({ timeoutMs: 60000 })); times.push(performance.now() - s); }
const q = (a, p) => [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))];
console.log(process.argv[2], 'inv10 p50', q(times.slice(20,110), .5).toFixed(2), 'p99', q(times.slice(20,110), .99).toFixed(2), 'inv100 p50', q(times.slice(120), .5).toFixed(2));
c.kill(); process.exit(0);
