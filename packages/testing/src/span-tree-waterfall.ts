import { BAR, barCells, drawBar, fitColumn } from './span-tree-bar.js';
import { detailPrefix, layoutTree } from './span-tree-layout.js';
import { formatMs } from './span-tree-normalize.js';
import { toForest } from './span-tree-source.js';
import type { SpanKindName, SpanNode, SpanSource, TraceTree } from './span-tree-types.js';
import { formatValue } from './span-tree-values.js';

/** Options of {@link renderWaterfall}. */
export interface WaterfallOptions {
  /** Total line width in characters; default 100 (pass `process.stdout.columns` for a terminal). */
  width?: number;
  /** ANSI colours (kinds, errors, dim guides); default false. */
  color?: boolean;
  /** Attribute keys to print under each span that has them. */
  attributes?: readonly string[];
  /** Print trace, span and parent ids; default false. */
  ids?: boolean;
}

const DURATION_WIDTH = 10;
const MIN_BAR = 10;
const KIND_COLOR: Record<SpanKindName, number> = {
  SERVER: 36,
  CLIENT: 34,
  PRODUCER: 35,
  CONSUMER: 33,
  INTERNAL: 37,
};

type Paint = (code: number, text: string) => string;

function labelOf(node: SpanNode, lead: string): string {
  return `${lead}${node.name} ${node.kind}${node.status.code === 'ERROR' ? ' ✗' : ''}`;
}

function details(node: SpanNode, options: WaterfallOptions, traces: Map<string, number>) {
  const lines: Array<{ text: string; code: number }> = [];
  if (node.status.code === 'ERROR') {
    lines.push({ text: `✗ ${node.status.message ?? 'error'}`, code: 31 });
  }
  if (node.orphan) lines.push({ text: `↑ parent ${node.parentSpanId} not received`, code: 2 });
  for (const key of options.attributes ?? []) {
    if (node.attributes[key] === undefined) continue;
    lines.push({ text: `${key}=${formatValue(node.attributes[key])}`, code: 2 });
  }
  for (const link of node.links) {
    const other =
      link.traceId === node.traceId ? '' : ` (trace ${traces.get(link.traceId) ?? '?'})`;
    const target = link.target
      ? `${link.target.name} ${link.target.kind}${other}`
      : `${link.traceId}/${link.spanId} (not received)`;
    const attrs = Object.entries(link.attributes).map(([k, v]) => `${k}=${formatValue(v)}`);
    const ids = options.ids && link.target ? ` ${link.traceId}/${link.spanId}` : '';
    lines.push({
      text: `↪ ${target}${ids}${attrs.length > 0 ? ` {${attrs.join(', ')}}` : ''}`,
      code: 2,
    });
  }
  return lines;
}

function renderTrace(
  trace: TraceTree,
  number: number,
  options: WaterfallOptions,
  traces: Map<string, number>,
  paint: Paint,
): string[] {
  const width = Math.max(40, Math.floor(options.width ?? 100));
  const count = `${trace.spans.length} span${trace.spans.length === 1 ? '' : 's'}`;
  const service = trace.resource?.['service.name'];
  const header = [
    `trace ${number} ${trace.traceId}`,
    ...(typeof service === 'string' ? [service] : []),
    count,
    formatMs(trace.durationNs),
  ];
  const out = [paint(1, header.join(' · '))];
  const sections: Array<readonly SpanNode[]> = [trace.roots];
  if (trace.orphans.length > 0) sections.push(trace.orphans);
  const layout = sections.map((roots) => layoutTree(roots, (n) => n.children));
  const longest = Math.max(
    0,
    ...layout.flat().map((line) => [...labelOf(line.item, line.lead)].length),
  );
  const labelWidth = Math.min(longest, width - DURATION_WIDTH - MIN_BAR - 4);
  const barWidth = width - labelWidth - DURATION_WIDTH - 4;
  layout.forEach((lines, section) => {
    if (section === 1) out.push(paint(2, 'orphans (parent not received):'));
    for (const line of lines) {
      const node = line.item;
      const failed = node.status.code === 'ERROR';
      const label = fitColumn(labelOf(node, line.lead), labelWidth);
      const cells = barCells(node.startNs, node.endNs, trace.startNs, trace.endNs, barWidth);
      const bar = drawBar(cells, barWidth, failed ? BAR.error : BAR.span);
      const kindCode = failed ? 31 : KIND_COLOR[node.kind];
      const id = options.ids ? ` ${node.spanId}` : '';
      out.push(
        `${paint(kindCode, label)} │${paint(kindCode, bar)}│ ${formatMs(node.durationNs).padStart(DURATION_WIDTH)}${id}`,
      );
      const prefix = detailPrefix(line, node.children.length > 0);
      for (const detail of details(node, options, traces)) {
        out.push(paint(2, prefix) + paint(detail.code, detail.text));
      }
    }
  });
  return out;
}

/**
 * Draws traces as a terminal waterfall: one line per span with its place in the tree, name,
 * kind, a bar showing when it ran within the trace, and its duration; under a span, its
 * error (`✗`), its links (`↪` target and link attributes), chosen attributes, and a note
 * when its parent was not received. What `lambda-otel invoke` and the demo print.
 *
 * @param source - spans (e.g. `receiver.spans`), a forest, a trace or a node.
 * @param options - see {@link WaterfallOptions}.
 * @returns the text, without a trailing newline; `(no spans)` when there is nothing to draw.
 * @example
 * ```ts
 * console.log(renderWaterfall(await receiver.waitForSpans(3), { color: process.stdout.isTTY }));
 * // trace 1 4bf92f35… · orders · 3 spans · 52.10 ms
 * // lambda.invoke SERVER       │██████████████████████████│   52.10 ms
 * // ├── sqs.process CONSUMER ✗ │ ▓▓▓▓▓▓▓▓                 │   18.00 ms
 * // │       ✗ boom
 * // └── sqs.batch CONSUMER     │          ███████████████ │   30.00 ms
 * //         ↪ sqs.process CONSUMER {messaging.message.id="m-1"}
 * ```
 */
export function renderWaterfall(source: SpanSource, options: WaterfallOptions = {}): string {
  const forest = toForest(source);
  const paint: Paint = options.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_, t) => t;
  const numbers = new Map(forest.traces.map((trace, i) => [trace.traceId, i + 1]));
  const lines = forest.traces.flatMap((trace, i) => [
    ...(i > 0 ? [''] : []),
    ...renderTrace(trace, i + 1, options, numbers, paint),
  ]);
  return lines.length > 0 ? lines.join('\n') : '(no spans)';
}
