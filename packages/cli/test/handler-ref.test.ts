import { describe, expect, it } from 'vitest';
import { parseHandlerRef } from '../src/handler-ref.js';

describe('parseHandlerRef', () => {
  it('splits module and export into the runtime client handler string', () => {
    expect(parseHandlerRef('dist/app.mjs#main', '/work')).toEqual({
      modulePath: '/work/dist/app.mjs',
      exportName: 'main',
      taskRoot: '/work/dist',
      runtimeHandler: 'app.main',
    });
    expect(parseHandlerRef('index.cjs', '/w')?.runtimeHandler).toBe('index.handler');
  });

  it.each(['src/app.ts#handler', '#handler', 'app.mjs#not-a-name', ''])('refuses %j', (text) => {
    expect(parseHandlerRef(text, '/w')).toBeUndefined();
  });
});
