import { compileScenario } from "../compile/compile-scenario.js";
import { InputError } from "../errors.js";
import { assembleResultNow } from "../experiment/assemble.js";
import { resolvePlan, type ExperimentProgress, type PlanOptions } from "../experiment/plan.js";
import { fromRangeMessage, toRangeMessage, type RangeMessage } from "../experiment/range-accumulator.js";
import type { ExperimentResult } from "../experiment/result.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { resolveWorkers, simulateRuns } from "./run-experiment-parallel.js";

/** The format tag of shard files. */
export const SHARD_FORMAT = { format: "chokepoint-shard", version: 1 } as const;

/**
 * One shard of an experiment: the runs it covers and their streaming summaries, with the
 * scenario and options that fix every number, so shards can be merged on any machine.
 */
export interface ShardDocument {
  readonly format: "chokepoint-shard";
  readonly version: 1;
  /** Identifies scenario + options: only shards of the same experiment merge. */
  readonly experiment: string;
  readonly scenario: Scenario;
  readonly options: { readonly runs: number; readonly seed: string; readonly sampler: "monte-carlo" | "latin-hypercube"; readonly policies: readonly string[] };
  readonly shard: { readonly index: number; readonly of: number; readonly runStart: number; readonly runEnd: number };
  readonly data: RangeMessage;
}

/** Options of {@link runShard}. */
export interface ShardOptions extends Omit<PlanOptions, "summaries" | "keepRuns"> {
  /** Which shard, from 0 to `of - 1`. */
  readonly index: number;
  /** How many shards the experiment is split into. */
  readonly of: number;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExperimentProgress) => void;
}

/** FNV-1a (64-bit) of a text, as 16 hex digits: a fingerprint, not a security measure. */
function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, "0");
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
 * @example
 * ```ts
 * const shard = await runShard(scenario, { runs: 1_000_000, seed: 1, index: 3, of: 10 });
 * writeFileSync("shard-3.json", JSON.stringify(shard));
 * ```
 */
export async function runShard(scenario: ScenarioInput | Scenario, options: ShardOptions): Promise<ShardDocument> {
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
  const [first, ...rest] = ranges.map(toRangeMessage).map(fromRangeMessage);
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
    experiment: fingerprint(JSON.stringify([parsed, shardOptions])),
    scenario: parsed,
    options: shardOptions,
    shard: { index, of, runStart, runEnd },
    data,
  };
}

/**
 * Merge the shards of one experiment into its result: the same numbers a single process
 * gives with `summaries: "streaming"` (merging is exact and independent of order).
 *
 * @throws InputError naming the problem when shards come from different experiments, one
 *   is missing or given twice, or a document is not a shard.
 */
export function mergeShards(shards: readonly unknown[]): ExperimentResult {
  if (shards.length === 0) throw new InputError("shards", "expected at least one shard");
  const documents = shards.map((shard, i) => {
    const document = shard as Partial<ShardDocument> | null;
    if (document === null || typeof document !== "object" || document.format !== SHARD_FORMAT.format) {
      throw new InputError(`shards[${i}]`, `expected a shard written by \`chokepoint shard\` (format "${SHARD_FORMAT.format}")`);
    }
    if (document.version !== SHARD_FORMAT.version) throw new InputError(`shards[${i}]`, `expected shard format version ${SHARD_FORMAT.version}, found ${String(document.version)}`);
    return document as ShardDocument;
  });
  const first = documents[0]!;
  const seen = new Map<number, number>();
  documents.forEach((document, i) => {
    if (document.experiment !== first.experiment) {
      throw new InputError(`shards[${i}]`, `is a shard of another experiment (scenario or options differ from shards[0])`);
    }
    if (document.shard.of !== first.shard.of) throw new InputError(`shards[${i}]`, `splits the runs into ${document.shard.of} shards, shards[0] into ${first.shard.of}`);
    const before = seen.get(document.shard.index);
    if (before !== undefined) throw new InputError(`shards[${i}]`, `shard ${document.shard.index} is given twice (also shards[${before}])`);
    seen.set(document.shard.index, i);
  });
  const missing = Array.from({ length: first.shard.of }, (_, index) => index).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    throw new InputError("shards", `missing shard${missing.length === 1 ? "" : "s"} ${missing.join(", ")} of ${first.shard.of}`);
  }
  const scenario = parseScenario(first.scenario);
  const model = compileScenario(scenario);
  const plan = resolvePlan({ ...first.options, summaries: "streaming", keepRuns: false }, scenario, model);
  return assembleResultNow(scenario, model, plan, documents.map((document) => fromRangeMessage(document.data)));
}
