import type { OtlpProtocol } from '@lambda-otel-kit/core';
import { type OtlpReceiver, startOtlpReceiver } from '@lambda-otel-kit/testing';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetTelemetry, type TelemetryOptions } from '../../src/index.js';

/** A receiver for the whole file, cleared and reset after each test, with telemetry options for it. */
export function useReceiver(): {
  receiver: () => OtlpReceiver;
  options: (protocol?: OtlpProtocol, extra?: TelemetryOptions) => TelemetryOptions;
} {
  let receiver: OtlpReceiver | undefined;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterEach(async () => {
    await resetTelemetry();
    receiver?.setFault('none');
    receiver?.clear();
  });
  afterAll(async () => {
    await receiver?.close();
  });
  const get = (): OtlpReceiver => {
    if (receiver === undefined) throw new Error('receiver not started');
    return receiver;
  };
  return {
    receiver: get,
    options: (protocol = 'http/protobuf', extra = {}) => {
      const r = get();
      const url = protocol === 'grpc' ? r.grpcUrl : r.tracesUrl;
      return {
        env: {},
        serviceName: 'test-function',
        ...extra,
        otlp: { protocol, url: url ?? '', ...extra.otlp },
      } as TelemetryOptions;
    },
  };
}
