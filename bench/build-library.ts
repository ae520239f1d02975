// Builds the library from the current src/ into a temporary folder, as tsup builds dist/
// (ESM, code split, dependencies external), so section 1 can time what users run: built
// JavaScript, whose worker threads load plain .js (under tsx, each worker thread starts
// with `--import tsx`, and such a worker runs the engine about half as fast as the main
// thread; see bench/README.md). dist/ is left alone.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";

export async function buildLibrary(): Promise<{ dir: string; cleanup: () => void }> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-bench-"));
  // the built files import zod, piscina, ... by name: let them resolve to the repository's
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  await build({
    config: false,
    entry: { index: join(root, "src/index.ts"), node: join(root, "src/node.ts"), "experiment-worker": join(root, "src/experiment-worker.ts") },
    format: ["esm"],
    outDir: dir,
    splitting: true,
    target: ["node20", "es2022"],
    platform: "node",
    external: ["zod", "yaml", "seedrandom", "mathjs", "commander", "piscina"],
    removeNodeProtocol: false,
    keepNames: true, // as tsup.config.ts builds dist/
    dts: false,
    sourcemap: false,
    clean: false,
    silent: true,
  });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
