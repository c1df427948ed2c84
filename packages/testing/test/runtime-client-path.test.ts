import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuntimeClientPath } from '../src/runtime-client-path.js';

describe('resolveRuntimeClientPath', () => {
  it('finds the index.mjs of the aws-lambda-ric this package depends on', () => {
    // Act
    const path = resolveRuntimeClientPath();

    // Assert
    expect(basename(path)).toBe('index.mjs');
    expect(existsSync(path)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dirname(path), 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'aws-lambda-ric', version: '4.0.2' });
  });
});
