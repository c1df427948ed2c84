import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnRuntimeProcess } from '../src/runtime-process.js';

const taskRoot = fileURLToPath(new URL('./fixtures/runtime', import.meta.url));
const clientPath = `${taskRoot}/print-env.mjs`;

function start(env: Record<string, string>) {
  const output = { stdout: '', stderr: '' };
  const proc = spawnRuntimeProcess({
    clientPath,
    handler: 'index.handler',
    env: {
      PATH: process.env.PATH ?? '',
      LAMBDA_TASK_ROOT: taskRoot,
      _HANDLER: 'index.handler',
      ...env,
    },
    onStdout: (text) => {
      output.stdout += text;
    },
    onStderr: (text) => {
      output.stderr += text;
    },
  });
  return { proc, output };
}

describe('spawnRuntimeProcess', () => {
  it('runs the client with the handler, the environment and the task root as cwd', async () => {
    // Arrange
    const { proc, output } = start({ EXIT_CODE: '4' });

    // Act
    const exit = await proc.exited;

    // Assert
    expect(exit).toEqual({ code: 4, signal: null });
    expect(proc.pid).toBeGreaterThan(0);
    expect(JSON.parse(output.stdout)).toEqual({
      argv: ['index.handler'],
      cwd: taskRoot,
      handler: 'index.handler',
    });
    expect(output.stderr).toBe('to stderr\n');
  });

  it('kills with SIGKILL, and a second kill is harmless', async () => {
    // Arrange
    const { proc, output } = start({});
    while (!output.stdout) await new Promise((resolve) => setTimeout(resolve, 10));

    // Act
    proc.kill();
    proc.kill();
    const exit = await proc.exited;
    proc.kill();

    // Assert
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
  });
});
