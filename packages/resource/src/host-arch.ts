/** Node.js `process.arch` names whose semantic-convention spelling differs. */
const ARCH_BY_NODE_NAME: Readonly<Record<string, string>> = {
  x64: 'amd64',
  arm: 'arm32',
  ia32: 'x86',
  ppc: 'ppc32',
};

/**
 * Maps a Node.js `process.arch` name to the semantic-convention `host.arch` value.
 *
 * `x64` becomes `amd64`, `arm` `arm32`, `ia32` `x86`, `ppc` `ppc32`; names the conventions spell
 * the same way (`arm64`, `ppc64`, `s390x`) and ones they do not list pass through unchanged.
 *
 * @param nodeArch - a `process.arch` value.
 * @returns the `host.arch` value, or `undefined` for a blank input.
 * @see https://opentelemetry.io/docs/specs/semconv/registry/attributes/host/
 *
 * @example
 * ```ts
 * hostArch('x64'); // 'amd64'
 * hostArch('arm64'); // 'arm64'
 * ```
 */
export function hostArch(nodeArch: string | undefined): string | undefined {
  if (typeof nodeArch !== 'string') return undefined;
  const name = nodeArch.trim();
  if (name === '') return undefined;
  return Object.hasOwn(ARCH_BY_NODE_NAME, name) ? ARCH_BY_NODE_NAME[name] : name;
}
