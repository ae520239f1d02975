// `npm run bench`: bundles the benchmarks (bench/run.ts, its sections and the child
// processes, with the library's src/ compiled in; packages stay external) with esbuild into
// bench/*.bundle.mjs (all in bench/, so paths relative to the module, like ../scenarios,
// resolve as from the sources), and runs them with plain Node.
//
// Why not tsx: loading tsx's module hooks detaches an ArrayBuffer, which invalidates V8's
// ArrayBufferDetaching protector for the whole process; from then on every typed-array access
// in optimised code checks for a detached buffer, and the engine runs about 28% slower (same
// bundle, 330 µs against 425 µs per run of the seed scenario). Users run built JavaScript
// without loader hooks, so that is what the benchmarks time.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const entries = ["run.ts", "children/allocation.ts", "children/memory.ts"];
await build({
  // children/memory.ts -> memory.child.bundle.mjs (bench/lib.ts runChild maps the name back)
  entryPoints: entries.map((file) => ({ in: `${here}${file}`, out: file.replace(/^children\/(.*)\.ts$/, "$1.child").replace(/\.ts$/, "") + ".bundle" })),
  outdir: here,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const result = spawnSync(process.execPath, [...process.execArgv, `${here}run.bundle.mjs`, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
