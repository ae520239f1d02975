// The demo from code: runs the bundled seed scenario through the command line's `main`,
// exactly as `npx chokepoint run us-japan-chip-controls-2024 --runs 2000`. `npm run demo`
// runs the same command bundled with esbuild (scripts/demo.mjs), about twice as fast as
// this file under tsx.
import { processEnvironment } from "../src/cli/environment.js";
import { main } from "../src/cli/main.js";

const runs = process.env.CHOKEPOINT_RUNS ?? "2000";
process.exitCode = await main(["run", "us-japan-chip-controls-2024", "--runs", runs, "--seed", "1"], processEnvironment());
