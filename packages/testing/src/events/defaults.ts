import type { IdSource } from './ids.js';

/** Region used when a factory is given none. */
export const DEFAULT_REGION = 'us-east-1';

/** Account id used when a factory is given none. */
export const DEFAULT_ACCOUNT = '123456789012';

/**
 * Fields of an ARN (`arn:partition:service:region:account:resource`), undefined when malformed.
 *
 * @param arn - an ARN.
 * @returns region, account and resource.
 * @example
 * ```ts
 * arnParts('arn:aws:sqs:eu-west-1:111122223333:orders')?.resource; // 'orders'
 * ```
 */
export function arnParts(
  arn: string,
): { region: string; account: string; resource: string } | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    region: parts[3] ?? '',
    account: parts[4] ?? '',
    resource: parts.slice(5).join(':'),
  };
}

/**
 * A body option as text: strings as given, anything else JSON-encoded.
 *
 * @param body - the option value.
 * @param fallback - used when the option is undefined.
 * @returns the text.
 * @example
 * ```ts
 * bodyText({ id: 1 }, ''); // '{"id":1}'
 * ```
 */
export function bodyText(body: unknown, fallback: string): string {
  if (body === undefined) return fallback;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * An IAM unique id as SQS shows it in `SenderId` (`AIDA` + 17 characters).
 *
 * @param ids - the id source.
 * @returns e.g. `AIDAIENQZJOLO23YVJ4VO`.
 * @example
 * ```ts
 * iamUniqueId(idSource(1));
 * ```
 */
export function iamUniqueId(ids: IdSource): string {
  return `AIDA${ids.chars(17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
}

/**
 * An ISO-8601 timestamp; `seconds` drops the milliseconds, as EventBridge writes `time`.
 *
 * @param ms - epoch milliseconds.
 * @param precision - `ms` (default) or `seconds`.
 * @returns e.g. `2024-06-01T12:00:00.000Z`.
 * @example
 * ```ts
 * isoTime(0, 'seconds'); // '1970-01-01T00:00:00Z'
 * ```
 */
export function isoTime(ms: number, precision: 'ms' | 'seconds' = 'ms'): string {
  const iso = new Date(ms).toISOString();
  return precision === 'ms' ? iso : `${iso.slice(0, 19)}Z`;
}

/**
 * Normalises an option that takes one item or a list.
 *
 * @param value - one item, a list, or undefined.
 * @returns a list.
 * @example
 * ```ts
 * asList(undefined); // []
 * ```
 */
export function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
