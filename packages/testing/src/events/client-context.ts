import type { ClientContext } from 'aws-lambda';
import { asList } from './defaults.js';
import { upstreamHeaders } from './trace-headers.js';
import type { HeaderUpstream } from './types.js';

/** Options of {@link clientContext}. */
export interface ClientContextOptions {
  /** Keys for `custom`; the upstream headers are added to them. */
  custom?: Record<string, unknown>;
  /** Upstream context(s), written into `custom` as header-style keys. */
  upstream?: HeaderUpstream | readonly HeaderUpstream[];
  client?: Partial<ClientContext['client']>;
  env?: Partial<ClientContext['env']>;
}

/**
 * The `ClientContext` of a direct (SDK) invoke, with an upstream context in `custom`
 * (`traceparent`, `x-datadog-*`, … as the caller's propagator wrote them).
 *
 * @param options - see {@link ClientContextOptions}.
 * @returns a `ClientContext` from `@types/aws-lambda`.
 * @example
 * ```ts
 * const cc = clientContext({ upstream: { kind: 'w3c', ...up } });
 * encodeClientContext(cc); // for the Invoke API's ClientContext parameter
 * ```
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
export function clientContext(options: ClientContextOptions = {}): ClientContext {
  const custom: Record<string, unknown> = {};
  for (const upstream of asList(options.upstream)) Object.assign(custom, upstreamHeaders(upstream));
  Object.assign(custom, options.custom);
  return {
    client: {
      installationId: 'local-test',
      appTitle: 'lambda-otel-kit tests',
      appVersionName: '1.0.0',
      appVersionCode: '1',
      appPackageName: 'lambda-otel-kit.testing',
      ...options.client,
    },
    custom,
    env: {
      platformVersion: '1.0',
      platform: 'node',
      make: 'local',
      model: 'test',
      locale: 'en-US',
      ...options.env,
    },
  };
}

/**
 * Base64 of the client context JSON, the form the Invoke API (`ClientContext` parameter,
 * `X-Amz-Client-Context` header) takes. Lambda decodes it before it reaches the runtime.
 *
 * @param context - the client context.
 * @returns base64 text.
 * @example
 * ```ts
 * await lambda.send(new InvokeCommand({ FunctionName, ClientContext: encodeClientContext(cc) }));
 * ```
 */
export function encodeClientContext(context: ClientContext): string {
  return Buffer.from(JSON.stringify(context)).toString('base64');
}

/**
 * The value of the Runtime API's `Lambda-Runtime-Client-Context` header: plain JSON (the
 * runtime interface client `JSON.parse`s it into `context.clientContext`).
 *
 * @param context - the client context.
 * @returns JSON text.
 * @example
 * ```ts
 * headers['lambda-runtime-client-context'] = clientContextHeader(cc);
 * ```
 */
export function clientContextHeader(context: ClientContext): string {
  return JSON.stringify(context);
}
