import * as semconv from '@opentelemetry/semantic-conventions/incubating';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostArch } from '../src/host-arch.js';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);

describe('hostArch', () => {
  it.each([
    ['x64', semconv.HOST_ARCH_VALUE_AMD64],
    ['arm64', semconv.HOST_ARCH_VALUE_ARM64],
    ['arm', semconv.HOST_ARCH_VALUE_ARM32],
    ['ia32', semconv.HOST_ARCH_VALUE_X86],
    ['ppc', semconv.HOST_ARCH_VALUE_PPC32],
    ['ppc64', semconv.HOST_ARCH_VALUE_PPC64],
    ['s390x', semconv.HOST_ARCH_VALUE_S390X],
    ['riscv64', 'riscv64'],
    [' x64 ', 'amd64'],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
  ])('maps %j to %j', (nodeArch, expected) => {
    // Act
    const arch = hostArch(nodeArch);

    // Assert
    expect(arch).toBe(expected);
  });

  it('never throws and gives a non-blank string or undefined', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), (nodeArch) => {
        const arch = hostArch(nodeArch);
        expect(arch === undefined || (typeof arch === 'string' && arch.trim() !== '')).toBe(true);
      }),
      { numRuns },
    );
  });
});
