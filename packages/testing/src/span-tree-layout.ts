/** One line of a tree drawn with box characters. */
export interface TreeLine<T> {
  readonly item: T;
  /** Prefix of the item's own line: `''` for roots, else guides + `├── ` / `└── `. */
  readonly lead: string;
  /** Prefix under the item for its children's leads and for detail lines. */
  readonly guide: string;
  readonly depth: number;
}

/**
 * Lays out a forest as box-drawing lines, depth-first, without recursion.
 *
 * @param roots - top-level items (each drawn without a connector).
 * @param childrenOf - an item's children, in display order.
 * @returns one entry per item, in display order.
 * @example
 * ```ts
 * layoutTree([root], (n) => n.children).map((l) => l.lead + l.item.name).join('\n');
 * ```
 */
export function layoutTree<T>(
  roots: readonly T[],
  childrenOf: (item: T) => readonly T[],
): Array<TreeLine<T>> {
  const lines: Array<TreeLine<T>> = [];
  const stack: Array<TreeLine<T>> = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push({ item: roots[i]!, lead: '', guide: '', depth: 0 });
  }
  while (stack.length > 0) {
    const line = stack.pop()!;
    lines.push(line);
    const children = childrenOf(line.item);
    for (let i = children.length - 1; i >= 0; i--) {
      const last = i === children.length - 1;
      stack.push({
        item: children[i]!,
        lead: line.guide + (last ? '└── ' : '├── '),
        guide: line.guide + (last ? '    ' : '│   '),
        depth: line.depth + 1,
      });
    }
  }
  return lines;
}

/**
 * Prefix for detail lines under an item (errors, links): its guide plus a bar when
 * children follow, so the tree's vertical lines stay unbroken.
 *
 * @param line - the item's layout line.
 * @param hasChildren - whether children are drawn below.
 * @returns the prefix.
 * @example
 * ```ts
 * detailPrefix(line, node.children.length > 0) + '✗ boom';
 * ```
 */
export function detailPrefix(line: TreeLine<unknown>, hasChildren: boolean): string {
  return line.guide + (hasChildren ? '│   ' : '    ');
}
