// `npm run bench:qmc`: bundles bench/qmc.ts (the library's src/ compiled in, packages
// external) with esbuild into bench/qmc.bundle.mjs and runs it with plain Node, as
// bench/start.mjs does (why not tsx: see there). Arguments are passed on (--seeds N).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
await build({
  entryPoints: [{ in: `${here}qmc.ts`, out: "qmc.bundle" }],
  outdir: here,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const result = spawnSync(process.execPath, [`${here}qmc.bundle.mjs`, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
