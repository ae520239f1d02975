// Shared by the CLI tests: run the `chokepoint` command as a child process, as a user runs
// it (bundled from src/cli.ts by test/_setup/cli-bundle.ts), or in-process with a recording
// environment; scratch directories.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, inject } from "vitest";
import type { CliEnvironment } from "../../src/cli/environment.js";
import { main } from "../../src/cli/main.js";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const cli = inject("cliBundle");

/** What one run of the command gave. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment of the child: no loaders or options from the test runner. */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.NODE_OPTIONS;
  delete env.FORCE_COLOR;
  delete env.CHOKEPOINT_DEBUG;
  return env;
}

/** Start `chokepoint ...args` in `cwd` (the repository by default), with extra environment variables. */
export function startCli(args: readonly string[], cwd = repo, variables: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [cli, ...args], { cwd, env: { ...childEnvironment(), ...variables }, stdio: ["ignore", "pipe", "pipe"] });
}

/** Wait for a started command to end, collecting its output. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** Run `chokepoint ...args` to the end. */
export function runCli(args: readonly string[], cwd = repo, variables: Record<string, string> = {}): Promise<CliRun> {
  return finished(startCli(args, cwd, variables));
}

/** A scratch directory for this test file, removed after its tests. */
export function scratchDirectory(): () => string {
  let directory = "";
  afterAll(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });
  return () => (directory ||= mkdtempSync(join(tmpdir(), "chokepoint-cli-")));
}

/** Write `text` to `name` in `directory`; returns its path. */
export function writeScratchFile(directory: string, name: string, text: string): string {
  const file = join(directory, name);
  writeFileSync(file, text);
  return file;
}

/** What an in-process command wrote. */
export interface Recorded {
  out: string;
  err: string;
}

/**
 * An environment for running `main` in-process: records what is written; `interrupt()`
 * acts as Ctrl-C (calls the listener the command registered, if any).
 */
export function recordingEnvironment(errIsTerminal = false): CliEnvironment & { written: Recorded; interrupt: () => void } {
  const written = { out: "", err: "" };
  let listener: (() => void) | undefined;
  return {
    written,
    out: (text) => void (written.out += text),
    err: (text) => void (written.err += text),
    errIsTerminal,
    variables: {},
    onInterrupt: (l) => {
      listener = l;
      return () => void (listener = undefined);
    },
    interrupt: () => listener?.(),
  };
}

/** Run `chokepoint ...args` in-process (`main`) with a recording environment. */
export async function runInProcess(args: readonly string[], env = recordingEnvironment()): Promise<{ code: number } & Recorded> {
  const code = await main(args, env);
  return { code, ...env.written };
}
