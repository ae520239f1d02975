// Bundles the `chokepoint` command (bin) from src/cli.ts with its dependencies into one file,
// dist/cli.js, so that it starts without resolving the hundreds of modules of mathjs, yaml,
// zod and commander (start-up about 1.5 s -> 0.6 s). Run by `npm run build` after tsup:
// `node scripts/bundle-cli.mjs [distDir]` (default: dist/ of this repository). The library
// entries are left as tsup built them (dependencies external, shared chunks).
// Bundled from the sources rather than from tsup's output: re-bundling tsup's split chunks
// met their bare `import "./chunk-X.js"` lines (kept by code splitting for evaluation order)
// under the package's `"sideEffects": false`, and esbuild warned for each one.
// piscina stays outside: it loads its own worker file from next to itself; the experiment
// worker is tsup's dist/experiment-worker.js, found relative to this file.
import { chmodSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cli = resolve(process.argv[2] ?? resolve(repo, "dist"), "cli.js");
await build({
  entryPoints: [resolve(repo, "src/cli.ts")],
  outfile: cli,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["piscina"],
  // class and function names as written: `error.constructor.name` is "ScenarioError", even
  // where bundling renames a class to avoid a clash
  keepNames: true,
  // CommonJS dependencies bundled into ESM call require() for Node's built-ins
  banner: { js: 'import { createRequire as __chokepointRequire } from "node:module"; const require = __chokepointRequire(import.meta.url);' },
  // no source map: it would be twice the size of the bundle, for a program whose errors
  // are one line by design (CHOKEPOINT_DEBUG=1 prints the stack, with bundle line numbers)
  sourcemap: false,
  logLevel: "warning",
});
chmodSync(cli, 0o755); // the `#!/usr/bin/env node` line at its top (from src/cli.ts) runs it
console.log(`bundled ${cli}`);
