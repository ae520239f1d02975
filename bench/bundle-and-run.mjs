// Bundles benchmark entry points (the library's src/ compiled in, packages external) with
// esbuild into bench/*.bundle.mjs, all in bench/ so paths relative to the module resolve as
// from the sources, then runs one of them with plain Node and exits with its status. Used
// by bench/start.mjs and bench/qmc.mjs; why not tsx: see bench/start.mjs.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * @param {{ in: string, out: string }[]} entryPoints paths relative to bench/, output names without extension
 * @param {string} main the output name to run
 */
export async function bundleAndRun(entryPoints, main) {
  await build({
    entryPoints: entryPoints.map((entry) => ({ in: `${here}${entry.in}`, out: entry.out })),
    outdir: here,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  const result = spawnSync(process.execPath, [...process.execArgv, `${here}${main}.mjs`, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
