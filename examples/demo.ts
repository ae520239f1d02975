// The first thing a new user runs (`npm run demo`): an experiment on the bundled
// example scenario, printed as a table. Policies are compared on the same draws.
import { readFileSync } from "node:fs";
import { formatSummaryTable, parseScenario, runExperiment } from "../src/index.js";

const runs = Number(process.env.CHOKEPOINT_RUNS ?? 5000);
const scenario = parseScenario(readFileSync(new URL("./illustrative-standoff.json", import.meta.url), "utf8"));
const result = await runExperiment(scenario, { runs, seed: "demo" });
console.log(formatSummaryTable(result));
