import {
  buildSpanTrees,
  type ReceivedSpan,
  renderWaterfall,
  startOtlpReceiver,
} from '@lambda-otel-kit/testing';
import { integerOption, parseCommandArgs, stringValue } from './command-args.js';
import type { CommandIO } from './command-io.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { toJson } from './json-output.js';

/** `lambda-otel receive --help`. */
export const RECEIVE_HELP = `Usage: lambda-otel receive [options]

Runs a local OTLP trace receiver (gRPC and HTTP: protobuf or JSON, gzip or not) and prints
each trace as a waterfall when its spans arrive, until interrupted (Ctrl-C).

Options:
  --grpc-port <port>   gRPC port (default 4317; 0 picks a free one)
  --http-port <port>   HTTP port (default 4318; 0 picks a free one)
  --host <address>     address to bind (default 127.0.0.1, loopback only)
  --json               print one JSON line per received span batch instead of trees
  -h, --help           this help

Exit codes: 0 stopped by SIGINT/SIGTERM, 2 usage error, 4 a port could not be bound.`;

/** Time a batch waits for more spans of the same traces before it is printed. */
const SETTLE_MS = 200;

/**
 * `lambda-otel receive`: a local OTLP receiver that prints traces live.
 *
 * @param args - arguments after `receive`.
 * @param io - output streams, environment, and the interruption signal.
 * @returns the exit code once interrupted.
 * @example
 * ```ts
 * await receiveCommand(['--http-port', '0'], io);
 * ```
 */
export async function receiveCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, {
    'grpc-port': { type: 'string' },
    'http-port': { type: 'string' },
    host: { type: 'string' },
  });
  const str = (name: string) => stringValue(values, name);
  if (values.help) {
    io.out(RECEIVE_HELP);
    return EXIT_CODES.OK;
  }
  const grpcPort = integerOption(str('grpc-port'), '--grpc-port', 4317);
  const httpPort = integerOption(str('http-port'), '--http-port', 4318);
  const host = str('host') ?? '127.0.0.1';
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  try {
    receiver = await startOtlpReceiver({ host, grpcPort, httpPort });
  } catch (error) {
    io.err(
      `lambda-otel receive: cannot listen on ${host}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_CODES.INTERNAL;
  }
  const where = { grpc: receiver.grpcUrl, http: receiver.tracesUrl };
  if (values.json) io.out(JSON.stringify({ listening: where }));
  else io.out(`listening · gRPC ${where.grpc} · HTTP ${where.http} · Ctrl-C to stop`);
  let pending: ReceivedSpan[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    if (values.json) {
      io.out(toJson(batch).replace(/\n\s*/g, ''));
      return;
    }
    const traces = buildSpanTrees(batch).traces.length;
    const stamp = new Date().toISOString().slice(11, 23);
    io.out(
      `\n── ${stamp} · ${batch.length} span(s) · ${traces} trace(s) via ${batch[0]?.protocol}`,
    );
    io.out(
      renderWaterfall(batch, {
        width: io.width,
        color: io.color,
        attributes: ['faas.trigger', 'lambda_otel.context.source'],
      }),
    );
  };
  const unsubscribe = receiver.onSpans((spans) => {
    pending.push(...spans);
    timer ??= setTimeout(flush, SETTLE_MS);
  });
  await io.interrupted;
  unsubscribe();
  if (timer) clearTimeout(timer);
  flush();
  await receiver.close();
  if (!values.json) io.out(`stopped · ${receiver.spans.length} span(s) received`);
  return EXIT_CODES.OK;
}
