#!/usr/bin/env node
import type { CommandIO } from './command-io.js';
import { doctorCommand } from './doctor-command.js';
import { EXIT_CODES, UsageError } from './exit-codes.js';
import { invokeCommand } from './invoke-command.js';
import { receiveCommand } from './receive-command.js';

const HELP = `Usage: lambda-otel <command> [options]

Commands:
  invoke <module>#<export> --event <file|trigger>   run a handler locally, print its trace and what is wrong with it
  doctor [--env-file f] [--dockerfile f] [--connect] check the configuration a function starts with
  receive [--grpc-port p] [--http-port p]           print OTLP traces live as trees

Every command takes --help and --json.
Exit codes: 0 ok, 1 problems found, 2 usage error, 3 the invoked function failed, 4 could not run.`;

const COMMANDS = { invoke: invokeCommand, doctor: doctorCommand, receive: receiveCommand };

async function main(argv: string[]): Promise<number> {
  const interrupted = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const io: CommandIO = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
    env: process.env,
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
    width: Math.max(60, Math.min(process.stdout.columns ?? 100, 160)),
    interrupted,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? EXIT_CODES.USAGE : EXIT_CODES.OK;
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (command === undefined) {
    io.err(`lambda-otel: unknown command "${name}"\n\n${HELP}`);
    return EXIT_CODES.USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lambda-otel ${name}: ${error.message} (see lambda-otel ${name} --help)`);
      return EXIT_CODES.USAGE;
    }
    io.err(`lambda-otel ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_CODES.INTERNAL;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // Handlers run in process may leave timers or sockets open: exit once output is written.
    process.stdout.write('', () => process.exit(code));
  },
  () => process.exit(EXIT_CODES.INTERNAL),
);
