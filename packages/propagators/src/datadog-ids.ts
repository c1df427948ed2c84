const MAX_UINT64 = (1n << 64n) - 1n;
const DECIMAL = /^[0-9]{1,40}$/;
const HEX16 = /^[0-9a-f]{16}$/i;

/**
 * Converts a Datadog decimal id (`x-datadog-trace-id`, `x-datadog-parent-id`) to 16 lowercase
 * hex digits. Only plain digits (spaces and tabs around them allowed) in 1 … 2^64 − 1 are accepted:
 * zero means "no id" and OpenTelemetry has no way to carry it.
 *
 * @param value - The header value.
 * @returns 16 hex digits, or `undefined` when not a valid non-zero unsigned 64-bit decimal.
 * @example
 * ```ts
 * decimalToHex16('1234'); // '00000000000004d2'
 * decimalToHex16('0'); // undefined
 * ```
 */
export function decimalToHex16(value: string): string | undefined {
  const digits = value.replace(/^[ \t]+|[ \t]+$/g, '');
  if (!DECIMAL.test(digits)) return undefined;
  const id = BigInt(digits);
  if (id === 0n || id > MAX_UINT64) return undefined;
  return id.toString(16).padStart(16, '0');
}

/**
 * Converts 16 hex digits to the unsigned decimal Datadog headers carry.
 *
 * @param hex - 16 hex digits (a span id, or the low half of a trace id).
 * @returns The decimal string, or `undefined` when `hex` is not 16 hex digits.
 * @example
 * ```ts
 * hex16ToDecimal('00000000000004d2'); // '1234'
 * ```
 */
export function hex16ToDecimal(hex: string): string | undefined {
  return HEX16.test(hex) ? BigInt(`0x${hex}`).toString(10) : undefined;
}
