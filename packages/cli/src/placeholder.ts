/**
 * Replace this file with the package's first concept.
 *
 * @example
 * ```ts
 * placeholder(); // 'ok'
 * ```
 */
export function placeholder(): string {
  return 'ok';
}
