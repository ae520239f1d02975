// `npm run demo`: runs the bundled seed scenario through the command line, exactly as
// `npx chokepoint run us-japan-chip-controls-2024 --runs 2000 --seed 1` (CHOKEPOINT_RUNS
// changes the run count). It works before any build: the command and its worker are bundled
// from src/ with esbuild (under a second) into .demo/ when a source changed, then run with
// plain Node (scripts/command-from-sources.mjs; `npx chokepoint` in a clone does the same).
// Running the sources under tsx instead (examples/demo.ts does) takes about twice as long: each worker
// thread starts tsx too, and tsx's module hooks make V8 check every typed-array access for a
// detached buffer (bench/README.md, "Why not tsx").
import { spawnSync } from "node:child_process";
import { commandFromSources } from "./command-from-sources.mjs";

const command = await commandFromSources();
const runs = process.env.CHOKEPOINT_RUNS ?? "2000";
const result = spawnSync(process.execPath, [command, "run", "us-japan-chip-controls-2024", "--runs", runs, "--seed", "1"], { stdio: "inherit" });
process.exit(result.status ?? 1);
