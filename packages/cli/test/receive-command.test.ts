import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCli } from './support/run-cli.js';

describe('receiveCommand (lambda-otel receive, spawned)', () => {
  beforeAll(assertBuilt);

  it('prints received traces as trees until SIGINT, then exits 0', async () => {
    // Arrange
    const child = startCli(['receive', '--grpc-port', '0', '--http-port', '0']);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    while (!stdout.includes('listening')) await once(child.stdout!, 'data');
    const http = /HTTP (http:\/\/127\.0\.0\.1:\d+)\/v1\/traces/.exec(stdout)?.[1] ?? '';
    const grpc = /gRPC (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] ?? '';
    // Act
    await runCli(['doctor', '--connect'], { OTEL_EXPORTER_OTLP_ENDPOINT: http });
    await runCli(['doctor', '--connect'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: grpc,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    });
    while ((stdout.match(/lambda-otel\.doctor INTERNAL/g) ?? []).length < 2)
      await once(child.stdout!, 'data');
    child.kill('SIGINT');
    const [code] = await once(child, 'close');
    // Assert
    expect(code).toBe(0);
    expect(stdout).toContain('via http/protobuf');
    expect(stdout).toContain('via grpc');
    expect(stdout).toMatch(/trace 1 [0-9a-f]{32} · lambda-otel-doctor · 1 span/);
    expect(stdout).toContain('stopped · 2 span(s) received');
  });

  it('exits 4 when a port is taken and 2 on a bad port', async () => {
    // Arrange
    const first = startCli(['receive', '--grpc-port', '0', '--http-port', '0']);
    let stdout = '';
    first.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    while (!stdout.includes('listening')) await once(first.stdout!, 'data');
    const port = /HTTP http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1] ?? '';
    // Act
    const taken = await runCli(['receive', '--grpc-port', '0', '--http-port', port]);
    const bad = await runCli(['receive', '--http-port', 'eighty']);
    first.kill('SIGINT');
    await once(first, 'close');
    // Assert
    expect(taken.code).toBe(4);
    expect(taken.stderr).toContain('cannot listen on 127.0.0.1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--http-port expects a whole number');
  });
});
