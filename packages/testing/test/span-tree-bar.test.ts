import { describe, expect, it } from 'vitest';
import { BAR, barCells, drawBar, fitColumn } from '../src/span-tree-bar.js';

describe('barCells', () => {
  it.each([
    [25n, 50n, 0n, 100n, 20, { start: 5, end: 10 }],
    [0n, 100n, 0n, 100n, 20, { start: 0, end: 20 }],
    [1n, 2n, 0n, 100n, 20, { start: 0, end: 1 }],
    [100n, 100n, 0n, 100n, 20, { start: 19, end: 20 }],
    [50n, 40n, 0n, 100n, 10, { start: 5, end: 6 }],
    [-5n, 500n, 0n, 100n, 10, { start: 0, end: 10 }],
    [7n, 7n, 7n, 7n, 8, { start: 0, end: 8 }],
    [0n, 1n, 0n, 1n, 0, { start: 0, end: 1 }],
  ])('places %s–%s on %s–%s over %s cells', (start, end, from, to, width, cells) => {
    expect(barCells(start, end, from, to, width)).toStrictEqual(cells);
  });
});

describe('drawBar', () => {
  it('fills the covered cells and pads to the width', () => {
    expect(drawBar({ start: 1, end: 3 }, 5, BAR.span)).toBe(' ██  ');
    expect(drawBar({ start: 0, end: 2 }, 2, BAR.error)).toBe('▓▓');
  });
});

describe('fitColumn', () => {
  it('pads short text and cuts long text with an ellipsis', () => {
    expect(fitColumn('abc', 5)).toBe('abc  ');
    expect(fitColumn('sqs.process CONSUMER', 8)).toBe('sqs.pro…');
    expect(fitColumn('abc', 0)).toBe('');
  });
});
