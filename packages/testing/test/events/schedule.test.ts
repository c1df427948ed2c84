import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { scheduledEvent } from '../../src/events/schedule.js';

describe('scheduledEvent', () => {
  it('builds an EventBridge rule event by default and a Scheduler one when asked', () => {
    // Act
    const rule = scheduledEvent({ name: 'nightly', seed: 1 });
    const scheduler = scheduledEvent({ name: 'nightly', via: 'scheduler', region: 'eu-west-1' });

    // Assert
    expectTypeOf(rule).toEqualTypeOf<ScheduledEvent>();
    expect(rule).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2024-06-01T12:00:00Z',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/nightly'],
      detail: {},
    });
    expect(scheduler).toMatchObject({
      source: 'aws.scheduler',
      region: 'eu-west-1',
      resources: ['arn:aws:scheduler:eu-west-1:123456789012:schedule/default/nightly'],
    });
  });
});
