import { fileURLToPath } from 'node:url';
import type { ClientContext } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  clientContext,
  clientContextHeader,
  encodeClientContext,
} from '../../src/events/client-context.js';
import { startLambdaRuntime } from '../../src/runtime-controller.js';
import { extractW3c, UP, UP_DATADOG, UP_IDS } from '../support/propagation.js';

describe('clientContext', () => {
  it('writes the upstream context into custom, with the caller’s keys after it', () => {
    // Act
    const context = clientContext({
      upstream: [
        { kind: 'w3c', ...UP },
        { kind: 'datadog', ...UP },
      ],
      custom: { tenant: 'acme' },
      client: { appTitle: 'checkout' },
      env: { locale: 'de-DE' },
    });

    // Assert
    expectTypeOf(context).toEqualTypeOf<ClientContext>();
    expect(extractW3c(context.custom)).toMatchObject(UP_IDS);
    expect(context.custom['x-datadog-trace-id']).toBe(UP_DATADOG.traceId);
    expect(context.custom.tenant).toBe('acme');
    expect(context.client).toMatchObject({ appTitle: 'checkout', installationId: 'local-test' });
    expect(context.env).toMatchObject({ locale: 'de-DE', platform: 'node' });
  });

  it('has an empty custom without upstream or keys', () => {
    expect(clientContext().custom).toStrictEqual({});
  });

  it('reaches context.clientContext of a handler run by the real aws-lambda-ric', async () => {
    // Arrange
    const runtime = await startLambdaRuntime({
      handler: 'echo.handler',
      taskRoot: fileURLToPath(new URL('../fixtures/runtime/', import.meta.url)),
    });
    const sent = clientContext({ upstream: { kind: 'w3c', ...UP }, custom: { tenant: 'acme' } });

    // Act
    const result = await runtime.invoke<{ clientContext: ClientContext }>(
      {},
      { clientContext: sent },
    );
    await runtime.stop();

    // Assert
    expect(result.ok).toBe(true);
    expect(result.response?.clientContext).toStrictEqual(sent);
    expect(extractW3c(result.response?.clientContext.custom)).toMatchObject(UP_IDS);
  });
});

describe('encodeClientContext', () => {
  it('encodes the JSON as base64, as the Invoke API takes it', () => {
    // Arrange
    const context = clientContext({ custom: { a: 1 } });

    // Act
    const encoded = encodeClientContext(context);

    // Assert
    expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))).toStrictEqual(context);
  });
});

describe('clientContextHeader', () => {
  it('is plain JSON, as the Runtime API sends it', () => {
    // Arrange
    const context = clientContext({ upstream: { kind: 'w3c', ...UP } });

    // Act / Assert
    expect(JSON.parse(clientContextHeader(context))).toStrictEqual(context);
  });
});
