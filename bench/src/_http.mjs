import { fork } from 'node:child_process'; import { once } from 'node:events'; import http from 'node:http';
const c = fork('/tmp/fastrecv.mjs', [], { execArgv: [] }); const [{port}] = await once(c, 'message');
const agent = new http.Agent({ keepAlive: process.argv[2] === 'ka' });
const body = Buffer.alloc(3000, 1);
const t = [];
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  await new Promise((resolve, reject) => { const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/traces', agent, headers: { 'content-type': 'application/x-protobuf', 'content-length': body.length } }, (res) => { res.on('data', () => {}); res.on('end', resolve); }); req.on('error', reject); req.write(body); req.end(); });
  t.push(performance.now() - s);
}
const q = (a, p) => [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))];
console.log(process.argv[2], 'p50', q(t, .5).toFixed(2), 'p99', q(t, .99).toFixed(2));
c.kill(); process.exit(0);
