// `npm run bench:qmc`: bundles bench/qmc.ts (the library's src/ compiled in, packages
// external) with esbuild into bench/qmc.bundle.mjs and runs it with plain Node, as
// bench/start.mjs does (why not tsx: see there). Arguments are passed on (--seeds N).
import { bundleAndRun } from "./bundle-and-run.mjs";

await bundleAndRun([{ in: "qmc.ts", out: "qmc.bundle" }], "qmc.bundle");
