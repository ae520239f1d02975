// `_internals` folders are private to the folder that holds them (and the folders inside it,
// such as src/random/distributions for src/random): a helper another folder needs belongs in
// a module of its owner (public but not exported) or in a shared folder.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The folder that owns a path's `_internals` (the path's folder for any other path). */
function owner(path: string): string {
  const at = path.indexOf("/_internals/");
  return at < 0 ? dirname(path) : path.slice(0, at);
}

describe("_internals", () => {
  it("are imported only from their own folder", () => {
    const reaching: string[] = [];
    for (const file of sourceFiles(join(root, "src"))) {
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
        const target = resolve(dirname(file), specifier!);
        const home = owner(target);
        const inside = owner(file) === home || owner(file).startsWith(`${home}/`);
        if (target.includes("/_internals/") && !inside) reaching.push(`${relative(root, file)} -> ${relative(root, target)}`);
      }
    }
    expect(reaching).toEqual([]);
  });
});
