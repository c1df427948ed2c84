import type { TextMapSetter } from '@opentelemetry/api';
import type { SdkMessageAttributeValue } from './types.js';

/**
 * Writes trace fields as AWS SDK v3 message attributes (`{ DataType: 'String', StringValue }`),
 * the shape of SQS `SendMessage` / `SendMessageBatch` entries and SNS `Publish`. It does not
 * count attributes: use {@link injectIntoSendMessage} to stay within SQS's limit of 10.
 * Read them back with {@link messageAttributesGetter}.
 *
 * @example
 * ```ts
 * const attributes: Record<string, SdkMessageAttributeValue> = {};
 * propagation.inject(context.active(), attributes, sdkMessageAttributesSetter);
 * ```
 */
export const sdkMessageAttributesSetter: TextMapSetter<Record<string, SdkMessageAttributeValue>> = {
  set: (carrier, key, value) => {
    carrier[key] = { DataType: 'String', StringValue: value };
  },
};
