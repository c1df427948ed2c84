import { createServer } from 'node:net';

/**
 * Finds a TCP port on `host` that nothing listens on (binds port 0, reads the port, closes).
 * Point an exporter at it to play a receiver that is down; another process could take the port
 * in between, so use it at once.
 * @param host - address to probe; default `127.0.0.1`.
 * @returns the port number.
 * @example
 * const port = await getFreePort();
 * const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${port}/v1/traces` });
 */
export function getFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
