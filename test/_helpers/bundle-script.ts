import { build } from "esbuild";

/**
 * Bundle a TypeScript script (it may import "./src/...", resolved from the repository
 * root) into one ES module at `outfile`, for a child `node` to run without compiling
 * TypeScript or resolving modules.
 */
export async function bundleScript(contents: string, outfile: string): Promise<void> {
  await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    // the dependencies bundled with it are CommonJS, and need a require
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    outfile,
    logLevel: "silent",
  });
}
