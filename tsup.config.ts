import { defineConfig } from "tsup";

// Two entries: `chokepoint` (runs in any JavaScript runtime: no Node built-ins in its
// import graph) and `chokepoint/node` (file loading; worker threads later). Each is built
// as ESM (.js) and CommonJS (.cjs), with declarations for both (.d.ts / .d.cts).
export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: ["esm", "cjs"],
  dts: true,
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
  external: ["zod", "yaml", "seedrandom", "mathjs", /^node:/],
  removeNodeProtocol: false,
  // Code shared by the two entries lives in one chunk, in CommonJS as well as ESM, so
  // `chokepoint/node` throws the very ScenarioError class that `chokepoint` exports.
  splitting: true,
});
