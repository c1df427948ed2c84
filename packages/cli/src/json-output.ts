/**
 * `JSON.stringify` for the CLI's `--json` output: bigints (OTLP timestamps) become decimal
 * strings, byte arrays base64, `undefined` fields are left out.
 *
 * @param value - anything the commands report.
 * @returns indented JSON text.
 * @example
 * ```ts
 * toJson({ start: 1700000000000000000n }); // '{\n  "start": "1700000000000000000"\n}'
 * ```
 */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString();
      if (item instanceof Uint8Array) return Buffer.from(item).toString('base64');
      return item;
    },
    2,
  );
}
