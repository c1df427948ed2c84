/** The parts of a Lambda function ARN the invocation span needs. */
export interface LambdaArn {
  /** `aws`, `aws-cn`, `aws-us-gov`… */
  readonly partition: string;
  readonly region: string;
  /** `cloud.account.id`: the ARN's fifth field. */
  readonly accountId: string;
  readonly functionName: string;
  /** Version number, `$LATEST` or alias name, when the ARN was qualified. */
  readonly qualifier: string | undefined;
}

const LAMBDA_ARN =
  /^arn:([a-z0-9-]+):lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]{1,129}))?$/;

/**
 * Parses a Lambda function ARN, qualified or not. Returns `undefined` for anything else.
 *
 * @param arn - e.g. `context.invokedFunctionArn`.
 * @example
 * ```ts
 * parseLambdaArn('arn:aws:lambda:eu-west-1:123456789012:function:orders:live');
 * // { partition: 'aws', region: 'eu-west-1', accountId: '123456789012', functionName: 'orders', qualifier: 'live' }
 * ```
 */
export function parseLambdaArn(arn: unknown): LambdaArn | undefined {
  if (typeof arn !== 'string') return undefined;
  const match = LAMBDA_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, region, accountId, functionName, qualifier] = match;
  return {
    partition: partition!,
    region: region!,
    accountId: accountId!,
    functionName: functionName!,
    qualifier,
  };
}

/**
 * `cloud.resource_id` for an invocation: the function ARN with an alias replaced by the version
 * actually running, as the semantic conventions ask (one sandbox can serve several aliases).
 * `$LATEST` (or an unknown version) gives the unqualified ARN.
 *
 * @param arn - the parsed invoked ARN.
 * @param runningVersion - `AWS_LAMBDA_FUNCTION_VERSION` of this sandbox.
 * @see https://opentelemetry.io/docs/specs/semconv/resource/cloud/
 * @example
 * ```ts
 * resolvedResourceId(parseLambdaArn('arn:aws:lambda:eu-west-1:123456789012:function:orders:live')!, '7');
 * // 'arn:aws:lambda:eu-west-1:123456789012:function:orders:7'
 * ```
 */
export function resolvedResourceId(arn: LambdaArn, runningVersion: string | undefined): string {
  const base = `arn:${arn.partition}:lambda:${arn.region}:${arn.accountId}:function:${arn.functionName}`;
  return runningVersion && /^\d+$/.test(runningVersion) ? `${base}:${runningVersion}` : base;
}
