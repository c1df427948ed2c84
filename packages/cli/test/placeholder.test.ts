import { describe, expect, it } from 'vitest';
import { placeholder } from '../src/placeholder.js';

describe('placeholder', () => {
  it('answers ok', () => {
    expect(placeholder()).toBe('ok');
  });
});
