/** Options of {@link createColdStartTracker}. */
export interface ColdStartOptions {
  /** `AWS_LAMBDA_INITIALIZATION_TYPE`: `on-demand`, `provisioned-concurrency` or `snap-start`. */
  readonly initializationType?: string | undefined;
  /** When the function's init phase ran (`performance.now()` clock). */
  readonly initializedAt: number;
  /**
   * An init longer ago than this before the first invocation was not waited for by that
   * invocation (proactive initialisation), so it is not a cold start. Default 10,000 ms, the
   * longest an on-demand init phase may take.
   */
  readonly maxInitGapMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * Answers `faas.coldstart` for each invocation: true only for the first invocation of a sandbox
 * that was initialised on demand for it. Provisioned-concurrency and SnapStart sandboxes, and
 * sandboxes initialised long before their first invocation, are warm.
 *
 * @param options - how and when the sandbox was initialised.
 * @returns a function to call once per invocation.
 * @see https://opentelemetry.io/docs/specs/semconv/faas/faas-spans/
 * @example
 * ```ts
 * const isColdStart = createColdStartTracker({ initializedAt: performance.now() });
 * isColdStart(); // true, then false ever after
 * ```
 */
export function createColdStartTracker(options: ColdStartOptions): () => boolean {
  const now = options.now ?? (() => performance.now());
  const maxGap = options.maxInitGapMs ?? 10_000;
  const onDemand =
    options.initializationType === undefined ||
    options.initializationType === '' ||
    options.initializationType === 'on-demand';
  let first = true;
  return () => {
    if (!first) return false;
    first = false;
    return onDemand && now() - options.initializedAt <= maxGap;
  };
}
