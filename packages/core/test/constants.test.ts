import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTR, ATTR_VALUES, SPAN_NAMES } from '../src/constants.js';

describe('SPAN_NAMES', () => {
  it('names the three spans of the span model', () => {
    expect(SPAN_NAMES).toEqual({
      invoke: 'lambda.invoke',
      sqsProcess: 'sqs.process',
      sqsBatch: 'sqs.batch',
    });
  });
});

describe('ATTR', () => {
  it('has one key per attribute, all dotted lower-case names', () => {
    const keys = Object.values(ATTR);

    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it('uses the convention keys the kit documents', () => {
    expect(ATTR).toMatchObject({
      FAAS_TRIGGER: 'faas.trigger',
      FAAS_INVOCATION_ID: 'faas.invocation_id',
      FAAS_COLDSTART: 'faas.coldstart',
      AWS_LAMBDA_INVOKED_ARN: 'aws.lambda.invoked_arn',
      CLOUD_RESOURCE_ID: 'cloud.resource_id',
      CLOUD_ACCOUNT_ID: 'cloud.account.id',
      MESSAGING_SYSTEM: 'messaging.system',
      MESSAGING_OPERATION_TYPE: 'messaging.operation.type',
      MESSAGING_DESTINATION_NAME: 'messaging.destination.name',
      MESSAGING_MESSAGE_ID: 'messaging.message.id',
      MESSAGING_BATCH_MESSAGE_COUNT: 'messaging.batch.message_count',
      HTTP_REQUEST_METHOD: 'http.request.method',
      URL_PATH: 'url.path',
      HTTP_ROUTE: 'http.route',
      HTTP_RESPONSE_STATUS_CODE: 'http.response.status_code',
    });
  });

  it('keeps every kit-specific key under lambda_otel.', () => {
    const kitKeys = Object.entries(ATTR).filter(([name]) => name.startsWith('KIT_'));

    expect(kitKeys.length).toBeGreaterThan(0);
    for (const [, key] of kitKeys) expect(key.startsWith('lambda_otel.')).toBe(true);
  });

  it('is the kit’s own copy, not an import of the semantic-conventions package', () => {
    const source = readFileSync(new URL('../src/constants.ts', import.meta.url), 'utf8');

    expect(source).not.toMatch(/from\s+['"]@opentelemetry\/semantic-conventions/);
  });
});

describe('ATTR_VALUES', () => {
  it('spells the SQS system and the process operation as the conventions do', () => {
    expect(ATTR_VALUES.MESSAGING_SYSTEM_AWS_SQS).toBe('aws_sqs');
    expect(ATTR_VALUES.MESSAGING_OPERATION_TYPE_PROCESS).toBe('process');
    expect(ATTR_VALUES.CLOUD_PLATFORM_AWS_LAMBDA).toBe('aws_lambda');
  });
});
