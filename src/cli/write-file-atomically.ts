import { open, rename, rm } from "node:fs/promises";
import { CommandFailure } from "./errors.js";

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
