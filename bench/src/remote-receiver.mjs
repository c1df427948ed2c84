// Client side of receiver-process.mjs.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'receiver-process.mjs');

/**
 * Starts the receiver process and returns its URLs and a span counter.
 *
 * @returns {Promise<{ httpUrl: string, grpcUrl: string, count(): Promise<number>,
 *   waitForCount(n: number, timeoutMs?: number): Promise<number>, close(): Promise<void> }>}
 */
export async function startRemoteReceiver() {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [urls] = await once(child, 'message');
  const count = async () => {
    child.send('count');
    const [answer] = await once(child, 'message');
    return answer.count;
  };
  return {
    ...urls,
    count,
    async waitForCount(n, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let seen = await count();
      while (seen < n && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = await count();
      }
      return seen;
    },
    async close() {
      child.send('close');
      await once(child, 'exit');
    },
  };
}
