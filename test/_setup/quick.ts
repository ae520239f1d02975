// Setup file of `npm run test:quick` (vitest.quick.config.ts): properties that do not set
// their own number of runs try 20 cases instead of fast-check's 100. The full suite
// (`npm test`) keeps fast-check's defaults.
import fc from "fast-check";

fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: 20 });
