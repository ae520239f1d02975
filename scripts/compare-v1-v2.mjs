#!/usr/bin/env node
// Model v1 against model v2, side by side: runs every bundled scenario in two source trees
// with the same runs and seed, and prints a markdown table per scenario of its headline
// outcomes (mean and 90% interval, p05 to p95) per policy under each model. Used for
// docs/scenarios.md, "Model v1 and model v2, side by side"; rerun it when the engine changes.
//
//   git worktree add ../wt-v1 df92356 && ln -s "$PWD/node_modules" ../wt-v1/node_modules
//   node scripts/compare-v1-v2.mjs --v1 ../wt-v1 --v2 . [--runs 2000] [--seed compare]
//                                  [--scenario <name>]... [--json-dir <dir>] > table.md
//
// Each tree runs its own CLI on its own scenarios/ (`npx tsx src/cli.ts run <name> --runs N
// --seed S --quiet --json <file>`), so the v1 tree must be a checkout of a v1 commit (its
// scenarios still carry marketIntegration and diversion). --json-dir keeps the full results
// (<dir>/<model>-<scenario>.json); without it they go to a temporary folder, removed at the
// end. The table goes to stdout; progress to stderr.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    v1: { type: "string" },
    v2: { type: "string" },
    runs: { type: "string", default: "2000" },
    seed: { type: "string", default: "compare" },
    scenario: { type: "string", multiple: true },
    "json-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help || !values.v1 || !values.v2) {
  console.error("usage: node scripts/compare-v1-v2.mjs --v1 <tree> --v2 <tree> [--runs 2000] [--seed compare] [--scenario <name>]... [--json-dir <dir>]");
  process.exit(values.help ? 0 : 2);
}
const trees = { v1: resolve(values.v1), v2: resolve(values.v2) };
for (const [model, tree] of Object.entries(trees)) {
  if (!existsSync(join(tree, "src/cli.ts"))) throw new Error(`--${model} ${tree}: no src/cli.ts there`);
}
const runs = values.runs;
const seed = values.seed;
const jsonDir = values["json-dir"] ? resolve(values["json-dir"]) : mkdtempSync(join(tmpdir(), "compare-v1-v2-"));
mkdirSync(jsonDir, { recursive: true });

const scenarioNames = values.scenario ?? readdirSync(join(trees.v2, "scenarios")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
const readScenario = (tree, name) => {
  const file = join(tree, "scenarios", `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
};

function run(model, name) {
  const out = join(jsonDir, `${model}-${name}.json`);
  const args = ["tsx", "src/cli.ts", "run", name, "--runs", runs, "--seed", seed, "--quiet", "--json", out];
  console.error(`${model}: npx ${args.join(" ")}   (in ${trees[model]})`);
  const started = Date.now();
  const child = spawnSync("npx", args, { cwd: trees[model], stdio: ["ignore", "ignore", "inherit"] });
  if (child.status !== 0) throw new Error(`${model} ${name}: the CLI exited with ${child.status ?? child.signal}`);
  console.error(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(out, "utf8"));
}

// Formatting as the CLI's table does (src/report/format-number.ts), with 3 significant digits.
function significant(value) {
  if (value === 0) return "0";
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(0);
  if (size >= 0.01) return value.toPrecision(3).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return value.toExponential(1);
}
function money(value) {
  const sign = value < 0 ? "-" : "";
  const size = Math.abs(value);
  for (const [scale, word] of [[1e12, "tn"], [1e9, "bn"], [1e6, "m"], [1e3, "k"]]) {
    if (size >= scale) return `${sign}$${significant(size / scale)} ${word}`;
  }
  return `${sign}$${significant(size)}`;
}
function format(value, unit) {
  if (value === undefined || value === null || Number.isNaN(value)) return "—";
  if (unit === "USD") return money(value);
  if (unit.startsWith("share") || unit === "probability") return `${significant(value * 100)}%`;
  if (unit.startsWith("x ")) return `${value.toFixed(2)}x`;
  if (unit.startsWith("% of")) return `${significant(value)}%`;
  return significant(value);
}
const interval = (stats, unit) => (stats ? `${format(stats.p05, unit)} – ${format(stats.p95, unit)}` : "—");
const statsOf = (result, policy, outcome) => result?.policies.find((p) => p.name === policy)?.outcomes.find((o) => o.name === outcome);
const unitOf = (result, outcome) => result?.outcomes.find((o) => o.name === outcome)?.unit;

function headlines(scenario) {
  return scenario.headlineOutcomes ?? scenario.outcomes.slice(0, 5).map((o) => o.name);
}

function gitState(tree) {
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: "0" }; // read only: no index refresh
  const head = spawnSync("git", ["-C", tree, "rev-parse", "--short", "HEAD"], { encoding: "utf8", env }).stdout.trim();
  const dirty = spawnSync("git", ["-C", tree, "status", "--porcelain", "--untracked-files=no"], { encoding: "utf8", env }).stdout.trim() !== "";
  return head ? `${head}${dirty ? " with uncommitted changes" : ""}` : "not a git checkout";
}

const lines = [];
const today = new Date().toISOString().slice(0, 10);
lines.push(
  `Generated ${today} by \`node scripts/compare-v1-v2.mjs --v1 <v1 tree> --v2 <v2 tree> --runs ${runs} --seed ${seed}\`: ` +
    `each tree's \`npx tsx src/cli.ts run <scenario> --runs ${runs} --seed ${seed} --quiet --json <file>\`. ` +
    `v1: ${gitState(trees.v1)}; v2: ${gitState(trees.v2)}. Mean, and 90% interval (p05 – p95) over the runs.`,
  "",
);

for (const name of scenarioNames) {
  const scenarios = { v1: readScenario(trees.v1, name), v2: readScenario(trees.v2, name) };
  const results = {};
  for (const model of ["v1", "v2"]) results[model] = scenarios[model] ? run(model, name) : undefined;
  const outcomes = [...new Set([...headlines(scenarios.v2 ?? scenarios.v1), ...(scenarios.v1 ? headlines(scenarios.v1) : [])])];
  const policies = [...new Set([...(results.v2?.policies ?? []), ...(results.v1?.policies ?? [])].map((p) => p.name))];
  lines.push(`#### \`${name}\``, "");
  if (!scenarios.v1) lines.push("(not in the v1 tree)", "");
  lines.push("| outcome | policy | v1 mean | v1 90% interval | v2 mean | v2 90% interval |", "| --- | --- | ---: | ---: | ---: | ---: |");
  for (const outcome of outcomes) {
    const unit = unitOf(results.v2, outcome) ?? unitOf(results.v1, outcome) ?? "";
    policies.forEach((policy, i) => {
      const v1 = statsOf(results.v1, policy, outcome);
      const v2 = statsOf(results.v2, policy, outcome);
      const label = i === 0 ? `\`${outcome}\`${unit ? ` (${unit})` : ""}` : "";
      lines.push(`| ${label} | ${policy} | ${format(v1?.mean, unit)} | ${interval(v1, unit)} | ${format(v2?.mean, unit)} | ${interval(v2, unit)} |`);
    });
  }
  lines.push("");
}

if (!values["json-dir"]) rmSync(jsonDir, { recursive: true, force: true });
process.stdout.write(lines.join("\n"));
