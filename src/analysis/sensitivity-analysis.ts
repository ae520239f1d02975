// Global sensitivity of a scenario's outcome to its uncertainties and its rules' draws: a
// Saltelli or Morris design in the unit hypercube, evaluated as the runs of one experiment
// (so on common draws across the two policies of a paired difference, and over workers with
// the same numbers), then Sobol' indices or Morris statistics. docs/analysis.md.
import { compileScenario } from "../compile/compile-scenario.js";
import type { CompiledModel } from "../compile/model.js";
import { InputError } from "../errors.js";
import { assembleResult } from "../experiment/assemble.js";
import { checkOptionsObject, resolvePlan, type ExperimentPlan, type ExperimentProgress } from "../experiment/plan.js";
import type { ExperimentResult } from "../experiment/result.js";
import { simulateOnThisThread } from "../experiment/run-experiment.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { morrisDesign, morrisEstimates, type MorrisParameter } from "./morris.js";
import { scenarioFactors, type ScenarioFactor } from "./factors.js";
import { checkOutcomeName, checkPolicyName } from "./outcome-name.js";
import { saltelliDesign, sobolEstimates, type SobolParameter } from "./sobol-indices.js";

/** Options of {@link sensitivityAnalysis}. */
export interface SensitivityAnalysisOptions {
  /** `sobol`: first-order and total Sobol' indices (Saltelli/Jansen); `morris`: elementary effects for screening. */
  readonly method: "sobol" | "morris";
  /** The outcome analysed (its name, as in the scenario's outcomes). */
  readonly outcome: string;
  /** The policy whose outcome is analysed; the scenario's baseline policy by default. */
  readonly policy?: string;
  /** Analyse the paired difference `policy - versus` run by run instead ("what drives the cost of aligning?"). */
  readonly versus?: string;
  /** Sobol': base samples N, costing N (factors + 2) runs; Morris: trajectories r, costing r (factors + 1) runs. */
  readonly samples: number;
  readonly seed: string | number;
  /** Morris grid levels (even); default 4. */
  readonly levels?: number;
  /** Bootstrap resamples for the intervals; default 1,000. */
  readonly bootstrap?: number;
  /** Sobol' method: the points of its designs A and B, `sobol` (default; at most 500 factors) or `monte-carlo`. */
  readonly design?: "sobol" | "monte-carlo";
  readonly signal?: AbortSignal;
  /** Progress of the runs, as `runExperiment` reports it. */
  readonly onProgress?: (progress: ExperimentProgress) => void;
}

/** The fields both methods' results have. */
export interface SensitivityCommon {
  readonly outcome: string;
  readonly unit: string;
  readonly policy: string;
  readonly versus?: string;
  readonly seed: string;
  readonly samples: number;
  /** Runs of the experiment (design points); each policy was simulated on every one. */
  readonly evaluations: number;
  readonly factors: readonly ScenarioFactor[];
}

/** Sobol' indices of a scenario's outcome. */
export interface SobolSensitivity extends SensitivityCommon {
  readonly method: "sobol";
  readonly parameters: readonly SobolParameter[];
  /** Variance of the analysed outcome over the design (in the unit squared). */
  readonly variance: number;
}

/** Morris statistics of a scenario's outcome (elementary effects per full range of a factor's probability scale). */
export interface MorrisSensitivity extends SensitivityCommon {
  readonly method: "morris";
  readonly levels: number;
  readonly parameters: readonly MorrisParameter[];
}

/** Result of {@link sensitivityAnalysis}. */
export type SensitivityResult = SobolSensitivity | MorrisSensitivity;

/** Simulates a resolved plan and summarises it: on this thread, or over workers (chokepoint/node). */
export type PlanSimulator = (scenario: Scenario, model: CompiledModel, plan: ExperimentPlan, signal: AbortSignal | undefined, onProgress: ((progress: ExperimentProgress) => void) | undefined) => Promise<ExperimentResult>;

const onThisThread: PlanSimulator = async (scenario, model, plan, signal, onProgress) =>
  assembleResult(scenario, model, plan, [await simulateOnThisThread(model, plan, 0, plan.runs, signal, onProgress)], signal);

/** Most design points (runs) one analysis may need: the experiment's limit would be hit long after memory. */
const MAX_EVALUATIONS = 10_000_000;

/**
 * Which uncertainties and rule draws drive an outcome of a scenario (or the paired difference
 * between two policies)? Global sensitivity over every random input of the scenario: each
 * uncertainty, and each rule's uniform draw that decides whether it fires (a factor named
 * `rule:<name>`). An uncertainty drawn jointly with others from a calibration's posterior
 * varies as one factor with them (`posterior:<first name>`).
 *
 * Method: the design of {@link sobolIndices} (Saltelli 2010, Jansen 1999) or of
 * {@link morrisScreening} (Morris 1991, Campolongo et al. 2007) in the factors' probability
 * scale (a factor at u takes its distribution's u-quantile; Morris's grid levels l = 0..p-1
 * sit at u = (l + 1/2)/p), evaluated as the runs of one experiment under `policy` (and
 * `versus`, on the same draws). Morris effects are per unit of that scale: the change in the
 * outcome when a factor moves across its whole range. Cost: Sobol' N (k + 2) runs, Morris
 * r (k + 1) runs, for k factors, each simulated under one or two policies.
 *
 * @param scenario - the scenario.
 * @param options - method, outcome, samples, seed; optionally policy, versus, levels, bootstrap, signal, onProgress.
 * @returns per factor its indices (Sobol': first and total with 95% intervals; Morris: mu, mu*, sigma), the factors and the runs made.
 * @throws ScenarioError for an invalid scenario; InputError for bad options (an unknown outcome or policy, samples out of range), or an outcome without variance over the design.
 * @example
 * ```ts
 * const drivers = await sensitivityAnalysis(scenario, { method: "sobol", outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone", samples: 256, seed: 1 });
 * drivers.parameters[0].total.estimate; // share of the variance of Japan's extra loss from aligning due to the first factor
 * ```
 */
export async function sensitivityAnalysis(scenario: ScenarioInput | Scenario, options: SensitivityAnalysisOptions): Promise<SensitivityResult> {
  return analyseSensitivity(scenario, options, onThisThread);
}

/** {@link sensitivityAnalysis} with the runs simulated by `simulate`. */
export async function analyseSensitivity(scenario: ScenarioInput | Scenario, options: SensitivityAnalysisOptions, simulate: PlanSimulator): Promise<SensitivityResult> {
  checkOptionsObject(options, '{ method: "sobol", outcome: "gdpLoss:JP", samples: 256, seed: 1 }');
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  if (options.method !== "sobol" && options.method !== "morris") throw new InputError("options.method", `expected "sobol" or "morris", found ${String(options.method)}`);
  checkOutcomeName(parsed, options.outcome);
  const names = model.policies.names;
  const policy = options.policy ?? names[model.policies.baseline]!;
  checkPolicyName("options.policy", policy, names);
  if (options.versus !== undefined) {
    checkPolicyName("options.versus", options.versus, names);
    if (options.versus === policy) throw new InputError("options.versus", `expected another policy than "${policy}": the difference of a policy with itself is 0 in every run`);
  }
  const { factors, dimensions } = scenarioFactors(parsed, model);
  if (factors.length === 0) throw new InputError("scenario.uncertainties", "the scenario has no uncertainties and no rules with draws: nothing varies");
  const k = factors.length;
  const seed = String(options.seed);
  const designOptions = {
    dimensions: k,
    seed: options.seed,
    names: factors.map((f) => f.name),
    ...(options.bootstrap === undefined ? {} : { bootstrap: options.bootstrap }),
  };
  const sobolOptions = { ...designOptions, samples: options.samples, ...(options.design === undefined ? {} : { design: options.design }) };
  const morrisOptions = { ...designOptions, trajectories: options.samples, ...(options.levels === undefined ? {} : { levels: options.levels }) };
  const perPoint = options.method === "sobol" ? k + 2 : k + 1;
  if (Number.isInteger(options.samples) && options.samples * perPoint > MAX_EVALUATIONS) {
    throw new InputError("options.samples", `expected at most ${Math.floor(MAX_EVALUATIONS / perPoint).toLocaleString("en-US")} for ${k} factors (${perPoint} runs each), found ${options.samples}`);
  }
  const design = options.method === "sobol" ? saltelliDesign(sobolOptions) : morrisDesign(morrisOptions);
  const levels = morrisOptions.levels ?? 4;
  const runs = design.length / k;
  // the design's coordinates placed in the runs' uniforms; the other draws (no effect) at 1/2
  const uniforms = new Float64Array(runs * model.randomDimensions).fill(0.5);
  for (let run = 0; run < runs; run++) {
    for (let f = 0; f < k; f++) {
      const x = design[run * k + f]!;
      uniforms[run * model.randomDimensions + dimensions[f]!] = options.method === "sobol" ? x : (x * (levels - 1) + 0.5) / levels;
    }
  }
  const policies = options.versus === undefined ? [policy] : [options.versus, policy];
  const plan: ExperimentPlan = { ...resolvePlan({ runs, seed, policies, keepRuns: true }, parsed, model), design: { uniforms } };
  const result = await simulate(parsed, model, plan, options.signal, options.onProgress);
  const valuesOf = (name: string) => result.policies.find((p) => p.name === name)!.runs![options.outcome]!;
  const analysed = Float64Array.from(valuesOf(policy));
  if (options.versus !== undefined) {
    const versus = valuesOf(options.versus);
    for (let run = 0; run < runs; run++) analysed[run] = analysed[run]! - versus[run]!;
  }
  const common = {
    outcome: options.outcome,
    unit: result.outcomes.find((o) => o.name === options.outcome)!.unit,
    policy,
    ...(options.versus === undefined ? {} : { versus: options.versus }),
    seed,
    samples: options.samples,
    evaluations: runs,
    factors,
  };
  try {
    if (options.method === "sobol") {
      const found = sobolEstimates(analysed, sobolOptions);
      return { method: "sobol", ...common, parameters: found.parameters, variance: found.variance };
    }
    return { method: "morris", ...common, levels, parameters: morrisEstimates(design, analysed, morrisOptions).parameters };
  } catch (error) {
    if (error instanceof InputError && error.path === "model") {
      throw new InputError("options.outcome", `${options.outcome}${options.versus === undefined ? "" : ` (${policy} - ${options.versus})`} does not vary over the design: no variance to apportion`);
    }
    throw error;
  }
}

