import { defineConfig } from "tsup";

// Three library entries: `chokepoint` (runs in any JavaScript runtime: no Node built-ins in
// its import graph), `chokepoint/node` (file loading, bundled scenarios, worker threads)
// and `chokepoint/testing` (fast-check arbitraries and invariants; no Node built-ins
// either; fast-check is its peer dependency, never bundled).
// Each is built as ESM (.js) and CommonJS (.cjs), with declarations for both (.d.ts /
// .d.cts). One more entry is ESM only, without declarations: the worker module that
// chokepoint/node's thread pool loads from next to itself. The `chokepoint` command (bin,
// dist/cli.js) is bundled from the sources by scripts/bundle-cli.mjs after this build.
const library = { index: "src/index.ts", node: "src/node.ts", testing: "src/testing/index.ts" };

export default defineConfig({
  entry: { ...library, "experiment-worker": "src/experiment-worker.ts" },
  format: ["esm", "cjs"],
  dts: { entry: library },
  sourcemap: true,
  clean: true,
  outDir: "dist",
  target: ["node20", "es2022"],
  // Not tied to Node: nothing Node-specific is injected; built-ins must be named `node:*`.
  platform: "neutral",
  // Runtime dependencies stay external, deep imports included (`seedrandom/lib/alea.js`,
  // CommonJS: Node ESM and the CJS build's interop both hand its module.exports over as
  // the default import). Node built-ins keep their `node:` prefix (tsup 8 strips it by
  // default), so bundlers see them for what they are.
  external: ["zod", "yaml", "seedrandom", "mathjs", "commander", "piscina", "fast-check", /^node:/],
  removeNodeProtocol: false,
  // Class and function names as written. The CommonJS build with shared chunks is made from
  // the ESM one by sucrase, which wraps a class with fields in `(_class = class ..., _class)`:
  // without this, `ScenarioError.name` (and `error.constructor.name`) was "_class" under require.
  keepNames: true,
  // Code shared by the entries lives in chunks, in CommonJS as well as ESM, so
  // `chokepoint/node` throws the very ScenarioError class that `chokepoint` exports.
  splitting: true,
  // `import.meta.url` in the CommonJS build (chokepoint/node finds the bundled scenarios
  // relative to itself); tsup derives it from __filename. Nothing is injected into ESM.
  shims: true,
  // The worker is ESM only: no dist/experiment-worker.cjs.
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.entryPoints = library;
  },
});
