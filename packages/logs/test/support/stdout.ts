type Stream = NodeJS.WriteStream;

/**
 * Captures what is written to `process.stdout` (and any other given streams, such as
 * `process.stderr`) while `fn` runs, in write order, split into lines.
 */
export async function captureStdout(
  fn: () => unknown,
  streams: readonly Stream[] = [process.stdout],
): Promise<string[]> {
  const chunks: string[] = [];
  const originals = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as Stream['write'];
  }
  try {
    await fn();
  } finally {
    streams.forEach((stream, index) => {
      stream.write = originals[index] as Stream['write'];
    });
  }
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line !== '');
}

/** Parses each captured line as JSON (a line that is not JSON fails the test). */
export function parseLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
