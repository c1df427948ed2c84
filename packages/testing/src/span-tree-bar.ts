/** Characters of a waterfall bar. */
export const BAR = { span: '█', error: '▓', empty: ' ' } as const;

/**
 * The cells a span covers on a timeline `width` cells wide spanning `[from, to]`: the start
 * cell rounds down, the end cell up, and every span covers at least one cell so that even an
 * instant shows.
 *
 * @param startNs - span start.
 * @param endNs - span end.
 * @param fromNs - timeline start (the trace's first start).
 * @param toNs - timeline end (the trace's last end).
 * @param width - cells available, at least 1.
 * @returns first cell (inclusive) and last cell (exclusive), within `[0, width]`.
 * @example
 * ```ts
 * barCells(25n, 50n, 0n, 100n, 20); // { start: 5, end: 10 }
 * ```
 */
export function barCells(
  startNs: bigint,
  endNs: bigint,
  fromNs: bigint,
  toNs: bigint,
  width: number,
): { start: number; end: number } {
  const cells = Math.max(1, Math.floor(width));
  const total = toNs > fromNs ? toNs - fromNs : 0n;
  if (total === 0n) return { start: 0, end: cells };
  const clamp = (ns: bigint) => (ns < fromNs ? 0n : ns > toNs ? total : ns - fromNs);
  const w = BigInt(cells);
  let start = Number((clamp(startNs) * w) / total);
  const endScaled = clamp(endNs < startNs ? startNs : endNs) * w;
  let end = Number(endScaled / total + (endScaled % total === 0n ? 0n : 1n));
  if (start >= cells) start = cells - 1;
  if (end <= start) end = start + 1;
  return { start, end };
}

/**
 * A bar of `width` cells with the span's cells filled.
 *
 * @param cells - from {@link barCells}.
 * @param width - cells in the bar.
 * @param fill - the character for covered cells.
 * @returns the bar text, exactly `width` characters long.
 * @example
 * ```ts
 * drawBar({ start: 1, end: 3 }, 5, '█'); // ' ██  '
 * ```
 */
export function drawBar(
  cells: { start: number; end: number },
  width: number,
  fill: string,
): string {
  return (
    BAR.empty.repeat(cells.start) +
    fill.repeat(cells.end - cells.start) +
    BAR.empty.repeat(Math.max(0, width - cells.end))
  );
}

/**
 * Cuts text to at most `width` characters, ending with `…` when cut, and pads it to `width`.
 *
 * @param text - the text.
 * @param width - the column width.
 * @returns exactly `width` characters.
 * @example
 * ```ts
 * fitColumn('sqs.process CONSUMER', 8); // 'sqs.pro…'
 * ```
 */
export function fitColumn(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
