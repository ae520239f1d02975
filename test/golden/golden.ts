// The golden suite: results of fixed experiments on fixed scenarios, committed in
// test/golden/expected/, so that "this change moves no number" is a check anyone can run
// (`npm test` runs it) and a change that should move numbers shows exactly what moved.
//
// Each case runs one experiment on one scenario file and records:
// - SHA-256 of the scenario file, of the whole result (keys sorted) and of a few replayed
//   runs (every outcome and every period of every series, via simulateOnce);
// - per policy and outcome, one line: mean, p05, p50, p95 in full precision, and (where
//   runs are kept) a short hash of every run's value, so a diff names what moved.
//
// `npm run golden` recomputes every case, prints what moved and rewrites the files.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  explainScenario,
  formatRunsCsv,
  parseScenario,
  resultJsonSchema,
  runExperiment,
  scenarioJsonSchema,
  simulateOnce,
  type ExperimentResult,
} from "../../src/index.js";
import { canonicalJson } from "../../src/schema/scenario-hash.js";

export { canonicalJson };

/** Options of a case's experiment (those of runExperiment that decide its numbers). */
export interface GoldenOptions {
  readonly runs: number;
  readonly seed: string;
  readonly sampler?: "monte-carlo" | "latin-hypercube";
  readonly summaries?: "exact" | "streaming";
  /** Keep every run's values, so each outcome's line carries a hash of them. */
  readonly keepRuns?: boolean;
}

/** One golden case: a scenario file, an experiment on it, and runs replayed period by period. */
export interface GoldenCase {
  readonly name: string;
  /** Scenario file, from the repository's root. */
  readonly file: string;
  readonly options: GoldenOptions;
  /** Runs 0 .. replayRuns-1 of every policy are replayed with simulateOnce and hashed, series included. */
  readonly replayRuns: number;
}

const SEED = "golden";
const kept = (runs: number): GoldenOptions => ({ runs, seed: SEED, keepRuns: true });
const world = (name: string, runs: number, replayRuns = 2): GoldenCase => ({ name, file: `test/golden/worlds/${name}.json`, options: kept(runs), replayRuns });

/** Every case, in the order they are checked. */
export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: "us-japan-chip-controls-2024", file: "scenarios/us-japan-chip-controls-2024.json", options: kept(400), replayRuns: 3 },
  { name: "china-gallium-germanium-ban", file: "scenarios/china-gallium-germanium-ban.json", options: kept(500), replayRuns: 3 },
  { name: "illustrative-standoff", file: "scenarios/illustrative-standoff.json", options: kept(500), replayRuns: 3 },
  {
    name: "illustrative-standoff-latin-hypercube",
    file: "scenarios/illustrative-standoff.json",
    options: { runs: 300, seed: SEED, sampler: "latin-hypercube", keepRuns: true },
    replayRuns: 0,
  },
  {
    name: "china-gallium-germanium-ban-streaming",
    file: "scenarios/china-gallium-germanium-ban.json",
    options: { runs: 3000, seed: SEED, summaries: "streaming" },
    replayRuns: 0,
  },
  world("two-country", 3),
  world("escalation", 200, 3),
  world("formulas", 100, 2),
  world("feature-rich-8x10", 200),
  world("synthetic-20x20", 40),
  world("mrio-12x30", 30),
  ...[101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112].map((seed) => world(`generated-${seed}`, 100)),
  { name: "severity-counterexample", file: "test/_helpers/severity-counterexample.json", options: kept(50), replayRuns: 2 },
  { name: "diversion-counterexample", file: "test/_helpers/diversion-counterexample.json", options: kept(50), replayRuns: 2 },
  { name: "import-restriction-counterexample", file: "test/_helpers/import-restriction-counterexample.json", options: kept(50), replayRuns: 2 },
];

/** One outcome of one policy: mean, p05, p50, p95, and a hash of every run's value when runs are kept. */
export type OutcomeLine = readonly [number, number, number, number] | readonly [number, number, number, number, string];

/** What a case records. */
export interface GoldenRecord {
  readonly case: string;
  readonly file: string;
  readonly options: GoldenOptions;
  /** `outcomes`: the result's list of outcomes as reported (names, units, descriptions, thresholds). */
  readonly sha256: { readonly scenario: string; readonly result: string; readonly outcomes: string; readonly replays: string };
  /** `outcomes[policy][outcome]`. */
  readonly outcomes: Readonly<Record<string, Readonly<Record<string, OutcomeLine>>>>;
}

const root = new URL("../../", import.meta.url);

function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}


/** A short hash of numbers, bit for bit (0 and -0 differ, as do NaNs' payloads). */
function hashNumbers(values: readonly number[]): string {
  return sha256(new Uint8Array(Float64Array.from(values).buffer)).slice(0, 16);
}

/** A scenario file's text with line endings as committed (a checkout with CRLF endings hashes the same). */
export function scenarioText(file: string): string {
  return readFileSync(new URL(file, root), "utf8").replace(/\r\n/g, "\n");
}

/**
 * The result without the version of chokepoint that ran it: releasing a version moves no
 * number. (The scenario's SHA-256, `result.scenario.sha256`, stays in: it depends on the
 * scenario as parsed, and its serialisation is a contract with readers of result files.)
 */
function versionless(result: ExperimentResult): Omit<ExperimentResult, "chokepointVersion"> {
  const { chokepointVersion: _, ...rest } = result;
  return rest;
}

/** The record of a case's result: what the golden file holds of it. */
export async function computeGolden(golden: GoldenCase, result?: ExperimentResult): Promise<GoldenRecord> {
  const text = scenarioText(golden.file);
  const scenario = parseScenario(JSON.parse(text));
  result ??= await runExperiment(scenario, golden.options);
  const outcomes: Record<string, Record<string, OutcomeLine>> = {};
  for (const policy of result.policies) {
    const lines: Record<string, OutcomeLine> = {};
    for (const outcome of policy.outcomes) {
      const statistics = [outcome.mean, outcome.p05, outcome.p50, outcome.p95] as const;
      const runs = policy.runs?.[outcome.name];
      lines[outcome.name] = runs === undefined ? statistics : [...statistics, hashNumbers(runs)];
    }
    outcomes[policy.name] = lines;
  }
  const replays: unknown[] = [];
  for (let run = 0; run < golden.replayRuns; run++) {
    for (const policy of scenario.policies) {
      const replay = simulateOnce(scenario, { policy: policy.name, seed: golden.options.seed, run });
      replays.push([policy.name, run, replay.outcomes, replay.series]);
    }
  }
  return {
    case: golden.name,
    file: golden.file,
    options: golden.options,
    sha256: { scenario: sha256(text), result: sha256(canonicalJson(versionless(result))), outcomes: sha256(canonicalJson(result.outcomes)), replays: sha256(canonicalJson(replays)) },
    outcomes,
  };
}

/** The file a case's record is committed in. */
export function goldenFile(golden: GoldenCase): URL {
  return new URL(`test/golden/expected/${golden.name}.json`, root);
}

/** A record as committed: one line per outcome, so a diff shows which outcome moved. */
export function formatGolden(record: GoldenRecord): string {
  const policies = Object.entries(record.outcomes).map(([policy, lines]) => {
    const rows = Object.entries(lines).map(([name, line]) => `   ${JSON.stringify(name)}: ${JSON.stringify(line)}`);
    return `  ${JSON.stringify(policy)}: {\n${rows.join(",\n")}\n  }`;
  });
  return [
    "{",
    ` "case": ${JSON.stringify(record.case)},`,
    ` "file": ${JSON.stringify(record.file)},`,
    ` "options": ${JSON.stringify(record.options)},`,
    ` "sha256": ${JSON.stringify(record.sha256, null, 1).replace(/\n\s*/g, " ")},`,
    ` "outcomes": {\n${policies.join(",\n")}\n }`,
    "}",
    "",
  ].join("\n");
}

/** The committed record of a case, or undefined when there is none yet. */
export function readGolden(golden: GoldenCase): GoldenRecord | undefined {
  let text: string;
  try {
    text = readFileSync(goldenFile(golden), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  // a record that does not parse is an error, not a missing record: `npm run golden` must not overwrite it
  return JSON.parse(text) as GoldenRecord;
}

/**
 * Text the library writes that must not drift either: `explain` of the bundled scenarios
 * and the golden worlds with rules, the JSON Schemas of scenarios and results, and the
 * runs CSV of a small experiment. Each is committed as a file in test/golden/expected/text/.
 */
export const GOLDEN_TEXTS: readonly { readonly name: string; readonly make: () => Promise<string> }[] = [
  ...["scenarios/us-japan-chip-controls-2024.json", "scenarios/china-gallium-germanium-ban.json", "scenarios/illustrative-standoff.json", "test/golden/worlds/escalation.json", "test/golden/worlds/formulas.json"].map((file) => ({
    name: `explain-${file.replace(/^.*\//, "").replace(/\.json$/, "")}.txt`,
    make: async () => explainScenario(parseScenario(JSON.parse(scenarioText(file)))),
  })),
  { name: "scenario.schema.json", make: async () => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n` },
  { name: "result.schema.json", make: async () => `${JSON.stringify(resultJsonSchema(), null, 2)}\n` },
  {
    name: "runs-two-country.csv",
    make: async () => formatRunsCsv(await runExperiment(parseScenario(JSON.parse(scenarioText("test/golden/worlds/two-country.json"))), { runs: 3, seed: SEED, keepRuns: true })),
  },
];

/** The file a golden text is committed in. */
export function goldenTextFile(name: string): URL {
  return new URL(`test/golden/expected/text/${name}`, root);
}

/** Text with line endings as committed: LF (a CSV is written with CRLF, RFC 4180). */
export function withLf(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/** The committed golden text (LF line endings), or undefined when there is none yet. */
export function readGoldenText(name: string): string | undefined {
  try {
    return withLf(readFileSync(goldenTextFile(name), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function relativeChange(before: number, after: number): string {
  if (before === after) return "";
  if (before === 0) return "";
  const change = (after - before) / Math.abs(before);
  return ` (${change >= 0 ? "+" : ""}${Math.abs(change) < 1e-4 ? change.toExponential(1) : `${(100 * change).toPrecision(3)}%`})`;
}

const STATISTICS = ["mean", "p05", "p50", "p95"] as const;

/**
 * What moved between the committed record and a new one, one line each (empty when
 * nothing did): every outcome whose statistics or run values changed, then the hashes.
 */
export function goldenDifferences(before: GoldenRecord | undefined, after: GoldenRecord): string[] {
  if (before === undefined) return [`${after.case}: new case (no committed record)`];
  const moved: string[] = [];
  const where = after.case;
  if (before.sha256.scenario !== after.sha256.scenario) moved.push(`${where}: the scenario file ${after.file} changed`);
  if (canonicalJson(before.options) !== canonicalJson(after.options)) moved.push(`${where}: the options changed`);
  const policies = new Set([...Object.keys(before.outcomes), ...Object.keys(after.outcomes)]);
  for (const policy of policies) {
    const old = before.outcomes[policy] ?? {};
    const now = after.outcomes[policy] ?? {};
    for (const name of new Set([...Object.keys(old), ...Object.keys(now)])) {
      const a = old[name];
      const b = now[name];
      if (a === undefined || b === undefined) {
        moved.push(`${where}: ${policy} / ${name}: ${a === undefined ? "added" : "removed"}`);
        continue;
      }
      const parts: string[] = [];
      STATISTICS.forEach((statistic, k) => {
        // compared as written: JSON writes -0 as 0 (the run values' hash still tells them apart)
        if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) parts.push(`${statistic} ${a[k]} -> ${b[k]}${relativeChange(a[k] as number, b[k] as number)}`);
      });
      if (a[4] !== b[4]) parts.push("run values changed");
      if (parts.length > 0) moved.push(`${where}: ${policy} / ${name}: ${parts.join(", ")}`);
    }
  }
  if (before.sha256.outcomes !== after.sha256.outcomes) moved.push(`${where}: the outcomes as reported changed (their units, descriptions or thresholds)`);
  if (before.sha256.result !== after.sha256.result && moved.length === 0) {
    moved.push(`${where}: the result moved outside the lines above (sd, other quantiles, histograms, bands, comparisons or diagnostics)`);
  }
  if (before.sha256.replays !== after.sha256.replays) moved.push(`${where}: the replayed runs moved (outcomes or per-period series)`);
  return moved;
}
