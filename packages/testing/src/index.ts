/**
 * @packageDocumentation
 * Test harness for Lambda telemetry: OTLP receiver, Runtime API emulator driving the real runtime client, event factories, span-tree assertions and printer.
 */

export { invokeInProcess } from './invoke-in-process.js';
export { createLambdaContext } from './lambda-context.js';
export { getFreePort } from './otlp-free-port.js';
export { startOtlpReceiver } from './otlp-receiver.js';
export type {
  OtlpFault,
  OtlpProtocol,
  OtlpReceiver,
  OtlpReceiverOptions,
  ReceivedAttributes,
  ReceivedEvent,
  ReceivedLink,
  ReceivedRequest,
  ReceivedSpan,
  ReceivedSpanKindName,
  ReceivedValue,
  SpansListener,
  WaitForSpansOptions,
} from './otlp-types.js';
export { startRuntimeApiEmulator } from './runtime-api-emulator.js';
export { resolveRuntimeClientPath } from './runtime-client-path.js';
export { startLambdaRuntime } from './runtime-controller.js';
export type {
  DispatchedInvocation,
  InProcessHandler,
  InvocationOutcome,
  InvokeInProcessOptions,
  InvokeOptions,
  InvokeResult,
  LambdaContextOptions,
  LambdaError,
  LambdaRuntime,
  LambdaRuntimeOptions,
  QueuedInvocation,
  RuntimeApiEmulator,
  RuntimeApiEmulatorOptions,
  RuntimeApiListener,
} from './runtime-types.js';
