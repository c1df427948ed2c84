import { describe, expect, it } from 'vitest';
import { checkDockerfile, parseDockerfile } from '../src/dockerfile-checks.js';

describe('parseDockerfile', () => {
  it('reads the final stage: ENV in both forms, continuations, exec-form CMD', () => {
    // Act
    const facts = parseDockerfile(
      'FROM node:20 AS build\nENV SKIP=1\nFROM public.ecr.aws/lambda/nodejs:20\n# comment\nENV A=1 \\\n  B="two words"\nENV C three\nCMD ["dist/handler.handler"]\n',
    );
    // Assert
    expect(facts).toEqual({
      env: { A: '1', B: 'two words', C: 'three' },
      cmd: ['dist/handler.handler'],
      entrypoint: undefined,
      from: 'public.ecr.aws/lambda/nodejs:20',
    });
  });
});

describe('checkDockerfile', () => {
  it('flags layer mechanisms and passes a clean image', () => {
    // Act
    const bad = checkDockerfile(
      parseDockerfile(
        'FROM x\nENV AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-handler DD_LAMBDA_HANDLER=app.handler NODE_OPTIONS="--require /opt/wrapper.js"\nCMD ["/opt/nodejs/handler.handler"]',
      ),
    );
    const good = checkDockerfile(parseDockerfile('FROM x\nCMD ["dist/handler.handler"]'));
    // Assert
    expect(bad.map((f) => f.code)).toEqual([
      'exec-wrapper',
      'layer-handler',
      'layer-handler',
      'preload',
    ]);
    expect(good.map((f) => f.severity)).toEqual(['ok']);
  });
});
