// `npm run demo`: the first thing a new user sees. Runs the bundled seed scenario through
// the command line, exactly as `npx chokepoint run us-japan-chip-controls-2024 --runs 2000`.
import { processEnvironment } from "../src/cli/environment.js";
import { main } from "../src/cli/main.js";

const runs = process.env.CHOKEPOINT_RUNS ?? "2000";
process.exitCode = await main(["run", "us-japan-chip-controls-2024", "--runs", runs, "--seed", "1"], processEnvironment());
