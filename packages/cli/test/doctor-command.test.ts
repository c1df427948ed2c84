import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort, startOtlpReceiver } from '@lambda-otel-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'lambda-otel-doctor-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('doctorCommand (lambda-otel doctor, spawned)', () => {
  beforeAll(assertBuilt);

  it('reports a wrong endpoint: no scheme, and gRPC on the HTTP port', async () => {
    // Act
    const noScheme = await runCli(['doctor'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' });
    const grpcOnHttp = await runCli(['doctor'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    });
    // Assert
    expect(noScheme.code).toBe(1);
    expect(noScheme.stdout).toContain(
      '✗ [endpoint-malformed] OTEL_EXPORTER_OTLP_ENDPOINT "collector:4318" is not an http:// or https:// URL',
    );
    expect(grpcOnHttp.code).toBe(1);
    expect(grpcOnHttp.stdout).toContain(
      '✗ [protocol-port-mismatch] the protocol is grpc but the endpoint port is 4318',
    );
  });

  it('reads an env file and a Dockerfile: layer wrapper, layer handler, unknown propagator, missing vendor key', async () => {
    // Arrange
    const envFile = file(
      '.env',
      'OTEL_PROPAGATORS=tracecontext,datadgo\nLAMBDA_OTEL_VENDOR=honeycomb\n',
    );
    const dockerfile = file(
      'Dockerfile',
      'FROM public.ecr.aws/lambda/nodejs:20 AS base\nFROM base\nENV AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-handler \\\n    OTEL_SERVICE_NAME=orders\nCMD ["/opt/nodejs/node_modules/datadog-lambda-js/handler.handler"]\n',
    );
    // Act
    const run = await runCli([
      'doctor',
      '--env-file',
      envFile,
      '--dockerfile',
      dockerfile,
      '--handler',
      'test/fixtures/unwrapped.mjs',
    ]);
    // Assert
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  service      orders');
    for (const code of [
      'exec-wrapper',
      'layer-handler',
      'propagator-unknown',
      'vendor-key-missing',
      'handler-not-wrapped',
    ]) {
      expect(run.stdout).toContain(`✗ [${code}]`);
    }
    expect(run.stdout).toContain('LAMBDA_OTEL_VENDOR=honeycomb needs HONEYCOMB_API_KEY');
  });

  it('masks every secret: header values, URL credentials, vendor keys', async () => {
    // Arrange
    const secrets = ['hcSuperSecret123', 'pa55w0rd-xyz', 'tok3n-in-query'];
    const env = {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `https://user:${secrets[1]}@otlp.example.com/v1/traces?token=${secrets[2]}`,
      OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${secrets[0]},broken-entry`,
    };
    // Act
    const text = await runCli(['doctor'], env);
    const json = await runCli(['doctor', '--json'], env);
    // Assert
    expect(text.stdout).toContain('x-honeycomb-team=*** (16 chars)');
    expect(text.stdout).toContain('https://***:***@otlp.example.com/v1/traces?token=***');
    expect(JSON.parse(json.stdout).configuration.headers).toEqual({
      'x-honeycomb-team': '*** (16 chars)',
    });
    for (const secret of secrets) {
      expect(`${text.stdout}${text.stderr}${json.stdout}${json.stderr}`).not.toContain(secret);
    }
  });

  it('sends a test span with --connect and reports the answer', async () => {
    // Arrange
    const receiver = await startOtlpReceiver({ protocols: ['http'] });
    const closedPort = await getFreePort();
    try {
      // Act
      const ok = await runCli(['doctor', '--connect'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl ?? '',
      });
      const refused = await runCli(['doctor', '--connect', '--connect-timeout', '2000'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closedPort}`,
      });
      // Assert
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(
        /✓ \[connect\] http:\/\/127\.0\.0\.1:\d+\/v1\/traces \(http\/protobuf\) accepted a test span/,
      );
      expect(receiver.spans.map((span) => span.name)).toEqual(['lambda-otel.doctor']);
      expect(receiver.spans[0]?.resource['service.name']).toBe('lambda-otel-doctor');
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('✗ [connect-failed]');
    } finally {
      await receiver.close();
    }
  });

  it('passes a sound configuration and prints help', async () => {
    // Act
    const run = await runCli(['doctor'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'https://api.honeycomb.io',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-honeycomb-team=abcd1234',
      OTEL_SERVICE_NAME: 'orders',
    });
    const help = await runCli(['doctor', '--help']);
    // Assert
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no errors, no warnings · exit 0');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 no errors');
  });
});
