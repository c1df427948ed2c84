import type { TextMapGetter } from '@opentelemetry/api';
import { isRecord, keysOf, lookup, objectGetter } from './object-carrier.js';

/** @internal The `custom` map of a Lambda ClientContext (the runtime's casing, or `Custom`). */
function customOf(clientContext: unknown): unknown {
  if (!isRecord(clientContext)) return undefined;
  return lookup(clientContext, 'custom');
}

/**
 * Reads trace fields from a Lambda `context.clientContext`'s `custom` map (set by callers of
 * `Invoke` through the base64 `ClientContext` parameter); keys match without regard to case.
 *
 * @example
 * ```ts
 * propagator.extract(ROOT_CONTEXT, context.clientContext, clientContextGetter);
 * ```
 */
export const clientContextGetter: TextMapGetter<unknown> = {
  get: (carrier, key) => objectGetter.get(customOf(carrier), key),
  keys: (carrier) => keysOf(customOf(carrier)),
};
