import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../src/env-file.js';

describe('parseEnvFile', () => {
  it('reads NAME=value lines with export, quotes and comments, and lists bad lines', () => {
    // Act
    const parsed = parseEnvFile(
      '# c\nexport A=1\nB = \'x,y\'\nC="q \\"t\\""\nD=v # note\nnot a line\n\n',
    );
    // Assert
    expect(parsed).toEqual({
      variables: { A: '1', B: 'x,y', C: 'q "t"', D: 'v' },
      invalidLines: [6],
    });
  });
});
