import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from './exit-codes.js';
import {
  type SampleEvent,
  SUPPORTED_FORMATS,
  sampleEvent,
  TRIGGER_NAMES,
  type TriggerName,
  type UpstreamFormat,
} from './sample-events.js';

/** An event to invoke with: a built-in sample, or a JSON file. */
export interface LoadedEvent {
  /** The trigger name, or the file path as given. */
  label: string;
  event: unknown;
  clientContext?: Record<string, unknown> | undefined;
  /** The sample's description; a file's is `from <path>`. */
  description: string;
}

const FORMATS: readonly UpstreamFormat[] = ['w3c', 'datadog', 'xray', 'b3', 'b3-single'];

/**
 * Reads `--upstream w3c,datadog` for a trigger.
 *
 * @param value - the option's text.
 * @param trigger - the sample it applies to.
 * @returns the formats; throws a {@link UsageError} for one the trigger cannot carry.
 * @example
 * ```ts
 * parseUpstreamFormats('datadog', 'sqs'); // ['datadog']
 * ```
 */
export function parseUpstreamFormats(value: string, trigger: TriggerName): UpstreamFormat[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 1 && names[0] === 'none') return [];
  const supported = SUPPORTED_FORMATS[trigger];
  for (const name of names) {
    if (
      !(FORMATS as readonly string[]).includes(name) ||
      !supported.includes(name as UpstreamFormat)
    ) {
      const list =
        supported.length > 0 ? supported.join(', ') : 'none (this trigger carries no context)';
      throw new UsageError(`--upstream: ${trigger} events can carry ${list}, not "${name}"`);
    }
  }
  return names as UpstreamFormat[];
}

/**
 * Loads the event named by `--event`: a trigger name gives a built-in sample (see
 * `sampleEvent`), anything else is read as a JSON file.
 *
 * @param value - `--event`'s text.
 * @param upstream - `--upstream`'s text, for samples.
 * @param cwd - the directory file paths start from.
 * @example
 * ```ts
 * (await loadEvent('sqs', undefined, process.cwd())).description;
 * ```
 */
export async function loadEvent(
  value: string,
  upstream: string | undefined,
  cwd: string,
): Promise<LoadedEvent> {
  if ((TRIGGER_NAMES as readonly string[]).includes(value)) {
    const trigger = value as TriggerName;
    const formats = upstream === undefined ? undefined : parseUpstreamFormats(upstream, trigger);
    const sample = sampleEvent(trigger, formats) as SampleEvent;
    return {
      label: trigger,
      event: sample.event,
      clientContext: sample.clientContext,
      description: sample.description,
    };
  }
  if (upstream !== undefined)
    throw new UsageError('--upstream applies to built-in sample events only');
  let text: string;
  try {
    text = await readFile(resolve(cwd, value), 'utf8');
  } catch {
    throw new UsageError(
      `--event: "${value}" is neither a trigger (${TRIGGER_NAMES.join(', ')}) nor a readable file`,
    );
  }
  try {
    return { label: value, event: JSON.parse(text) as unknown, description: `from ${value}` };
  } catch {
    throw new UsageError(`--event: ${value} is not valid JSON`);
  }
}
