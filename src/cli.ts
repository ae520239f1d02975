#!/usr/bin/env node
// The `chokepoint` command (bin): runs the command line in this process and sets the exit
// code. Everything the commands can throw is caught in `main`; the handlers below are a
// last resort, so that even a bug prints one line rather than a stack trace.
import { processEnvironment } from "./cli/environment.js";
import { main, reportInternalError } from "./cli/main.js";

const env = processEnvironment();

// `chokepoint schema | head`: the reader went away; stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.exit(reportInternalError(error, env));
  });
}
process.on("uncaughtException", (error) => process.exit(reportInternalError(error, env)));
process.on("unhandledRejection", (error) => process.exit(reportInternalError(error, env)));

main(process.argv.slice(2), env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportInternalError(error, env);
  },
);
