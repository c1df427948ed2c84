import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLambdaArn, resolvedResourceId } from '../src/arn.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const BASE = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';

describe('parseLambdaArn', () => {
  it.each([
    ['a version', `${BASE}:7`, '7'],
    ['an alias', `${BASE}:live`, 'live'],
    ['$LATEST', `${BASE}:$LATEST`, '$LATEST'],
    ['no qualifier', BASE, undefined],
  ])('reads a function ARN qualified with %s', (_name, arn, qualifier) => {
    const parsed = parseLambdaArn(arn);

    expect(parsed).toEqual({
      partition: 'aws',
      region: 'eu-west-1',
      accountId: '123456789012',
      functionName: 'orders',
      qualifier,
    });
  });

  it.each([
    ['aws-cn', 'cn-north-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-iso-b', 'us-isob-east-1'],
  ])('reads the %s partition', (partition, region) => {
    const parsed = parseLambdaArn(`arn:${partition}:lambda:${region}:210987654321:function:f_1-a`);

    expect(parsed).toMatchObject({
      partition,
      region,
      accountId: '210987654321',
      functionName: 'f_1-a',
    });
  });

  it.each([
    ['not a string', 42],
    ['undefined', undefined],
    ['empty', ''],
    ['another service', 'arn:aws:sqs:eu-west-1:123456789012:orders'],
    ['a layer', 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:3'],
    ['a short account id', 'arn:aws:lambda:eu-west-1:12345:function:orders'],
    ['an empty qualifier', `${BASE}:`],
    ['two qualifiers', `${BASE}:live:7`],
    ['a function name with a dot', 'arn:aws:lambda:eu-west-1:123456789012:function:a.b'],
    ['trailing text', `${BASE} `],
  ])('returns undefined for %s', (_name, arn) => {
    expect(parseLambdaArn(arn)).toBeUndefined();
  });

  it('never throws, and what it returns rebuilds the ARN it was given', () => {
    const anyInput = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.string().map((s) => `${BASE}:${s}`),
    );

    fc.assert(
      fc.property(anyInput, (input) => {
        const parsed = parseLambdaArn(input);
        if (parsed === undefined) return;
        const { partition, region, accountId, functionName, qualifier } = parsed;
        const rebuilt = `arn:${partition}:lambda:${region}:${accountId}:function:${functionName}`;
        expect(qualifier === undefined ? rebuilt : `${rebuilt}:${qualifier}`).toBe(input);
      }),
      { numRuns },
    );
  });
});

describe('resolvedResourceId', () => {
  it.each([
    ['a version, running that version', `${BASE}:7`, '7', `${BASE}:7`],
    ['an alias, running version 7', `${BASE}:live`, '7', `${BASE}:7`],
    ['$LATEST, running $LATEST', `${BASE}:$LATEST`, '$LATEST', BASE],
    ['nothing, running $LATEST', BASE, '$LATEST', BASE],
    ['nothing, running version 3', BASE, '3', `${BASE}:3`],
    ['an alias, version unknown', `${BASE}:live`, undefined, BASE],
    ['an alias, version blank', `${BASE}:live`, '', BASE],
  ])('names the running version for an ARN qualified with %s', (_name, arn, version, expected) => {
    const parsed = parseLambdaArn(arn)!;

    expect(resolvedResourceId(parsed, version)).toBe(expected);
  });

  it('keeps the partition, region and account of the invoked ARN', () => {
    const parsed = parseLambdaArn('arn:aws-cn:lambda:cn-north-1:210987654321:function:f:blue')!;

    expect(resolvedResourceId(parsed, '12')).toBe(
      'arn:aws-cn:lambda:cn-north-1:210987654321:function:f:12',
    );
  });
});
