/** Bytes in one mebibyte: Lambda's memory setting is in MiB, `faas.max_memory` is in bytes. */
const BYTES_PER_MIB = 1_048_576;

/**
 * Parses `AWS_LAMBDA_FUNCTION_MEMORY_SIZE` (MiB) into the `faas.max_memory` value in bytes.
 *
 * Accepts a positive decimal integer, surrounding blanks allowed. Anything else (blank, zero,
 * negative, fractional, hexadecimal, too large to count in bytes exactly) gives `undefined`.
 *
 * @param value - the raw variable value.
 * @returns the size in bytes, or `undefined` when the value is not a usable memory size.
 * @see https://opentelemetry.io/docs/specs/semconv/resource/faas/
 *
 * @example
 * ```ts
 * parseMemorySizeBytes('512'); // 536870912
 * parseMemorySizeBytes('lots'); // undefined
 * ```
 */
export function parseMemorySizeBytes(value: string | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^[0-9]{1,15}$/.test(text)) return undefined;
  const mebibytes = Number(text);
  const bytes = mebibytes * BYTES_PER_MIB;
  if (mebibytes <= 0 || !Number.isSafeInteger(bytes)) return undefined;
  return bytes;
}
