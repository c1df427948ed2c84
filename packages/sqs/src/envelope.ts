import { parseEventBridgeEnvelope, parseSnsEnvelope } from '@lambda-otel-kit/propagators';
import type { EnvelopeMode } from './types.js';

/** A record payload, unwrapped from its envelope or not. */
export interface UnwrappedPayload {
  /** The SNS `Message`, the EventBridge `detail`, or the body unchanged. */
  payload: unknown;
  /** Which envelope was unwrapped, `undefined` when the body was passed as is. */
  envelope: 'sns' | 'eventbridge' | undefined;
}

/**
 * Unwraps an SQS body delivered by an SNS subscription (without raw delivery) or an
 * EventBridge rule. A body that is not the envelope asked for is passed through unchanged.
 *
 * @param body - The record body.
 * @param mode - `none`, `sns`, `eventbridge`, or `auto` (whichever the body is).
 * @returns The payload and the envelope it came out of.
 * @example
 * ```ts
 * unwrapPayload(record.body, 'auto'); // { payload: { orderId: 42 }, envelope: 'eventbridge' }
 * ```
 */
export function unwrapPayload(body: unknown, mode: EnvelopeMode): UnwrappedPayload {
  if (mode === 'sns' || mode === 'auto') {
    const sns = parseSnsEnvelope(body);
    if (sns) return { payload: sns.Message, envelope: 'sns' };
  }
  if (mode === 'eventbridge' || mode === 'auto') {
    const event = parseEventBridgeEnvelope(body);
    if (event) return { payload: event.detail, envelope: 'eventbridge' };
  }
  return { payload: body, envelope: undefined };
}
