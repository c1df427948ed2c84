import { describe, expect, it } from 'vitest';
import { detailPrefix, layoutTree } from '../src/span-tree-layout.js';

interface Item {
  name: string;
  children: Item[];
}
const item = (name: string, ...children: Item[]): Item => ({ name, children });

describe('layoutTree', () => {
  it('draws box guides depth-first with the last child closing each branch', () => {
    // Arrange
    const roots = [item('a', item('b', item('c')), item('d')), item('e')];

    // Act
    const lines = layoutTree(roots, (i) => i.children);

    // Assert
    expect(lines.map((l) => `${l.lead}${l.item.name}`)).toStrictEqual([
      'a',
      '├── b',
      '│   └── c',
      '└── d',
      'e',
    ]);
    expect(lines.map((l) => l.depth)).toStrictEqual([0, 1, 2, 1, 0]);
  });
});

describe('detailPrefix', () => {
  it('keeps the vertical line when children follow', () => {
    // Arrange
    const [, b, c] = layoutTree([item('a', item('b', item('c')), item('d'))], (i) => i.children);

    // Act / Assert
    expect(detailPrefix(b!, true)).toBe('│   │   ');
    expect(detailPrefix(c!, false)).toBe('│           ');
  });
});
