import type { ScheduledEvent } from 'aws-lambda';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, isoTime } from './defaults.js';
import { toIdSource } from './ids.js';
import type { CommonEventOptions } from './types.js';

/** Options of {@link scheduledEvent}. */
export interface ScheduledEventOptions extends CommonEventOptions {
  /** Rule (or schedule) name; default `every-5-minutes`. */
  name?: string;
  /** `rule` (EventBridge rule, source `aws.events`, default) or `scheduler` (EventBridge Scheduler). */
  via?: 'rule' | 'scheduler';
  /** Scheduled time in epoch ms; default now (or the seeded clock). */
  time?: number;
}

/**
 * A scheduled invocation (`detail-type: "Scheduled Event"`), from an EventBridge rule or
 * EventBridge Scheduler. It carries no trace context: the invocation starts a new trace.
 *
 * @param options - see {@link ScheduledEventOptions}.
 * @returns a `ScheduledEvent` from `@types/aws-lambda`.
 * @example
 * ```ts
 * scheduledEvent({ name: 'nightly-report', seed: 1 });
 * ```
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html
 */
export function scheduledEvent(options: ScheduledEventOptions = {}): ScheduledEvent {
  const ids = toIdSource(options.seed);
  const region = options.region ?? DEFAULT_REGION;
  const account = options.accountId ?? DEFAULT_ACCOUNT;
  const name = options.name ?? 'every-5-minutes';
  const scheduler = options.via === 'scheduler';
  return {
    version: '0',
    id: ids.uuid(),
    'detail-type': 'Scheduled Event',
    source: scheduler ? 'aws.scheduler' : 'aws.events',
    account,
    time: isoTime(options.time ?? ids.nowMs(), 'seconds'),
    region,
    resources: [
      scheduler
        ? `arn:aws:scheduler:${region}:${account}:schedule/default/${name}`
        : `arn:aws:events:${region}:${account}:rule/${name}`,
    ],
    detail: {},
  };
}
