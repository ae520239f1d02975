// Reading a file given by a user (a scenario, a shard), Node only: only a regular file is
// read (a named pipe would block forever, a device could stream without end), its size is
// checked before anything is read, and no more than the limit and one byte is ever read.
import { constants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";

/** What a path is, in words: `a regular file`, `a folder`, `a named pipe (FIFO)`, ... */
export function fileKind(stats: Stats): string {
  if (stats.isFile()) return "a regular file";
  if (stats.isDirectory()) return "a folder";
  if (stats.isSymbolicLink()) return "a symbolic link";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/** `64 MiB`, `1.5 KiB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toPrecision(3))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** Why a file could not be read; `reason` completes "cannot read FILE: ...". */
export class FileReadError extends Error {
  override readonly name = "FileReadError";
  /** `missing`: no such file; `kind`: not a regular file; `size`: over the limit; `other`: anything else (permission, I/O). */
  readonly kind: "missing" | "kind" | "size" | "other";
  readonly reason: string;
  constructor(path: string, kind: FileReadError["kind"], reason: string) {
    super(`cannot read ${path}: ${reason}`);
    this.kind = kind;
    this.reason = reason;
  }
}

function readFailure(path: string, error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new FileReadError(path, "missing", "no such file");
  if (code === "EACCES" || code === "EPERM") return new FileReadError(path, "other", "permission denied");
  return new FileReadError(path, "other", String((error as Error).message));
}

function tooLarge(path: string, found: string, maxBytes: number): FileReadError {
  return new FileReadError(path, "size", `${found}; the limit is ${maxBytes} bytes (${formatBytes(maxBytes)})`);
}

function checkRegular(path: string, stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new FileReadError(path, "kind", `it is ${fileKind(stats)}, not a file`);
  if (stats.size > maxBytes) throw tooLarge(path, `it has ${stats.size} bytes`, maxBytes);
}

/**
 * Read a regular file as UTF-8 text, of at most `maxBytes` bytes.
 *
 * The path is checked before it is opened (a named pipe, a device, a socket or a folder is
 * refused, never opened), opened without blocking and checked again through the open
 * handle, so that a file swapped in between is caught too; its size is checked before
 * reading, and at most `maxBytes + 1` bytes are read, so a file that grows meanwhile is
 * refused rather than read to its end.
 *
 * @throws FileReadError saying what is wrong: no such file, not a regular file, too large,
 *   permission denied.
 */
export async function readTextFile(path: string, maxBytes: number): Promise<string> {
  try {
    checkRegular(path, await stat(path), maxBytes);
  } catch (error) {
    throw error instanceof FileReadError ? error : readFailure(path, error);
  }
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readFailure(path, error);
  }
  try {
    const stats = await handle.stat();
    checkRegular(path, stats, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    // the size stat gave, plus one byte to see whether the file grew; then in steps, up to the limit + 1
    let want = Math.min(stats.size, maxBytes) + 1;
    for (;;) {
      const buffer = Buffer.alloc(want);
      const { bytesRead } = await handle.read(buffer, 0, want, total);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(path, "it has grown", maxBytes);
      want = Math.min(maxBytes + 1 - total, 1 << 20);
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } catch (error) {
    throw error instanceof FileReadError ? error : readFailure(path, error);
  } finally {
    await handle.close();
  }
}
