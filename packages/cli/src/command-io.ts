/** Where a command writes and what it runs in; the binary passes the real process's. */
export interface CommandIO {
  /** Writes text to standard output (a newline is added). */
  out(text: string): void;
  /** Writes text to standard error (a newline is added). */
  err(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** ANSI colours in text output. */
  color: boolean;
  /** Terminal width for the waterfall. */
  width: number;
  /** Resolves when the user interrupts (SIGINT / SIGTERM); used by `receive`. */
  interrupted: Promise<void>;
}
