/**
 * Exit codes of every `lambda-otel` command, for scripts and CI jobs.
 *
 * - `OK` (0): the command ran and found no error (warnings do not fail it).
 * - `PROBLEMS` (1): `invoke` found an error in the trace, `doctor` an error in the configuration.
 * - `USAGE` (2): unknown command or option, missing or malformed argument, unreadable file.
 * - `HANDLER_FAILED` (3): `invoke` only: the trace is fine, but the function returned an error
 *   or timed out (a broken handler whose failure the trace records correctly).
 * - `INTERNAL` (4): the command itself could not run (a port could not be bound, the runtime
 *   client could not start).
 *
 * @example
 * ```ts
 * process.exitCode = findings.some((f) => f.severity === 'error') ? EXIT_CODES.PROBLEMS : EXIT_CODES.OK;
 * ```
 */
export const EXIT_CODES = {
  OK: 0,
  PROBLEMS: 1,
  USAGE: 2,
  HANDLER_FAILED: 3,
  INTERNAL: 4,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** A problem with how the command was called; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
