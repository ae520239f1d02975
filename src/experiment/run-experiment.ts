import { compileScenario } from "../compile/compile.js";
import type { CompiledModel } from "../compile/model.js";
import { simulateRun } from "../engine/simulate.js";
import { COUNTER_GDP_LOSS_CAPPED, createRunState } from "../engine/state.js";
import { abortError, InputError } from "../errors.js";
import { latinHypercubeSampler, monteCarloSampler, type UniformSampler } from "../random/index.js";
import { closestName } from "../schema/_internals/suggest.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { pairedDifference, quantileBands, summarizeOutcome } from "../stats/index.js";
import type { ExperimentResult, OutcomeComparison, OutcomeSummary, PolicyComparison, PolicyResult, SeriesSummary } from "./result.js";

/** Most runs one experiment accepts. */
export const MAX_RUNS = 100_000_000;

/** Progress of a running experiment: simulations done (runs x policies) out of the total. */
export interface ExperimentProgress {
  readonly completed: number;
  readonly total: number;
  /** The policy being simulated. */
  readonly policy: string;
}

/** Options of {@link runExperiment}. */
export interface ExperimentOptions {
  /** Number of runs (draws of the uncertainties); every policy is simulated on each. */
  readonly runs: number;
  /** Seed; run i's draws depend on (seed, i) only (and on `runs` for Latin hypercube). */
  readonly seed: string | number;
  /** Policies to simulate, by name, in this order; all by default. */
  readonly policies?: readonly string[];
  /** `monte-carlo` (default) or `latin-hypercube`. */
  readonly sampler?: "monte-carlo" | "latin-hypercube";
  /** Keep per-run outcome values and sampled parameters in the result. */
  readonly keepRuns?: boolean;
  /** Called at least every 1% of simulations, and at the end. */
  readonly onProgress?: (progress: ExperimentProgress) => void;
  /** Aborts the experiment; the promise rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
}

/** Runs sampled together and then simulated under every policy. */
const RUN_CHUNK = 64;

/** How often the loop yields to the event loop (ms), so aborts and progress get through. */
const YIELD_EVERY_MS = 25;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function checkOptions(options: ExperimentOptions, scenario: Scenario): { policies: number[]; sampler: "monte-carlo" | "latin-hypercube" } {
  if (options === null || typeof options !== "object") throw new InputError("options", "expected an object such as { runs: 1000, seed: 1 }");
  const { runs, seed } = options;
  if (typeof runs !== "number" || !Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new InputError("options.runs", `expected a whole number from 1 to ${MAX_RUNS}, found ${String(runs)}`);
  }
  if (!((typeof seed === "string" && seed.length > 0 && seed.length <= 256) || (typeof seed === "number" && Number.isFinite(seed)))) {
    throw new InputError("options.seed", `expected a non-empty string (up to 256 characters) or a finite number, found ${typeof seed === "string" ? JSON.stringify(seed) : String(seed)}`);
  }
  const sampler = options.sampler ?? "monte-carlo";
  if (sampler !== "monte-carlo" && sampler !== "latin-hypercube") {
    throw new InputError("options.sampler", `expected "monte-carlo" or "latin-hypercube", found ${String(sampler)}`);
  }
  const names = scenario.policies.map((p) => p.name);
  const selected = options.policies ?? names;
  if (!Array.isArray(selected) || selected.length === 0) throw new InputError("options.policies", "expected a non-empty list of policy names");
  const policies = selected.map((name, i) => {
    const index = names.indexOf(name);
    if (index < 0) {
      const suggestion = closestName(String(name), names);
      throw new InputError(`options.policies[${i}]`, `unknown policy "${String(name)}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (policies: ${names.join(", ")})`);
    }
    return index;
  });
  if (new Set(policies).size !== policies.length) throw new InputError("options.policies", "a policy is listed twice");
  return { policies, sampler };
}

/**
 * Run a Monte Carlo experiment: `runs` draws of the scenario's uncertainties, each
 * simulated under every policy with the same draws (common random numbers), and
 * summarised per policy and outcome, with paired differences to the baseline policy.
 * Results are bit-identical for the same scenario, seed and run count.
 *
 * @param scenario - a scenario object (validated here) or the result of `parseScenario`.
 * @param options - runs, seed, and optionally policies, sampler, keepRuns, onProgress, signal.
 * @returns summaries per policy and outcome, and comparisons with the baseline policy.
 * @throws ScenarioError when the scenario is invalid; InputError for bad options;
 *   an `AbortError` when `signal` aborts.
 * @example
 * ```ts
 * const result = await runExperiment(scenario, { runs: 10_000, seed: "2024" });
 * result.policies[0].outcomes[0]; // { name: "gdpLoss:JP", unit: "USD", mean: 1.2e9, p05: ..., p95: ... }
 * ```
 */
export async function runExperiment(scenario: ScenarioInput | Scenario, options: ExperimentOptions): Promise<ExperimentResult> {
  const parsed = parseScenario(scenario);
  const { policies, sampler: samplerKind } = checkOptions(options, parsed);
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal.reason);
  const model = compileScenario(parsed);
  const { runs } = options;
  const seed = String(options.seed);
  const sampler: UniformSampler =
    samplerKind === "latin-hypercube" ? latinHypercubeSampler(seed, model.randomDimensions, runs) : monteCarloSampler(seed, model.randomDimensions);

  const D = model.uncertainties.length;
  const R = model.randomDimensions;
  const O = model.outcomes.count;
  const S = model.outcomes.seriesCount;
  const T = model.T;
  const state = createRunState(model);
  const draws = new Float64Array(R);
  const outcomeRow = new Float64Array(O);
  const seriesRow = new Float64Array(S * T);
  // values[p][o] holds outcome o of every run under policy p; series likewise, run-major
  const values = policies.map(() => Array.from({ length: O }, () => new Float64Array(runs)));
  const seriesValues = policies.map(() => Array.from({ length: S }, () => new Float64Array(runs * T)));
  const parameters = options.keepRuns ? Array.from({ length: D }, () => new Float64Array(runs)) : undefined;
  // Runs go in chunks: each run's draws are sampled once into the chunk, then every policy
  // simulates the chunk (common random numbers without sampling once per policy).
  const chunkDraws = new Float64Array(RUN_CHUNK * R);

  const total = runs * policies.length;
  const progressEvery = Math.max(1, Math.floor(total / 100));
  let completed = 0;
  let lastReported = 0;
  let lastYield = Date.now();

  for (let chunkStart = 0; chunkStart < runs; chunkStart += RUN_CHUNK) {
    const chunkEnd = Math.min(runs, chunkStart + RUN_CHUNK);
    for (let run = chunkStart; run < chunkEnd; run++) {
      sampleRun(model, sampler, run, draws);
      chunkDraws.set(draws, (run - chunkStart) * R);
      if (parameters !== undefined) for (let d = 0; d < D; d++) parameters[d]![run] = draws[d]!;
    }
    for (let p = 0; p < policies.length; p++) {
      const policy = policies[p]!;
      const policyName = model.policies.names[policy]!;
      for (let run = chunkStart; run < chunkEnd; run++) {
        const offset = (run - chunkStart) * R;
        for (let d = 0; d < R; d++) draws[d] = chunkDraws[offset + d]!;
        simulateRun(model, state, policy, draws, outcomeRow, S > 0 ? seriesRow : undefined);
        for (let o = 0; o < O; o++) {
          const value = outcomeRow[o]!;
          if (!Number.isFinite(value)) throw nonFinite(model, policyName, o, run, seed);
          values[p]![o]![run] = value;
        }
        for (let s = 0; s < S; s++) {
          const target = seriesValues[p]![s]!;
          for (let t = 0; t < T; t++) target[run * T + t] = seriesRow[s * T + t]!;
        }
        completed++;
        if (completed - lastReported >= progressEvery || completed === total) {
          lastReported = completed;
          onProgress?.({ completed, total, policy: policyName });
        }
        if (signal?.aborted) throw abortError(signal.reason);
      }
      if (Date.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
        if (signal?.aborted) throw abortError(signal.reason);
      }
    }
  }
  const policyResults: PolicyResult[] = policies.map((policy, p) =>
    summarizePolicy(model, policy, values[p]!, seriesValues[p]!, runs, options.keepRuns === true),
  );

  const baselineIndex = policies.includes(model.policies.baseline) ? policies.indexOf(model.policies.baseline) : 0;
  const comparisons: PolicyComparison[] = [];
  policies.forEach((policy, p) => {
    if (p === baselineIndex) return;
    comparisons.push({
      policy: model.policies.names[policy]!,
      baseline: model.policies.names[policies[baselineIndex]!]!,
      outcomes: model.outcomes.info.map((info, o): OutcomeComparison => ({
        name: info.name,
        unit: info.unit,
        ...pairedDifference(values[p]![o]!, values[baselineIndex]![o]!),
      })),
    });
  });

  const result: ExperimentResult = {
    scenario: {
      name: parsed.name,
      ...(parsed.title === undefined ? {} : { title: parsed.title }),
      horizon: parsed.horizon,
      period: parsed.period,
      currency: parsed.currency,
    },
    seed,
    runs,
    sampler: samplerKind,
    baselinePolicy: model.policies.names[policies[baselineIndex]!]!,
    outcomes: model.outcomes.info.map((info) => ({ ...info, thresholds: [...info.thresholds] })),
    policies: policyResults,
    comparisons,
    ...(parameters === undefined ? {} : { parameters: Object.fromEntries(model.uncertainties.map((u, d) => [u.name, Array.from(parameters[d]!)])) }),
    diagnostics: { gdpLossCapped: state.counters[COUNTER_GDP_LOSS_CAPPED]! },
  };
  assertFinite(result);
  return result;
}

/** Fill `draws` with run `run`'s sample: uncertainty values (via their quantile functions), then rule uniforms. */
export function sampleRun(model: CompiledModel, sampler: UniformSampler, run: number, draws: Float64Array): void {
  sampler.fill(run, draws);
  const { uncertainties } = model;
  for (let d = 0; d < uncertainties.length; d++) draws[d] = uncertainties[d]!.distribution.quantile(draws[d]!);
}

function summarizePolicy(
  model: CompiledModel,
  policy: number,
  values: readonly Float64Array[],
  seriesValues: readonly Float64Array[],
  runs: number,
  keepRuns: boolean,
): PolicyResult {
  const outcomes: OutcomeSummary[] = model.outcomes.info.map((info, o) => ({
    name: info.name,
    unit: info.unit,
    ...summarizeOutcome(values[o]!, { thresholds: info.thresholds }),
  }));
  const series: SeriesSummary[] = [];
  model.outcomes.info.forEach((info, o) => {
    const s = model.outcomes.seriesIndex[o]!;
    if (s >= 0) series.push({ name: info.name, unit: info.unit, ...quantileBands(seriesValues[s]!, runs, model.T) });
  });
  const description = model.policies.descriptions[policy];
  return {
    name: model.policies.names[policy]!,
    ...(description === undefined ? {} : { description }),
    outcomes,
    series,
    ...(keepRuns ? { runs: Object.fromEntries(model.outcomes.info.map((info, o) => [info.name, Array.from(values[o]!)])) } : {}),
  };
}

function nonFinite(model: CompiledModel, policy: string, outcome: number, run: number, seed: string): Error {
  return new Error(
    `internal error: run ${run} (seed ${JSON.stringify(seed)}) of policy "${policy}" gave a non-finite value for outcome "${model.outcomes.info[outcome]!.name}"; please report it with the scenario`,
  );
}

/** Results are checked finite before they are returned: a NaN here is a bug, never an answer. */
function assertFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`internal error: ${path} is ${value}; please report it with the scenario`);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) assertFinite(items[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) assertFinite(item, `${path}.${key}`);
  }
}
