// Bundles the built command (dist/cli.js) with its dependencies into one file, so that
// `chokepoint` starts without resolving the hundreds of modules of mathjs, yaml, zod and
// commander (start-up about 1.5 s -> 0.6 s). Run by `npm run build` after tsup. The
// library entries are left as tsup built them (dependencies external, shared chunks).
// piscina stays outside: it loads its own worker file from next to itself; the experiment
// worker stays dist/experiment-worker.js, found relative to this file as before.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
await build({
  entryPoints: [cli],
  outfile: cli,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["piscina"],
  // CommonJS dependencies bundled into ESM call require() for Node's built-ins
  banner: { js: 'import { createRequire as __chokepointRequire } from "node:module"; const require = __chokepointRequire(import.meta.url);' },
  // no source map: it would be twice the size of the bundle, for a program whose errors
  // are one line by design (CHOKEPOINT_DEBUG=1 prints the stack, with bundle line numbers)
  sourcemap: false,
  logLevel: "warning",
});
rmSync(`${cli}.map`, { force: true }); // tsup's map, of the file replaced
console.log(`bundled ${cli}`);
