// What the command line touches outside itself: output streams and Ctrl-C. Passed in, so
// that `main` can be run in-process with fakes as well as from the `chokepoint` binary.

/** The process around a command. */
export interface CliEnvironment {
  /** Write to standard output. */
  readonly out: (text: string) => void;
  /** Write to standard error. */
  readonly err: (text: string) => void;
  /** True when standard error is a terminal (progress is shown only then). */
  readonly errIsTerminal: boolean;
  /** Environment variables (JOB_COMPLETION_INDEX for `shard`). */
  readonly variables: Readonly<Record<string, string | undefined>>;
  /** Call `listener` on Ctrl-C (SIGINT) until the returned function is called; a second Ctrl-C ends the process. */
  readonly onInterrupt: (listener: () => void) => () => void;
}

/** The real process: stdout, stderr and SIGINT. */
export function processEnvironment(): CliEnvironment {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errIsTerminal: process.stderr.isTTY === true,
    variables: process.env,
    onInterrupt: (listener) => {
      // The first Ctrl-C asks the command to stop; a second one, if it has not yet, ends the process.
      let interrupts = 0;
      const onSignal = () => {
        interrupts += 1;
        if (interrupts === 1) return listener();
        process.stderr.write("interrupted\n");
        process.exit(130);
      };
      process.on("SIGINT", onSignal);
      return () => void process.off("SIGINT", onSignal);
    },
  };
}
