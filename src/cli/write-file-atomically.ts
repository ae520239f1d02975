import { existsSync, statSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CommandFailure, UsageError } from "./errors.js";

/**
 * Write `text` to `file` so that `file` is either left as it was or holds all of `text`:
 * write and flush `file.tmp-<pid>`, then rename it over `file` (atomic within a file
 * system). On failure the temporary file is removed.
 *
 * @throws CommandFailure when the file cannot be written.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOSPC" ? "no space left on the device" : (error as Error).message;
    throw new CommandFailure([`cannot write ${file}: ${reason}`]);
  }
}

/**
 * Fail before a long experiment, not after it, when an output file cannot go where asked.
 *
 * @param option - the option that names the file, for the message (`--json`).
 * @throws UsageError when `file` is a folder or its folder does not exist.
 */
export function checkOutputFile(option: string, file: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${option}: ${file} is a folder; give a file name`);
  const folder = dirname(resolve(file));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${option}: folder ${dirname(file)} does not exist`);
}
