import type { Context, TextMapPropagator } from '@opentelemetry/api';
import { DATADOG_ATTRIBUTE } from './datadog-json-carrier.js';
import { xrayPropagator } from './default-propagators.js';
import { objectSetter } from './object-carrier.js';
import { AWS_TRACE_HEADER } from './sqs-record-carrier.js';
import type { InjectionOutcome, SdkMessageAttributeValue, SendMessageLike } from './types.js';
import { warnOnce } from './warn-once.js';
import { XRAY_HEADER } from './xray-propagator.js';

/** SQS (and SNS raw delivery to SQS) accept at most this many message attributes per message. */
export const MAX_MESSAGE_ATTRIBUTES = 10;
/** Most important first: what a consumer needs to continue the trace, then what enriches it. */
const PRIORITY = ['traceparent', DATADOG_ATTRIBUTE, 'tracestate', 'baggage'];

type Attributes = Record<string, SdkMessageAttributeValue>;

/** The fields a propagator writes, X-Ray split out and Datadog headers packed as dd-trace does. */
function fieldsFor(context: Context, propagator: TextMapPropagator) {
  const fields: Record<string, unknown> = {};
  try {
    propagator.inject(context, fields, objectSetter);
  } catch (error) {
    warnOnce(
      'propagators:message-inject',
      `lambda-otel-kit: message injection failed: ${String(error)}`,
    );
  }
  const xray =
    typeof fields[XRAY_HEADER] === 'string' ? (fields[XRAY_HEADER] as string) : undefined;
  const datadog: Record<string, string> = {};
  const others: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || name === XRAY_HEADER) continue;
    if (name.startsWith('x-datadog-')) datadog[name] = value;
    else others.push([name, value]);
  }
  if (Object.keys(datadog).length > 0) others.push([DATADOG_ATTRIBUTE, JSON.stringify(datadog)]);
  const rank = (name: string) =>
    PRIORITY.includes(name) ? PRIORITY.indexOf(name) : PRIORITY.length;
  others.sort(([a], [b]) => rank(a) - rank(b));
  return { xray, ordered: others };
}

/** The X-Ray header for the fallback, from the propagator's output or made for it. */
function xrayHeaderFor(context: Context, fromPropagator: string | undefined): string | undefined {
  if (fromPropagator) return fromPropagator;
  const fields: Record<string, unknown> = {};
  xrayPropagator().inject(context, fields, objectSetter);
  const header = fields[XRAY_HEADER];
  return typeof header === 'string' ? header : undefined;
}

/** @internal What an injection will write. */
export interface Plan {
  attributes: Attributes;
  systemAttributes: Attributes | undefined;
  outcome: InjectionOutcome;
  /** Whether the propagator had anything to inject (a valid, unsuppressed span context). */
  hadFields: boolean;
}

/**
 * @internal Decides what to write into one message: the propagator's fields most important first
 * while the message stays within {@link MAX_MESSAGE_ATTRIBUTES}, X-Ray into `AWSTraceHeader`, and
 * `AWSTraceHeader` as the fallback when not one field fits (`canUseSystemAttribute`).
 */
export function plan(
  input: SendMessageLike,
  context: Context,
  propagator: TextMapPropagator,
  canUseSystemAttribute: boolean,
): Plan {
  const attributes: Attributes = { ...(input.MessageAttributes ?? {}) };
  let systemAttributes = input.MessageSystemAttributes;
  const { xray, ordered } = fieldsFor(context, propagator);
  const systemFree = canUseSystemAttribute && systemAttributes?.[AWS_TRACE_HEADER] === undefined;
  const setSystem = (header: string) => {
    systemAttributes = {
      ...(systemAttributes ?? {}),
      [AWS_TRACE_HEADER]: { DataType: 'String', StringValue: header },
    };
  };
  if (xray && systemFree) setSystem(xray);
  if (ordered.length === 0) {
    // An X-Ray-only propagator: the system attribute is the whole injection.
    const outcome = xray && systemFree ? 'complete' : 'none';
    return { attributes, systemAttributes, outcome, hadFields: xray !== undefined };
  }
  let room = MAX_MESSAGE_ATTRIBUTES - Object.keys(attributes).length;
  let injected = 0;
  for (const [name, value] of ordered) {
    const replaces = Object.hasOwn(attributes, name);
    if (!replaces && room <= 0) break;
    attributes[name] = { DataType: 'String', StringValue: value };
    if (!replaces) room -= 1;
    injected += 1;
  }
  if (injected > 0) {
    const outcome = injected === ordered.length ? 'complete' : 'partial';
    return { attributes, systemAttributes, outcome, hadFields: true };
  }
  const header = systemFree ? xrayHeaderFor(context, xray) : undefined;
  if (header && !xray) setSystem(header);
  return {
    attributes,
    systemAttributes,
    outcome: header ? 'aws-trace-header' : 'none',
    hadFields: true,
  };
}
