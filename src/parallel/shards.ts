import { compileScenario } from "../compile/compile-scenario.js";
import type { CompiledModel } from "../compile/model.js";
import { InputError } from "../errors.js";
import { assembleResultNow } from "../experiment/assemble.js";
import { checkOptionsObject, resolvePlan, type ExperimentPlan, type ExperimentProgress, type PlanOptions } from "../experiment/plan.js";
import { fromRangeMessage, toRangeMessage, type RangeData, type RangeMessage } from "../experiment/range-accumulator.js";
import type { ExperimentResult } from "../experiment/result.js";
import { parseScenario, safeParseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { scenarioSha256 } from "../schema/scenario-hash.js";
import type { BandsSketchJSON } from "../stats/bands-accumulator.js";
import { LogSketch, type LogSketchJSON } from "../stats/log-sketch.js";
import type { OutcomeAccumulatorJSON } from "../stats/outcome-accumulator.js";
import { resolveWorkers, simulateRuns } from "./run-experiment-parallel.js";
import { CHOKEPOINT_VERSION } from "../version.js";
import { checkShardDocument, type ShardDocumentShape } from "./shard-schema.js";

/** The format tag of shard files. */
export const SHARD_FORMAT = { format: "chokepoint-shard", version: 1 } as const;

/**
 * One shard of an experiment: the runs it covers and their streaming summaries, with the
 * scenario and options that fix every number, so shards can be merged on any machine.
 */
export interface ShardDocument {
  readonly format: "chokepoint-shard";
  readonly version: 1;
  /** The version of chokepoint that wrote the shard; `mergeShards` merges only shards of its own version. */
  readonly chokepointVersion: string;
  /** SHA-256 of the scenario as parsed, as results carry it (`scenario.sha256`). */
  readonly scenarioSha256: string;
  /** Identifies scenario + options: only shards of the same experiment merge. */
  readonly experiment: string;
  readonly scenario: Scenario;
  readonly options: { readonly runs: number; readonly seed: string; readonly sampler: "monte-carlo" | "latin-hypercube" | "sobol"; readonly policies: readonly string[] };
  readonly shard: { readonly index: number; readonly of: number; readonly runStart: number; readonly runEnd: number };
  /** The shard's summaries, in the format `mergeShards` reads (an internal format: it may change with the version). */
  readonly data: RangeMessage;
}

/**
 * Largest shard file `chokepoint merge` reads, in bytes: room for a scenario at its limit
 * (64 MiB of text) and the summaries, below the longest string JavaScript can hold.
 */
export const MAX_SHARD_FILE_BYTES = 256 * 1024 * 1024;

/** Options of {@link runShard}. */
export interface ShardOptions extends Omit<PlanOptions, "summaries" | "keepRuns" | "design"> {
  /** Which shard, from 0 to `of - 1`. */
  readonly index: number;
  /** How many shards the experiment is split into. */
  readonly of: number;
  /** Worker threads for this shard; default and cap: the available cores (the numbers do not depend on it). */
  readonly workers?: number;
  /** Aborts the shard; the promise rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
  /** Called at least every 1% of the shard's simulations, and at the end; an error it throws stops the shard. */
  readonly onProgress?: (progress: ExperimentProgress) => void;
}

/** FNV-1a (64-bit) of a text, as 16 hex digits: a fingerprint, not a security measure. */
function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, "0");
}

/** The fingerprint of an experiment: of its parsed scenario and its options, in this order of keys. */
function experimentFingerprint(scenario: Scenario, options: ShardDocument["options"]): string {
  const { runs, seed, sampler, policies } = options;
  return fingerprint(JSON.stringify([scenario, { runs, seed, sampler, policies }]));
}

/** Runs of shard `index` of `of`: contiguous, as even as whole runs allow. */
export function shardRuns(runs: number, index: number, of: number): [number, number] {
  return [Math.floor((index * runs) / of), Math.floor(((index + 1) * runs) / of)];
}

/**
 * Simulate one shard of an experiment: the runs `shardRuns(runs, index, of)`, summarised in
 * mergeable streaming summaries. `mergeShards` on all `of` shards gives the result a single
 * process gives with `summaries: "streaming"`, bit for bit.
 *
 * @throws ScenarioError for an invalid scenario; InputError for bad options (naming
 *   `options` when they are missing).
 * @example
 * ```ts
 * const shard = await runShard(scenario, { runs: 1_000_000, seed: 1, index: 3, of: 10 });
 * writeFileSync("shard-3.json", JSON.stringify(shard));
 * ```
 */
export async function runShard(scenario: ScenarioInput | Scenario, options: ShardOptions): Promise<ShardDocument> {
  checkOptionsObject(options, "{ runs: 1_000_000, seed: 1, index: 0, of: 10 }");
  for (const key of ["precision", "maxRuns"]) {
    if (key in options) {
      // where to stop depends on every shard's runs together, which no one shard sees
      throw new InputError(`options.${key}`, "shards run a fixed number of runs: a precision target needs the statistics of all runs at each checkpoint; run it with runExperiment (and workers), or shard the run count it stopped at");
    }
  }
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  const plan = resolvePlan({ ...options, summaries: "streaming", keepRuns: false }, parsed, model);
  const { index, of } = options;
  if (!Number.isInteger(of) || of < 1 || of > plan.runs) throw new InputError("options.of", `expected a whole number from 1 to the runs (${plan.runs}), found ${String(of)}`);
  if (!Number.isInteger(index) || index < 0 || index >= of) throw new InputError("options.index", `expected a whole number from 0 to ${of - 1}, found ${String(index)}`);
  const [runStart, runEnd] = shardRuns(plan.runs, index, of);
  const workers = resolveWorkers(options.workers);
  const ranges = await simulateRuns({ scenario: parsed, model, plan, runStart, runEnd, workers, signal: options.signal, onProgress: options.onProgress });
  // one range per shard: merge what the workers recorded (exact and order-independent)
  const [first, ...rest] = ranges.map((range) => fromRangeMessage(toRangeMessage(range)));
  if (first === undefined || first.summaries !== "streaming") throw new Error("internal error: a shard recorded no streaming summaries");
  for (const range of rest) {
    if (range.summaries !== "streaming") throw new Error("internal error: a shard recorded no streaming summaries");
    first.outcomes.forEach((row, p) => row.forEach((s, o) => s.merge(range.outcomes[p]![o]!)));
    first.comparisons.forEach((row, c) => row.forEach((s, o) => s.merge(range.comparisons[c]![o]!)));
    first.bands.forEach((row, p) => row.forEach((s, i) => s.merge(range.bands[p]![i]!)));
  }
  const data = toRangeMessage({ ...first, runStart, runEnd, gdpLossCapped: ranges.reduce((sum, r) => sum + r.gdpLossCapped, 0) });
  const shardOptions = { runs: plan.runs, seed: plan.seed, sampler: plan.sampler, policies: plan.policies.map((p) => model.policies.names[p]!) };
  return {
    ...SHARD_FORMAT,
    chokepointVersion: CHOKEPOINT_VERSION,
    scenarioSha256: scenarioSha256(parsed),
    experiment: experimentFingerprint(parsed, shardOptions),
    scenario: parsed,
    options: shardOptions,
    shard: { index, of, runStart, runEnd },
    data,
  };
}

/** An InputError about shard `i`'s options (`options.runs`), renamed to say which shard: `shards[0].options.runs`. */
function inShard(i: number, error: unknown): unknown {
  if (!(error instanceof InputError) || error.path === "") return error;
  return new InputError(`shards[${i}].${error.path}`, error.message.slice(error.path.length + 2));
}

/** `"b"`, `3`, `["a","b"]`: a value of an option, for messages. */
const shown = (value: unknown) => JSON.stringify(value);

/** What makes shard `document` another experiment than `first`, in words (given that they differ). */
function otherExperiment(document: ShardDocumentShape, first: ShardDocumentShape): string {
  if (document.scenarioSha256 !== first.scenarioSha256) {
    return `its scenario differs from shards[0]'s (SHA-256 ${document.scenarioSha256.slice(0, 12)}..., not ${first.scenarioSha256.slice(0, 12)}...)`;
  }
  for (const option of ["seed", "runs", "sampler", "policies"] as const) {
    if (shown(document.options[option]) !== shown(first.options[option])) return `${option} ${shown(document.options[option])}, not ${shown(first.options[option])} as in shards[0]`;
  }
  return "scenario or options differ from shards[0]";
}

/**
 * The summaries of shard `i`, rebuilt and checked against the experiment: a row per policy
 * and outcome, the outcomes' thresholds, the same sketch settings as every shard's, and
 * every summary counting the shard's runs exactly once.
 */
function shardData(i: number, document: ShardDocumentShape, model: CompiledModel, plan: ExperimentPlan): RangeData {
  const { data } = document;
  const where = `shards[${i}].data`;
  const P = plan.policies.length;
  const O = model.outcomes.count;
  const S = model.outcomes.seriesCount;
  const shape = (name: string, rows: readonly (readonly unknown[])[], count: number, columns: number, what: string) => {
    if (rows.length !== count || rows.some((row) => row.length !== columns)) {
      throw new InputError(`${where}.${name}`, `expected ${count} rows (${what}) of ${columns} summaries, found ${rows.length} rows of ${rows.map((row) => row.length).join(", ") || "none"}`);
    }
  };
  shape("outcomes", data.outcomes, P, O, "one per policy");
  shape("comparisons", data.comparisons, P - 1, O, "one per policy but the baseline");
  shape("bands", data.bands, P, S, "one per policy");
  const range = fromRangeMessage(data as RangeMessage, where);
  const runs = data.runEnd - data.runStart;
  // the sketch settings `chokepoint shard` writes: LogSketch's defaults
  const reference = new LogSketch();
  const sameSketch = (sketch: LogSketchJSON | undefined, path: string) => {
    if (sketch === undefined) throw new InputError(path, "expected a quantile sketch, as `chokepoint shard` writes (streaming summaries)");
    if (sketch.relativeAccuracy !== reference.relativeAccuracy || sketch.zeroThreshold !== reference.zeroThreshold) {
      throw new InputError(path, `expected a sketch of relative accuracy ${reference.relativeAccuracy} and zero threshold ${reference.zeroThreshold}, as \`chokepoint shard\` writes`);
    }
  };
  const counted = (path: string, count: number) => {
    if (count !== runs) throw new InputError(path, `counts ${count} runs, but the shard holds ${runs} (runs ${data.runStart} to ${data.runEnd - 1})`);
  };
  range.outcomes.forEach((row, p) =>
    row.forEach((summary, o) => {
      const path = `${where}.outcomes[${p}][${o}]`;
      const thresholds = model.outcomes.info[o]!.thresholds;
      if (shown(summary.thresholds) !== shown(thresholds)) throw new InputError(`${path}.thresholds`, `expected the outcome's thresholds ${shown(thresholds)}, found ${shown(summary.thresholds)}`);
      sameSketch((data.outcomes[p]![o] as OutcomeAccumulatorJSON).sketch, `${path}.sketch`);
      counted(path, summary.count);
    }),
  );
  range.comparisons.forEach((row, c) => row.forEach((paired, o) => counted(`${where}.comparisons[${c}][${o}]`, paired.count)));
  range.bands.forEach((row, p) =>
    row.forEach((bands, s) => {
      const path = `${where}.bands[${p}][${s}]`;
      if (bands.periods !== model.T) throw new InputError(`${path}.periods`, `expected ${model.T} periods (the scenario's horizon), found ${bands.periods}`);
      const periods = (data.bands[p]![s] as Partial<BandsSketchJSON>).periods;
      if (periods === undefined) throw new InputError(`${path}.periods`, "expected a sketch per period, as `chokepoint shard` writes (streaming summaries)");
      periods.forEach((period, t) => sameSketch(period.sketch, `${path}.periods[${t}].sketch`));
      counted(path, bands.runs);
    }),
  );
  if (data.gdpLossCapped > runs * P) throw new InputError(`${where}.gdpLossCapped`, `expected at most ${runs * P} (runs x policies), found ${data.gdpLossCapped}`);
  return range;
}

/**
 * Merge the shards of one experiment into its result: the same numbers a single process
 * gives with `summaries: "streaming"` (merging is exact and independent of order).
 *
 * Nothing a shard says about itself is taken on trust: each document's structure is
 * checked; it must have been written by this version of chokepoint; its fingerprint and its
 * scenario's SHA-256 are computed again from its own scenario and options, and must be the
 * ones it carries and the first shard's; its runs must be those of its index
 * (`shardRuns`), in its header and its data alike; and every summary in it must count
 * those runs exactly once, with the outcomes' thresholds.
 *
 * @param shards - the parsed shard documents (`JSON.parse` of the files `runShard` results were written to), in any order.
 * @returns the experiment's result.
 * @throws InputError naming the shard (`shards[2]`) and what is wrong with it: not a shard,
 *   malformed, written by another version of chokepoint, changed after it was written, of
 *   another experiment (another scenario, seed, run count, sampler or policies), covering other runs,
 *   counting runs twice; or a shard missing or given twice.
 * @example
 * ```ts
 * const shards = files.map((file) => JSON.parse(readFileSync(file, "utf8")));
 * const result = mergeShards(shards); // as runExperiment(scenario, { ..., summaries: "streaming" })
 * ```
 */
export function mergeShards(shards: readonly unknown[]): ExperimentResult {
  if (!Array.isArray(shards)) throw new InputError("shards", `expected an array of shard documents, found ${shards === null ? "null" : typeof shards}`);
  if (shards.length === 0) throw new InputError("shards", "expected at least one shard");
  const documents = shards.map((shard, i) => checkShardDocument(shard, `shards[${i}]`));
  // each shard's fingerprint, computed again from its own scenario (parsed once per distinct scenario) and options
  const parsed = new Map<string, { readonly scenario: Scenario; readonly sha256: string }>();
  const fingerprints = documents.map((document, i) => {
    const text = JSON.stringify(document.scenario);
    let known = parsed.get(text);
    if (known === undefined) {
      const result = safeParseScenario(document.scenario);
      if (!result.success) {
        const problem = result.error.problems[0]!;
        throw new InputError(`shards[${i}].scenario${problem.path === "" ? "" : `.${problem.path}`}`, `not a valid scenario: ${problem.message}`);
      }
      known = { scenario: result.scenario, sha256: scenarioSha256(result.scenario) };
      parsed.set(text, known);
    }
    const recomputed = experimentFingerprint(known.scenario, document.options);
    if (recomputed !== document.experiment || known.sha256 !== document.scenarioSha256) {
      throw new InputError(`shards[${i}]`, "its fingerprint does not match its scenario and options: the file was changed after `chokepoint shard` wrote it");
    }
    return recomputed;
  });
  const first = documents[0]!;
  const { runs } = first.options;
  const seen = new Map<number, number>();
  documents.forEach((document, i) => {
    if (fingerprints[i] !== fingerprints[0]) throw new InputError(`shards[${i}]`, `is a shard of another experiment: ${otherExperiment(document, first)}`);
    const { index, of, runStart, runEnd } = document.shard;
    if (of !== first.shard.of) throw new InputError(`shards[${i}]`, `splits the runs into ${of} shards, shards[0] into ${first.shard.of}`);
    if (of > runs) throw new InputError(`shards[${i}].shard.of`, `splits ${runs} runs into ${of} shards: at most one shard per run`);
    if (index >= of) throw new InputError(`shards[${i}].shard.index`, `expected a shard from 0 to ${of - 1}, found ${index}`);
    const before = seen.get(index);
    if (before !== undefined) throw new InputError(`shards[${i}]`, `shard ${index} is given twice (also shards[${before}])`);
    seen.set(index, i);
    const [start, end] = shardRuns(runs, index, of);
    if (runStart !== start || runEnd !== end) {
      throw new InputError(`shards[${i}].shard`, `covers runs ${runStart} to ${runEnd - 1}, but shard ${index} of ${of} covers runs ${start} to ${end - 1} of ${runs}`);
    }
    if (document.data.runStart !== start || document.data.runEnd !== end) {
      throw new InputError(`shards[${i}].data`, `covers runs ${document.data.runStart} to ${document.data.runEnd - 1}, but its shard covers runs ${start} to ${end - 1}`);
    }
  });
  const missing = Array.from({ length: first.shard.of }, (_, index) => index).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    throw new InputError("shards", `missing shard${missing.length === 1 ? "" : "s"} ${missing.join(", ")} of ${first.shard.of}`);
  }
  const { scenario } = parsed.get(JSON.stringify(first.scenario))!;
  const model = compileScenario(scenario);
  let plan: ExperimentPlan;
  try {
    plan = resolvePlan({ ...first.options, summaries: "streaming", keepRuns: false }, scenario, model);
  } catch (error) {
    throw inShard(0, error);
  }
  return assembleResultNow(scenario, model, plan, documents.map((document, i) => shardData(i, document, model, plan)));
}
