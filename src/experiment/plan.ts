import type { CompiledModel } from "../compile/model.js";
import { resolveDesign } from "./design.js";
import { InputError } from "../errors.js";
import { closestName } from "../schema/suggest.js";
import type { Scenario } from "../schema/scenario.js";
import type { PrecisionOptions } from "./precision.js";

/** Most runs one experiment accepts. */
export const MAX_RUNS = 100_000_000;

/** Up to this many runs, summaries are exact by default (every run's values are kept). */
export const EXACT_SUMMARY_RUNS = 100_000;

/** Progress of a running experiment: simulations done (runs x policies) out of the total. */
export interface ExperimentProgress {
  readonly completed: number;
  readonly total: number;
  /** The policy being simulated (with parallel workers: the last policy of the runs reported). */
  readonly policy: string;
}

/** Options of `runExperiment`. */
export interface ExperimentOptions {
  /**
   * Number of runs (draws of the uncertainties); every policy is simulated on each.
   * Required unless `precision` is given; with `precision`, the first checkpoint (default 256).
   */
  readonly runs?: number;
  /** Seed; run i's draws depend on (seed, i) only (and on `runs` for Latin hypercube). */
  readonly seed: string | number;
  /** Policies to simulate, by name, in this order; all by default. */
  readonly policies?: readonly string[];
  /**
   * `monte-carlo` (default), `latin-hypercube`, or `sobol`: scrambled Sobol' points, 16
   * interleaved scramblings (best with runs = 16 x a power of two; docs/analysis.md).
   */
  readonly sampler?: "monte-carlo" | "latin-hypercube" | "sobol";
  /**
   * `exact`: keep every run's values and compute exact quantiles (memory grows with runs).
   * `streaming`: mergeable summaries whose memory does not grow with runs; quantiles come
   * from a sketch with a documented relative error, everything else is exact.
   * Default: exact up to 100,000 runs or with `keepRuns`, streaming above.
   */
  readonly summaries?: "exact" | "streaming";
  /** Keep per-run outcome values and sampled parameters in the result (implies exact summaries). */
  readonly keepRuns?: boolean;
  /**
   * A design: given values of some uncertainties, by name, one per run (each list `runs`
   * long), for example draws made by SALib or EMA Workbench. Run i takes the i-th value of
   * each; the other uncertainties and the rules' draws are sampled as usual. A value must
   * lie in its uncertainty's range (for a discrete distribution: be one of its values).
   */
  readonly design?: Readonly<Record<string, readonly number[]>>;
  /**
   * Called at least every 1% of simulations, and at the end. An error it throws stops the
   * experiment (with worker threads, every worker) and the promise rejects with it.
   */
  readonly onProgress?: (progress: ExperimentProgress) => void;
  /** Aborts the experiment; the promise rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
  /**
   * Add runs until the intervals of the counted means and paired differences are on
   * target, checking at `runs` (default 256), then twice as many, and so on up to
   * `maxRuns`; the result's `precision` says where and why it stopped, and the numbers are
   * those of a fixed-run experiment of that many runs. Not with Latin hypercube sampling.
   * `onProgress` then counts simulations from run 0 out of those up to the checkpoint under
   * way: its `total` grows when a checkpoint misses the target.
   */
  readonly precision?: PrecisionOptions;
  /** With `precision`: the last checkpoint, the most runs to take (default 65,536). Summaries default to exact when it is at most 100,000. */
  readonly maxRuns?: number;
}

/**
 * Everything that decides an experiment's numbers, resolved and checked: the same plan on
 * any worker or shard gives the same draws and the same summaries.
 */
export interface ExperimentPlan {
  readonly runs: number;
  readonly seed: string;
  readonly sampler: "monte-carlo" | "latin-hypercube" | "sobol";
  /** Policy indices in the model, in the order asked for. */
  readonly policies: readonly number[];
  /** Position in `policies` of the policy others are compared with. */
  readonly baseline: number;
  readonly summaries: "exact" | "streaming";
  readonly keepRuns: boolean;
  /** Given points or values per run, replacing or overriding the sampler's draws. */
  readonly design?: PlanDesign;
}

/**
 * Draws an experiment is given instead of sampling them. `uniforms` (for analyses such as
 * `sensitivityAnalysis`) replaces the sampler: run i's point of the unit hypercube is row i,
 * `randomDimensions` long. `values` overrides uncertainties after sampling: run i's value of
 * uncertainty `columns[c]` is `values[i x columns.length + c]`.
 */
export interface PlanDesign {
  readonly uniforms?: Float64Array;
  readonly columns?: Int32Array;
  readonly values?: Float64Array;
}

/** The plain options that determine a plan (what crosses to workers and shard files). */
export interface PlanOptions extends Pick<ExperimentOptions, "seed" | "policies" | "sampler" | "summaries" | "keepRuns" | "design"> {
  readonly runs: number;
}

/**
 * Check that a public entry's `options` argument is an object, before any of its fields is
 * read: a missing argument gives an InputError naming `options`, not a TypeError.
 *
 * @param example - what a valid argument looks like, for the message.
 */
export function checkOptionsObject(options: unknown, example = "{ runs: 1000, seed: 1 }"): void {
  if (options === null || typeof options !== "object") throw new InputError("options", `expected an object such as ${example}, found ${options === null ? "null" : typeof options}`);
}

/** Check options against the scenario and resolve them into a plan; InputError names the bad option. */
export function resolvePlan(options: Omit<PlanOptions, "runs"> & { readonly runs?: number | undefined }, scenario: Scenario, model: Pick<CompiledModel, "policies" | "uncertainties" | "joint">): ExperimentPlan {
  checkOptionsObject(options);
  const { runs, seed } = options;
  if (typeof runs !== "number" || !Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new InputError("options.runs", `expected a whole number from 1 to ${MAX_RUNS}, found ${String(runs)}`);
  }
  if (!((typeof seed === "string" && seed.length > 0 && seed.length <= 256) || (typeof seed === "number" && Number.isFinite(seed)))) {
    throw new InputError(
      "options.seed",
      `expected a non-empty string (up to 256 characters) or a finite number, found ${typeof seed === "string" ? JSON.stringify(seed) : String(seed)}`,
    );
  }
  const sampler = options.sampler ?? "monte-carlo";
  if (sampler !== "monte-carlo" && sampler !== "latin-hypercube" && sampler !== "sobol") {
    throw new InputError("options.sampler", `expected "monte-carlo", "latin-hypercube" or "sobol", found ${String(sampler)}`);
  }
  const keepRuns = options.keepRuns === true;
  const summaries = options.summaries ?? (keepRuns || runs <= EXACT_SUMMARY_RUNS ? "exact" : "streaming");
  if (summaries !== "exact" && summaries !== "streaming") {
    throw new InputError("options.summaries", `expected "exact" or "streaming", found ${String(summaries)}`);
  }
  if (keepRuns && summaries === "streaming") throw new InputError("options.keepRuns", "keeping every run's values needs exact summaries");
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
  const baseline = policies.includes(model.policies.baseline) ? policies.indexOf(model.policies.baseline) : 0;
  const design = options.design === undefined ? undefined : resolveDesign(options.design, runs, scenario, model);
  return { runs, seed: String(seed), sampler, policies, baseline, summaries, keepRuns, ...(design === undefined ? {} : { design }) };
}
