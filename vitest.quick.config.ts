import { defineConfig } from "vitest/config";
import full from "./vitest.config.js";

// `npm run test:quick`: the edit-test loop, in under 30 s. Unit and property tests of the
// library in this process only: no command-line processes, worker threads, browsers,
// golden or reference comparisons, fuzzing or documentation runs, and no global set-up
// (which bundles the command for those); the slowest properties try fewer cases
// (test/_helpers/quick.ts). `npm test` is the whole suite, and CI runs it.
const SLOW = [
  "test/cli/**",
  "test/browser/**",
  "test/golden/**",
  "test/reference/**",
  "test/fuzz/**",
  "test/docs/{readme,guides}.test.ts",
  "test/experiment/{parallel,abort,failures,ranges,shards,worker-imports}.test.ts",
  "test/schema/{parse-memory,validation-cost}.test.ts",
  "test/package/**",
  "examples/**",
  "**/node_modules/**",
];
// files that replace a module with vi.mock, which needs a module graph of their own
const MOCKING = ["test/random/stream.test.ts", "test/testing/invariants-catch-bugs.test.ts"];

// Built from vitest.config.ts's parts rather than with mergeConfig, which would append
// these lists to its own (its global set-up, its include) instead of replacing them.
export default defineConfig({
  resolve: full.resolve,
  test: {
    testTimeout: full.test?.testTimeout,
    setupFiles: ["test/_setup/quick.ts"],
    env: { CHOKEPOINT_QUICK: "1" },
    projects: [
      // one module graph per worker rather than one per file: importing the library, not
      // the tests, took most of the time
      { extends: true, test: { name: "shared", include: full.test?.include, exclude: [...SLOW, ...MOCKING], isolate: false } },
      { extends: true, test: { name: "isolated", include: MOCKING } },
    ],
  },
});
