import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './support/run-cli.js';

const fixture = (name: string) => `test/fixtures/${name}`;

describe('invokeCommand (lambda-otel invoke, spawned)', () => {
  beforeAll(assertBuilt);

  it('prints the response, the waterfall and a clean diagnosis for a wrapped handler', async () => {
    // Arrange
    const args = ['invoke', fixture('good.mjs#handler'), '--event', 'apigw-http'];
    // Act
    const run = await runCli(args);
    // Assert
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('response ·');
    expect(run.stdout).toContain('"statusCode":200');
    expect(run.stdout).toMatch(/lambda\.invoke SERVER\s+│/);
    expect(run.stdout).toMatch(/└── load order INTERNAL/);
    expect(run.stdout).toContain(
      '✓ [invoke-parented] lambda.invoke is a child of the upstream span',
    );
    expect(run.stdout).toContain('no errors, no warnings · exit 0');
  });

  it('reports a broken handler: error printed, ERROR span, exit 3', async () => {
    // Act
    const run = await runCli(['invoke', fixture('broken.mjs#handler'), '--event', 'sns']);
    // Assert
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('TypeError: order 7 has no customer');
    expect(run.stdout).toMatch(/lambda\.invoke SERVER ✗/);
    expect(run.stdout).toContain('ERROR status');
    expect(run.stdout).toContain('exit 3');
  });

  it('diagnoses a handler that is not wrapped: no spans, exit 1', async () => {
    // Act
    const run = await runCli([
      'invoke',
      fixture('unwrapped.mjs#handler'),
      '--event',
      'function-url',
      '--wait',
      '300',
    ]);
    // Assert
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(no spans)');
    expect(run.stdout).toContain(
      '✗ [no-spans] no span was received: the handler module never calls instrumentHandler',
    );
  });

  it('names the missing propagator for a Datadog-only upstream with the default OTEL_PROPAGATORS', async () => {
    // Act
    const run = await runCli([
      'invoke',
      fixture('good.mjs#handler'),
      '--event',
      'apigw-rest',
      '--upstream',
      'datadog',
    ]);
    // Assert
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /✗ \[upstream-not-read\] the event carries upstream context [0-9a-f]{32}\/[0-9a-f]{16} only in datadog format, which OTEL_PROPAGATORS=tracecontext,baggage does not read/,
    );
    expect(run.stdout).toContain(
      'add datadog to OTEL_PROPAGATORS, e.g. OTEL_PROPAGATORS=tracecontext,baggage,datadog',
    );
  });

  it('is satisfied once datadog is among the propagators', async () => {
    // Act
    const run = await runCli([
      'invoke',
      fixture('good.mjs#handler'),
      '--event',
      'apigw-rest',
      '--upstream',
      'datadog',
      '--env',
      'OTEL_PROPAGATORS=tracecontext,datadog',
    ]);
    // Assert
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(trace');
    expect(run.stdout).toContain('from http-headers)');
  });

  it('checks every SQS record: parented per format, a record without context explained', async () => {
    // Act
    const run = await runCli(['invoke', fixture('sqs-batch.mjs#handler'), '--event', 'sqs']);
    // Assert
    expect(run.code).toBe(0);
    for (const source of ['message-attributes', 'datadog', 'aws-trace-header']) {
      expect(run.stdout).toMatch(
        new RegExp(
          `✓ \\[record-parented\\] record .*continues upstream trace [0-9a-f]{32} \\(${source}\\) and links lambda.invoke`,
        ),
      );
    }
    expect(run.stdout).toContain('i [record-without-upstream]');
    expect(run.stdout).toContain('✓ [batch-links] sqs.batch links all 4 sqs.process spans');
  });

  it('traces an sqsBatchHandler consumer on an SNS→SQS batch, one failed record reported', async () => {
    // Act
    const run = await runCli(['invoke', fixture('sqs-handler.mjs#handler'), '--event', 'sns-sqs']);
    // Assert
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"batchItemFailures":\[\{"itemIdentifier":"[0-9a-f-]{36}"\}\]/);
    expect(run.stdout).toMatch(/sqs\.process CONSUMER ✗/);
    expect(run.stdout.match(/✓ \[record-parented\]/g)).toHaveLength(3);
    expect(run.stdout).toContain('✓ [batch-links] sqs.batch links all 4 sqs.process spans');
  });

  it('flags an SQS handler without per-record spans', async () => {
    // Act
    const run = await runCli([
      'invoke',
      fixture('good.mjs#handler'),
      '--event',
      'sqs',
      '--in-process',
    ]);
    // Assert
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ [records-not-traced] the batch has 4 record(s), 3 with upstream context, but no sqs.process span',
    );
  });

  it('prints one JSON document with --json, over gRPC in process', async () => {
    // Act
    const run = await runCli([
      'invoke',
      fixture('good.mjs#handler'),
      '--event',
      'direct',
      '--in-process',
      '--protocol',
      'grpc',
      '--json',
    ]);
    // Assert
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.result.ok).toBe(true);
    expect(report.spans.map((span: { name: string }) => span.name).sort()).toEqual([
      'lambda.invoke',
      'load order',
    ]);
    expect(report.spans[0].protocol).toBe('grpc');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'invoke-parented', severity: 'ok' }),
    );
  });

  it('never prints a secret the function logs or throws', async () => {
    // Arrange
    const secret = 'sk-live-4f8a9c2e7b1d';
    // Act
    const run = await runCli(['invoke', fixture('leaky.mjs#handler'), '--event', 'schedule'], {
      OTEL_EXPORTER_OTLP_HEADERS: `x-api-key=${secret}`,
    });
    // Assert
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('refused with ***');
    expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
  });

  it('exits 2 with a message on usage errors', async () => {
    // Act
    const missing = await runCli(['invoke', fixture('good.mjs#handler')]);
    const badFormat = await runCli([
      'invoke',
      fixture('good.mjs#handler'),
      '--event',
      's3',
      '--upstream',
      'w3c',
    ]);
    // Assert
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--event is required');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('s3 events can carry none');
  });
});
