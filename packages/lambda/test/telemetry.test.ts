import { createLambdaContext } from '@lambda-otel-kit/testing';
import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { getTelemetry, initTelemetry, instrumentHandler } from '../src/index.js';
import { useReceiver } from './support/harness.js';

describe('initTelemetry', () => {
  const { receiver } = useReceiver();

  /** Runs one wrapped invocation with nothing but the given environment. */
  async function invokeWith(env: Record<string, string>) {
    const telemetry = initTelemetry({ env });
    await instrumentHandler(async () => 'ok', { telemetry })({}, createLambdaContext());
    const [span] = await receiver().waitForSpans(1);
    return { telemetry, span, request: receiver().requests.at(-1) };
  }

  it.each(['http/protobuf', 'grpc'] as const)(
    'switches to the Coralogix preset by environment alone (%s)',
    async (protocol) => {
      const base = protocol === 'grpc' ? receiver().grpcUrl : receiver().httpUrl;

      const { span, request } = await invokeWith({
        LAMBDA_OTEL_VENDOR: 'coralogix',
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        CX_ENDPOINT: base ?? '',
        CX_TOKEN: 'cx-secret-token',
        CX_APPLICATION_NAME: 'shop',
        CX_SUBSYSTEM_NAME: 'orders',
      });

      expect(request).toMatchObject({
        protocol,
        headers: { authorization: 'Bearer cx-secret-token' },
      });
      expect(span?.resource).toMatchObject({
        'cx.application.name': 'shop',
        'cx.subsystem.name': 'orders',
      });
    },
  );

  it('switches to the Honeycomb preset by environment alone', async () => {
    const { request } = await invokeWith({
      LAMBDA_OTEL_VENDOR: 'honeycomb',
      HONEYCOMB_API_ENDPOINT: receiver().httpUrl ?? '',
      HONEYCOMB_API_KEY: 'hc-key',
    });

    expect(request?.headers['x-honeycomb-team']).toBe('hc-key');
  });

  it('lets OTEL_EXPORTER_OTLP_HEADERS and the endpoint variable work without a preset', async () => {
    const { telemetry, request } = await invokeWith({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver().httpUrl ?? '',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc%20def',
    });

    expect(telemetry.config.otlp.protocol).toBe('http/protobuf');
    expect(request?.headers['x-api-key']).toBe('abc def');
  });

  it('builds once and returns the same telemetry afterwards', () => {
    const first = initTelemetry({ env: {} });

    expect(initTelemetry({ env: { OTEL_SERVICE_NAME: 'other' } })).toBe(first);
    expect(getTelemetry()).toBe(first);
  });

  it('registers the provider globally, so trace.getTracer() in user code reaches it', async () => {
    initTelemetry({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver().httpUrl ?? '' } });

    trace.getTracer('user').startSpan('from user code').end();
    await getTelemetry()?.forceFlush();

    expect(receiver().spans.map((s) => [s.name, s.scope.name])).toEqual([
      ['from user code', 'user'],
    ]);
  });

  it('is a no-op with OTEL_SDK_DISABLED=true', () => {
    const telemetry = initTelemetry({ env: { OTEL_SDK_DISABLED: 'true' } });

    const span = telemetry.tracer.startSpan('x');

    expect(telemetry.enabled).toBe(false);
    expect(span.isRecording()).toBe(false);
    expect(trace.getTracer('user').startSpan('y').isRecording()).toBe(false);
  });
});
