import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Examples import "chokepoint" as users do; in this repository that is the source.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^chokepoint\/node$/, replacement: source("./src/node.ts") },
      { find: /^chokepoint\/testing$/, replacement: source("./src/testing/index.ts") },
      { find: /^chokepoint$/, replacement: source("./src/index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    // the built-package tests build and pack the library: `npm run test:package` runs them
    exclude: ["test/package/**", "**/node_modules/**"],
    globalSetup: ["test/_setup/cli-bundle.ts"],
    setupFiles: ["test/_setup/bundled-worker.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
