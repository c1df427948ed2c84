import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetWarnOnce, warnOnce } from '../src/warn-once.js';
import { spyOnDiag, stopDiagSpy } from './support/diag-spy.js';

let diagSpy: ReturnType<typeof spyOnDiag>;
beforeEach(() => {
  diagSpy = spyOnDiag();
});
afterEach(stopDiagSpy);

describe('warnOnce', () => {
  it('warns once per key', () => {
    warnOnce('a', 'first');
    warnOnce('a', 'again');
    warnOnce('b', 'other');
    expect(diagSpy.warnings).toEqual(['first', 'other']);
  });
});

describe('resetWarnOnce', () => {
  it('forgets the keys', () => {
    warnOnce('a', 'first');
    resetWarnOnce();
    warnOnce('a', 'again');
    expect(diagSpy.warnings).toEqual(['first', 'again']);
  });
});
