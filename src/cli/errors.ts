// Exit codes and the two kinds of failure a command reports in one line each.

/** Exit codes of the `chokepoint` command. */
export const EXIT = {
  ok: 0,
  /** An invalid scenario, or a command that failed (a file that cannot be written). */
  failure: 1,
  /** A bad command line: unknown command or option, bad value, missing file or name. */
  usage: 2,
  /** A bug: an error nothing anticipated (EX_SOFTWARE in sysexits.h). */
  internal: 70,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

/** A bad command line; the message says what to change. Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A command that could not do its work (the lines are printed as they are). Exit code 1. */
export class CommandFailure extends Error {
  override readonly name = "CommandFailure";
  readonly lines: readonly string[];
  constructor(lines: readonly string[]) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}

/** An experiment stopped with Ctrl-C; the message says how far it got. Exit code 130. */
export class Interrupted extends Error {
  override readonly name = "Interrupted";
}
