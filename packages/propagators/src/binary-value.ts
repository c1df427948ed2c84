const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Larger values are not trace context; they are not decoded. */
const MAX_ENCODED_LENGTH = 64 * 1024;

/**
 * @internal Decodes a base64 string (as Lambda events carry binary attributes) or bytes (as the
 * AWS SDK takes them) to UTF-8 text; anything else, malformed or too large, gives `undefined`.
 */
export function decodeBinary(value: unknown): string | undefined {
  if (value instanceof Uint8Array) {
    if (value.byteLength > MAX_ENCODED_LENGTH) return undefined;
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  }
  if (typeof value !== 'string' || value.length > MAX_ENCODED_LENGTH) return undefined;
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}
