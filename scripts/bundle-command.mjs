// Bundles the `chokepoint` command and the worker module it starts, from src/, with every
// dependency but piscina (which finds its own worker file next to itself), into `outdir`
// (cli.js, experiment-worker.js and shared chunks). Used by `npm run demo` and by the CLI
// tests (test/_setup/cli-bundle.ts). Put `outdir` in a folder of the repository root, so
// that the bundle finds ../scenarios/ as dist/cli.js does.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** @param {string} outdir */
export async function bundleCommand(outdir) {
  await build({
    entryPoints: { cli: `${repo}src/cli.ts`, "experiment-worker": `${repo}src/experiment-worker.ts` },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["piscina"],
    // class and function names as written, as in dist/ (scripts/bundle-cli.mjs)
    keepNames: true,
    // CommonJS dependencies bundled into ESM call require() for Node's built-ins
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    outdir,
    logLevel: "warning",
  });
}
