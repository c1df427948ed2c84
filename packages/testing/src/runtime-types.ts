import type { ClientContext, CognitoIdentity, Context } from 'aws-lambda';

/**
 * The error document a Lambda runtime posts for a failed invocation or a failed init, as the
 * caller of `Invoke` sees it.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-invokeerror
 */
export interface LambdaError {
  /** E.g. `TypeError`, `Runtime.ImportModuleError`, `Sandbox.Timedout`. */
  errorType: string;
  errorMessage: string;
  /** Stack trace lines, when the runtime sent them. */
  trace?: string[];
}

/** Per-invocation options shared by the runtime emulator and the in-process helper. */
export interface InvokeOptions {
  /** `Lambda-Runtime-Aws-Request-Id`; a random UUID by default. */
  requestId?: string;
  /** `Lambda-Runtime-Trace-Id`, X-Ray format (`Root=1-…;Parent=…;Sampled=1`); no header by default. */
  traceId?: string;
  /** Sent as JSON in `Lambda-Runtime-Client-Context`; becomes `context.clientContext`. */
  clientContext?: ClientContext | Record<string, unknown>;
  /** Sent as JSON in `Lambda-Runtime-Cognito-Identity`; becomes `context.identity`. */
  identity?: CognitoIdentity | Record<string, unknown>;
  /** Function timeout for this invocation, in milliseconds; the runtime's timeout by default. */
  timeoutMs?: number;
  /** `Lambda-Runtime-Invoked-Function-Arn`, e.g. with an alias; the function's ARN by default. */
  invokedFunctionArn?: string;
}

/** What one invocation produced: the same shape from the emulator and from the in-process helper. */
export interface InvokeResult<TResponse = unknown> {
  requestId: string;
  /** True when the runtime posted a response (not an error, not a timeout, not a crash). */
  ok: boolean;
  /** The response, decoded from JSON (a string when it was not JSON). */
  response?: TResponse;
  error?: LambdaError;
  /** From the moment the runtime received the event to its answer (or the deadline). */
  durationMs: number;
  /** True when no answer arrived before the deadline. */
  timedOut: boolean;
  /** True for the first invocation a fresh runtime process served (emulator only). */
  coldStart?: boolean;
  /** Milliseconds from spawning the runtime process to its first poll, on a cold start (emulator only). */
  initDurationMs?: number;
  /** Id of the runtime process that served the invocation (emulator only). */
  pid?: number;
}

/** Options of {@link startLambdaRuntime}. */
export interface LambdaRuntimeOptions {
  /** The `_HANDLER` string: `file.export`, relative to `taskRoot` (e.g. `index.handler`, `src/app.main`). */
  handler: string;
  /** `LAMBDA_TASK_ROOT`: the directory the handler path is relative to. */
  taskRoot: string;
  /** Extra environment for the runtime process (e.g. `OTEL_*`); wins over the defaults. */
  env?: Record<string, string | undefined>;
  /** Pass this process's environment to the runtime too (below the defaults); false by default. */
  inheritEnv?: boolean;
  /** Function timeout in milliseconds; 3000 by default (Lambda's default). */
  timeoutMs?: number;
  /** Time a process gets from spawn to its first `/next` poll; 10000 by default (Lambda's init limit). */
  initTimeoutMs?: number;
  /** `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`; 128 by default. */
  memoryMb?: number;
  /** `AWS_LAMBDA_FUNCTION_NAME`; `local-function` by default. */
  functionName?: string;
  /** `AWS_LAMBDA_FUNCTION_VERSION`; `$LATEST` by default. */
  functionVersion?: string;
  /** `AWS_REGION`; `us-east-1` by default. */
  region?: string;
  /** Account id in the default function ARN; `123456789012` by default. */
  accountId?: string;
  /** Write the runtime's stdout and stderr to this process's too; false by default. */
  echo?: boolean;
  /** Path of the runtime client's `index.mjs`; the `aws-lambda-ric` this package depends on by default. */
  runtimeClientPath?: string;
  /** Address the Runtime API binds to; `127.0.0.1` by default. */
  host?: string;
  /** Port the Runtime API binds to; ephemeral (0) by default. */
  port?: number;
}

/** A running runtime client behind an emulated Runtime API. */
export interface LambdaRuntime {
  /** `host:port` of the emulated Runtime API, as given in `AWS_LAMBDA_RUNTIME_API`. */
  readonly runtimeApi: string;
  /** Id of the current runtime process, if one is alive. */
  readonly pid: number | undefined;
  /** Everything the runtime processes wrote to stdout so far. */
  readonly stdout: string;
  /** Everything the runtime processes wrote to stderr so far. */
  readonly stderr: string;
  /** The error of the latest init, when it failed (posted to `/runtime/init/error`, a crash or a timeout). */
  readonly initError: LambdaError | undefined;
  /** Queue one event and wait for its outcome; never rejects for a function failure. */
  invoke<TResponse = unknown>(
    event: unknown,
    options?: InvokeOptions,
  ): Promise<InvokeResult<TResponse>>;
  /** Kill the runtime process and close the Runtime API; idempotent. */
  stop(): Promise<void>;
}

/** How one emulated invocation ended. */
export type InvocationOutcome =
  | { kind: 'response'; response: unknown; at: number; dispatchedAt?: number }
  | { kind: 'error'; error: LambdaError; at: number; dispatchedAt?: number; timedOut?: boolean };

/** An event the runtime client has just received. */
export interface DispatchedInvocation {
  requestId: string;
  /** Epoch ms when `/next` answered with this event. */
  dispatchedAt: number;
  /** The `Lambda-Runtime-Deadline-Ms` sent with it. */
  deadlineMs: number;
}

/** An event in the emulator's queue. */
export interface QueuedInvocation {
  requestId: string;
  /** Settles once: response, error, or whatever `settle()` or `close()` decided. */
  outcome: Promise<InvocationOutcome>;
}

/** Callbacks for what the runtime client does; each is optional. */
export interface RuntimeApiListener {
  /** A runtime client asked for the next event (it finished init or its previous event). */
  onPoll?(): void;
  onDispatch?(invocation: DispatchedInvocation): void;
  /** A runtime client posted to `/runtime/init/error`. */
  onInitError?(error: LambdaError): void;
}

/** Options of {@link startRuntimeApiEmulator}. */
export interface RuntimeApiEmulatorOptions {
  /** Address to bind; `127.0.0.1` by default. */
  host?: string;
  /** Port to bind; ephemeral (0) by default. */
  port?: number;
  /** Default `Lambda-Runtime-Invoked-Function-Arn`. */
  functionArn?: string;
  /** Default timeout used for `Lambda-Runtime-Deadline-Ms`; 3000 ms by default. */
  timeoutMs?: number;
  listener?: RuntimeApiListener;
}

/** An emulated Runtime API `2018-06-01` server. */
export interface RuntimeApiEmulator {
  /** `host:port`, the value for `AWS_LAMBDA_RUNTIME_API`. */
  readonly runtimeApi: string;
  /** Events waiting for a runtime client to ask for them. */
  readonly queued: number;
  /** Queues an event; throws only when closed or when the request id was used before. */
  enqueue(event: unknown, options?: InvokeOptions): QueuedInvocation;
  /** Ends a queued or running invocation from outside (timeout, crash); false if already ended. */
  settle(requestId: string, outcome: InvocationOutcome): boolean;
  /** While held, `/next` polls wait even if events are queued. */
  hold(on: boolean): void;
  /** Drops every open connection (after the runtime process was killed). */
  disconnect(): void;
  /** Ends every open invocation as `Runtime.Stopped` and closes the server; idempotent. */
  close(): Promise<void>;
}

/** Options of {@link createLambdaContext}. */
export interface LambdaContextOptions {
  /** `awsRequestId`; a random UUID by default. */
  requestId?: string;
  /** `local-function` by default. */
  functionName?: string;
  /** `$LATEST` by default. */
  functionVersion?: string;
  /** `memoryLimitInMB`; 128 by default. */
  memoryMb?: number;
  /** Deadline as epoch ms; `now + timeoutMs` by default. */
  deadlineMs?: number;
  /** Function timeout used for the default deadline; 3000 ms by default. */
  timeoutMs?: number;
  /** The function's ARN (region, account and name above) by default. */
  invokedFunctionArn?: string;
  /** `us-east-1` by default. */
  region?: string;
  /** `123456789012` by default. */
  accountId?: string;
  /** `/aws/lambda/<functionName>` by default. */
  logGroupName?: string;
  /** A Lambda-shaped `YYYY/MM/DD/[version]<hex>` by default. */
  logStreamName?: string;
  clientContext?: ClientContext | Record<string, unknown>;
  identity?: CognitoIdentity | Record<string, unknown>;
  /** Receives the legacy `context.done` / `succeed` / `fail` calls, as `(error, result)`. */
  onDone?: (error: unknown, result?: unknown) => void;
}

/** Options of {@link invokeInProcess}. */
export interface InvokeInProcessOptions
  extends InvokeOptions,
    Omit<LambdaContextOptions, 'onDone' | 'requestId' | 'clientContext' | 'identity'> {
  /**
   * `allow` (default): callback handlers work as on the `nodejs20.x`/`nodejs22.x` runtimes.
   * `reject`: a handler declaring three parameters fails with `Runtime.CallbackHandlerDeprecated`,
   * as `aws-lambda-ric` 4 and `nodejs24.x` do at init.
   */
  callbackHandlers?: 'allow' | 'reject';
}

/** Any handler shape Lambda's Node.js runtimes accept: async, or callback-style. */
export type InProcessHandler<TEvent = unknown, TResult = unknown> = (
  event: TEvent,
  context: Context,
  callback: (error?: unknown, result?: TResult) => void,
) => unknown;
