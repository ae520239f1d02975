// The files a command writes (--json, --csv, --html, --out). Checked before the run, so a
// long experiment does not end in a file that cannot be written; written all or none at
// the end: each to a temporary file first, then all renamed into place, so Ctrl-C or a
// failure before the renames leaves nothing behind and changes nothing. Outputs are only
// ever written as regular files: never through a symbolic link, never over a device, a
// named pipe, a socket or a folder, never over a file the command reads.
import { accessSync, constants, lstatSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileKind } from "../read-text-file.js";
import type { CliEnvironment } from "./environment.js";
import { CommandFailure, Interrupted, UsageError } from "./errors.js";

/** A file a command writes, and the option that names it (`--json`), for messages. */
export interface OutputFile {
  readonly option: string;
  readonly file: string;
}

/** The outputs given: `[["--json", options.json], ...]` without the options left out. */
export function givenOutputs(options: readonly (readonly [option: string, file: string | undefined])[]): OutputFile[] {
  return options.flatMap(([option, file]) => (file === undefined ? [] : [{ option, file }]));
}

/** A file a command reads, and what it is (`the scenario file`), for messages. */
export interface InputFile {
  readonly what: string;
  readonly file: string;
}

/** Why `file` may not be written as it is now, or undefined when it is missing or a regular file. */
function unwritableKind(file: string): string | undefined {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (stats === undefined || stats.isFile()) return undefined;
  return stats.isSymbolicLink() ? "a symbolic link (outputs are never written through one)" : fileKind(stats);
}

function writable(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Identifies the file `file` is or would be: device and inode when it exists, else its folder's real path and its name. */
function identity(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats !== undefined) return `inode ${stats.dev}:${stats.ino}`;
  return `path ${join(realpathSync(dirname(resolve(file))), basename(file))}`;
}

/**
 * Fail before a long experiment, not after it, when an output cannot go where asked.
 *
 * @param outputs - the files the command will write, with their options.
 * @param inputs - the files it reads (the scenario file, the shards): never written over.
 * @throws UsageError when an output is a symbolic link, a folder, a device, a named pipe
 *   or a socket; a file that is not writable; in a folder that does not exist or is not
 *   writable; the same file as another output or as an input.
 */
export function checkOutputFiles(outputs: readonly OutputFile[], inputs: readonly InputFile[] = []): void {
  for (const { option, file } of outputs) {
    const kind = unwritableKind(file);
    if (kind !== undefined) throw new UsageError(`${option}: ${file} is ${kind}; give the name of a regular file`);
    if (lstatSync(file, { throwIfNoEntry: false }) !== undefined && !writable(file, constants.W_OK)) throw new UsageError(`${option}: ${file} is not writable`);
    const folder = dirname(resolve(file));
    const folderStats = statSync(folder, { throwIfNoEntry: false });
    if (folderStats === undefined || !folderStats.isDirectory()) throw new UsageError(`${option}: folder ${dirname(file)} does not exist`);
    if (!writable(folder, constants.W_OK | constants.X_OK)) throw new UsageError(`${option}: folder ${dirname(file)} is not writable`);
  }
  const seen = new Map<string, OutputFile>();
  for (const { what, file } of inputs) {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats !== undefined) seen.set(`inode ${stats.dev}:${stats.ino}`, { option: what, file });
  }
  const inputIds = new Set(seen.keys());
  for (const output of outputs) {
    const id = identity(output.file);
    const before = seen.get(id);
    if (before !== undefined) {
      const other = inputIds.has(id) ? `${before.option} (${before.file})` : `${before.option} ${before.file}`;
      throw new UsageError(`${output.option}: ${output.file} is the same file as ${other}; give another name`);
    }
    seen.set(id, output);
  }
}

/** A file to write, its text made when it is written. */
export interface OutputText {
  readonly file: string;
  readonly text: () => string;
}

/** Why a file could not be written, in words. */
function writeFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOSPC" ? "no space left on the device" : (error as Error).message;
  return `cannot write ${file}: ${reason}`;
}

/**
 * Write and flush `text` to `temporary`, created new (so no link or file there is followed
 * or overwritten); `created` is called as soon as it exists, so that it can be removed.
 */
async function writeTemporary(temporary: string, text: string, created: () => void): Promise<void> {
  const handle = await open(temporary, "wx");
  created();
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Write every file, all or none: each text is made and written to `FILE.tmp-<pid>` (created
 * new, flushed), and only once all are written are they renamed into place, one after
 * another with nothing in between. Ctrl-C before the renames, or a failure (a text that
 * cannot be made, a full disk, an output that became a link or a folder meanwhile),
 * removes every temporary file and writes none; so does the process ending (a second
 * Ctrl-C).
 *
 * @throws Interrupted after Ctrl-C, naming the files not written; CommandFailure when a
 *   file cannot be written (naming any renamed before it, in the rare failure of a rename).
 */
export async function writeOutputFiles(outputs: readonly OutputText[], env: CliEnvironment): Promise<void> {
  const temporaries: string[] = [];
  const removeTemporaries = () => {
    for (const temporary of temporaries.splice(0)) rmSync(temporary, { force: true });
  };
  let interrupted = false;
  const stopListening = env.onInterrupt(() => void (interrupted = true));
  process.on("exit", removeTemporaries);
  const notWritten = () => new Interrupted(`interrupted; ${outputs.map((o) => o.file).join(", ")} not written`);
  try {
    for (const { file, text } of outputs) {
      const content = text();
      if (interrupted) throw notWritten();
      const temporary = `${file}.tmp-${process.pid}`;
      try {
        await writeTemporary(temporary, content, () => temporaries.push(temporary));
      } catch (error) {
        throw new CommandFailure([writeFailure(file, error)]);
      }
      if (interrupted) throw notWritten();
    }
    for (const { file } of outputs) {
      const kind = unwritableKind(file);
      if (kind !== undefined) throw new CommandFailure([`cannot write ${file}: it is ${kind} now`]);
    }
    const renamed: string[] = [];
    outputs.forEach(({ file }, i) => {
      try {
        renameSync(temporaries[i]!, file);
      } catch (error) {
        throw new CommandFailure([writeFailure(file, error), ...(renamed.length === 0 ? [] : [`written before it: ${renamed.join(", ")}`])]);
      }
      renamed.push(file);
    });
    temporaries.length = 0;
  } finally {
    removeTemporaries();
    process.off("exit", removeTemporaries);
    stopListening();
  }
}
