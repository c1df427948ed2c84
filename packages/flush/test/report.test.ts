import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DiagLine, recordDiag } from './support/diag-recorder.js';

type ReportModule = typeof import('../src/report.js');

let lines: DiagLine[];
let stop: () => void;
let report: ReportModule;

beforeEach(async () => {
  // A fresh module, so what an earlier test reported does not count as reported.
  vi.resetModules();
  report = await import('../src/report.js');
  ({ lines, stop } = recordDiag());
});

afterEach(() => {
  stop();
});

describe('reportOnce', () => {
  it('warns the first time for a kind, then only at debug level', () => {
    // Act
    report.reportOnce('backend-down', 'first');
    report.reportOnce('backend-down', 'second');
    report.reportOnce('other-kind', 'third');

    // Assert
    expect(lines).toEqual([
      ['warn', '@lambda-otel-kit/flush: first'],
      ['debug', '@lambda-otel-kit/flush: second'],
      ['warn', '@lambda-otel-kit/flush: third'],
    ]);
  });
});

describe('reportDebug', () => {
  it('logs at debug level with the package prefix', () => {
    // Act
    report.reportDebug('flush finished');

    // Assert
    expect(lines).toEqual([['debug', '@lambda-otel-kit/flush: flush finished']]);
  });
});

describe('describeError', () => {
  it.each([
    { error: new TypeError('bad'), expected: 'TypeError: bad' },
    { error: 'plain text', expected: 'plain text' },
    { error: undefined, expected: 'undefined' },
    { error: [new Error('a'), 'timeout'], expected: 'Error: a; timeout' },
    {
      error: {
        toString() {
          throw new Error('no');
        },
      },
      expected: 'unprintable error',
    },
  ])('describes $expected', ({ error, expected }) => {
    expect(report.describeError(error)).toBe(expected);
  });

  it('keeps at most 200 characters', () => {
    // Act
    const text = report.describeError(new Error('x'.repeat(500)));

    // Assert
    expect(text).toHaveLength(200);
    expect(text.endsWith('...')).toBe(true);
  });
});
