import { firstValue } from './header-value.js';
import type { XRayHeader } from './types.js';

const ROOT = /^1-([0-9a-f]{8})-([0-9a-f]{24})$/i;
const PARENT = /^[0-9a-f]{16}$/i;
const LINEAGE = /^[\x21-\x3a\x3c-\x7e]{1,256}$/;
const ZERO16 = '0000000000000000';
const ZERO32 = '00000000000000000000000000000000';

/**
 * Parses an `X-Amzn-Trace-Id` value (`Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=<0|1|?>`).
 *
 * `Root` is required; `Parent` is optional (a Root-only header, as Lambda PassThrough sends);
 * `Sampled` missing, `?` or unknown means undecided; `Lineage` is kept; other keys (`Self`, …)
 * are ignored. Keys are case-sensitive, parts are trimmed, a repeated key's last value counts.
 * Ids are lowercased; all-zero ids and a malformed `Root` or `Parent` reject the header.
 *
 * @param value - The header as a getter returned it (an array's first value is used).
 * @returns The parsed header, or `undefined` when invalid.
 * @see https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
 * @example
 * ```ts
 * parseXRayHeader('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
 * // { traceId: '5759e988bd862e3fe1be46a994272793', parentId: '53995c3f42cd8ad8', sampled: true, lineage: undefined }
 * ```
 */
export function parseXRayHeader(value: unknown): XRayHeader | undefined {
  const header = firstValue(value);
  if (header === undefined || header.length > 1024) return undefined;
  const parts = new Map<string, string>();
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals === -1) continue;
    parts.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const root = ROOT.exec(parts.get('Root') ?? '');
  if (!root) return undefined;
  const traceId = `${root[1]}${root[2]}`.toLowerCase();
  if (traceId === ZERO32) return undefined;
  const parent = parts.get('Parent');
  if (parent !== undefined && (!PARENT.test(parent) || parent === ZERO16)) return undefined;
  const sampled = parts.get('Sampled');
  const lineage = parts.get('Lineage');
  return {
    traceId,
    parentId: parent?.toLowerCase(),
    sampled: sampled === '1' ? true : sampled === '0' ? false : undefined,
    lineage: lineage !== undefined && LINEAGE.test(lineage) ? lineage : undefined,
  };
}

/**
 * Formats an `X-Amzn-Trace-Id` value; `Parent` is left out for a Root-only header and an
 * undecided sampling decision is written `Sampled=?`.
 *
 * @param header - The parts; `traceId` is 32 hex digits.
 * @example
 * ```ts
 * formatXRayHeader({ traceId: '5759e988bd862e3fe1be46a994272793', parentId: '53995c3f42cd8ad8', sampled: true, lineage: undefined });
 * // 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'
 * ```
 */
export function formatXRayHeader(header: XRayHeader): string {
  const traceId = header.traceId.toLowerCase();
  let value = `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)}`;
  if (header.parentId) value += `;Parent=${header.parentId.toLowerCase()}`;
  value += `;Sampled=${header.sampled === undefined ? '?' : header.sampled ? '1' : '0'}`;
  if (header.lineage) value += `;Lineage=${header.lineage}`;
  return value;
}
