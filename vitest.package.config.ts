import { defineConfig } from "vitest/config";

// `npm run test:package`: the tests of the built package (build, `npm pack`, import and
// require from a scratch directory, a browser bundle). Kept out of `npm test`, whose time
// they would double; CI runs them after the build.
export default defineConfig({
  test: {
    include: ["test/package/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
