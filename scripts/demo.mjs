// `npm run demo`: runs the bundled seed scenario through the command line, exactly as
// `npx chokepoint run us-japan-chip-controls-2024 --runs 2000 --seed 1` (CHOKEPOINT_RUNS
// changes the run count). It works before any build: the command and its worker are bundled
// from src/ with esbuild (under a second) into .demo/, then run with plain Node. Running the
// sources under tsx instead (examples/demo.ts does) takes about twice as long: each worker
// thread starts tsx too, and tsx's module hooks make V8 check every typed-array access for a
// detached buffer (bench/README.md, "Why not tsx").
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bundleCommand } from "./bundle-command.mjs";

// a folder at the repository root, so the bundle finds ../scenarios/ as dist/cli.js does
const outdir = fileURLToPath(new URL("../.demo", import.meta.url));
await bundleCommand(outdir);
const runs = process.env.CHOKEPOINT_RUNS ?? "2000";
const result = spawnSync(process.execPath, [`${outdir}/cli.js`, "run", "us-japan-chip-controls-2024", "--runs", runs, "--seed", "1"], { stdio: "inherit" });
process.exit(result.status ?? 1);
