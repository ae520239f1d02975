// Lever sweeps: one number of one lever of a policy set to each value of a grid, every grid
// point simulated on the same draws (common random numbers), with per-point summaries and
// paired differences against a reference policy. docs/analysis.md.
import { checkOutcomeName, checkPolicyName } from "./outcome-name.js";
import { outcomeDefinitions } from "../compile/compile.js";
import { InputError, ScenarioError } from "../errors.js";
import type { ExperimentOptions } from "../experiment/plan.js";
import type { ExperimentResult } from "../experiment/result.js";
import { runExperiment } from "../experiment/run-experiment.js";
import type { PairedDifference } from "../stats/paired.js";
import { normalQuantile } from "../random/normal-quantile.js";
import { parseScenario } from "../schema/parse.js";
import type { Policy, Scenario, ScenarioInput } from "../schema/scenario.js";
import type { Lever } from "../schema/scenario-types.js";
import { closestName, suggestionText } from "../schema/suggest.js";

/** Most grid values one sweep takes (each is a policy simulated on every run). */
export const MAX_SWEEP_VALUES = 100;

/** Options of {@link sweepLever}. */
export interface SweepLeverOptions {
  /** The policy whose lever is swept. */
  readonly policy: string;
  /**
   * The lever: its index in the policy's `levers` (from 0), or a selector
   * `type[:actor[:good]]` (e.g. `"exportRestriction:JP"`, `"stockpileRelease:JP:gallium"`)
   * that matches exactly one of the policy's levers.
   */
  readonly lever: number | string;
  /** The lever's number to sweep: a field holding a number or an uncertainty's `{ param }` (e.g. `severity`, `coverMonths`, `capacity`, `rate`). */
  readonly field: string;
  /** The grid: the values the field takes, each a valid value of the field. */
  readonly values: readonly number[];
  readonly runs: number;
  readonly seed: string | number;
  /** Outcomes to summarise; default: the scenario's headline outcomes, else all. */
  readonly outcomes?: readonly string[];
  /** The policy every grid point is compared with, run by run; default: the swept policy as written. */
  readonly versus?: string;
  readonly sampler?: "monte-carlo" | "latin-hypercube" | "sobol";
  readonly signal?: AbortSignal;
}

/** One outcome at one grid point: the distribution over runs and the paired difference against `versus`. */
export interface SweepOutcome {
  readonly name: string;
  readonly unit: string;
  readonly mean: number;
  /** 95% interval of the mean (normal: mean ± 1.96 standard errors). */
  readonly ci95Low: number;
  readonly ci95High: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  /** This point minus `versus`, run by run on the same draws (zero for the policy `versus` itself). */
  readonly difference: PairedDifference;
}

/** A grid point: the value and its outcomes. */
export interface SweepPoint {
  readonly value: number;
  readonly outcomes: readonly SweepOutcome[];
}

/** What {@link sweepLever} returns. */
export interface SweepResult {
  readonly policy: string;
  /** The lever's index in the policy's levers, and how it reads (`exportRestriction:JP:equipment`). */
  readonly lever: number;
  readonly leverLabel: string;
  readonly field: string;
  /** The policy the differences are against. */
  readonly versus: string;
  readonly runs: number;
  readonly seed: string;
  /** The field's value in the policy as written: a number, or the name of the uncertainty it draws from. */
  readonly asWritten: number | { readonly param: string };
  /** The policy as written, with its differences against `versus`. */
  readonly reference: { readonly outcomes: readonly SweepOutcome[] };
  readonly points: readonly SweepPoint[];
}

/** How a lever reads in messages and selectors: `type:actor:good(s)`. */
export function leverLabel(lever: Lever): string {
  const goods = "goods" in lever ? lever.goods.join("+") : lever.good;
  return `${lever.type}:${lever.actor}:${goods}`;
}

const isParamRef = (v: unknown): v is { param: string } => typeof v === "object" && v !== null && typeof (v as { param?: unknown }).param === "string";

/** The fields of a lever that hold a number (or an uncertainty standing for one). */
export function numericLeverFields(lever: Lever): string[] {
  return Object.entries(lever)
    .filter(([, v]) => typeof v === "number" || isParamRef(v))
    .map(([k]) => k);
}

function findLever(policy: Policy, selector: number | string): number {
  const labels = policy.levers.map(leverLabel);
  const listed = `levers of ${policy.name}: ${labels.map((l, i) => `${i} ${l}`).join(", ") || "none"}`;
  if (typeof selector === "number") {
    if (!Number.isInteger(selector) || selector < 0 || selector >= policy.levers.length) throw new InputError("options.lever", `expected an index from 0 to ${policy.levers.length - 1}, found ${String(selector)} (${listed})`);
    return selector;
  }
  if (typeof selector !== "string" || selector === "") throw new InputError("options.lever", `expected an index or a selector such as "exportRestriction:JP", found ${String(selector)} (${listed})`);
  if (/^\d+$/.test(selector)) return findLever(policy, Number(selector));
  const parts = selector.split(":");
  const matches = policy.levers.flatMap((lever, i) => {
    const [type, actor, good] = parts;
    const goods = "goods" in lever ? lever.goods : [lever.good];
    const ok = parts.length <= 3 && lever.type === type && (actor === undefined || lever.actor === actor) && (good === undefined || goods.includes(good));
    return ok ? [i] : [];
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new InputError("options.lever", `no lever of policy "${policy.name}" matches "${selector}" (${listed})`);
  throw new InputError("options.lever", `"${selector}" matches ${matches.length} levers of policy "${policy.name}" (${matches.join(", ")}): give an index or a longer selector (${listed})`);
}

/** Check the options against the scenario; the lever's index and the outcomes. */
function checkSweep(scenario: Scenario, options: SweepLeverOptions): { policyIndex: number; leverIndex: number; outcomes: string[]; versus: string } {
  if (typeof options !== "object" || options === null) throw new InputError("options", 'expected an object, e.g. { policy: "aligned", lever: 0, field: "severity", values: [0, 0.5, 1], runs: 1000, seed: 1 }');
  const names = scenario.policies.map((p) => p.name);
  checkPolicyName("options.policy", options.policy, names);
  const policyIndex = names.indexOf(options.policy);
  const versus = options.versus ?? options.policy;
  checkPolicyName("options.versus", versus, names);
  const policy = scenario.policies[policyIndex]!;
  const leverIndex = findLever(policy, options.lever);
  const lever = policy.levers[leverIndex]!;
  const fields = numericLeverFields(lever);
  if (!fields.includes(options.field)) {
    throw new InputError("options.field", `policies.${policy.name}.levers[${leverIndex}] (${leverLabel(lever)}) has no number "${String(options.field)}"${suggestionText(closestName(String(options.field), fields))}; its numbers: ${fields.join(", ")}`);
  }
  const values = options.values;
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_SWEEP_VALUES) throw new InputError("options.values", `expected 1 to ${MAX_SWEEP_VALUES} numbers, found ${Array.isArray(values) ? `${values.length}` : String(values)}`);
  values.forEach((v, j) => {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError(`options.values[${j}]`, `expected a finite number, found ${String(v)}`);
  });
  const outcomes = options.outcomes ?? scenario.headlineOutcomes ?? outcomeDefinitions(scenario).map((o) => o.name);
  if (!Array.isArray(outcomes) || outcomes.length === 0) throw new InputError("options.outcomes", "expected a non-empty list of outcome names");
  outcomes.forEach((name, i) => checkOutcomeName(scenario, name, `options.outcomes[${i}]`));
  return { policyIndex, leverIndex, outcomes: [...outcomes], versus };
}

/**
 * Sweep one number of one lever of a policy over a grid: for each value, a copy of the policy
 * with the lever's field set to it (a number in place of an uncertainty, if the field drew
 * from one), all simulated in one experiment on the same draws, so grid points are compared
 * run by run. Per grid point and outcome: the mean with its 95% interval, p05, p50, p95, and
 * the paired difference against `versus` (by default the policy as written). A grid value
 * equal to the policy's own number gives the policy's numbers exactly.
 *
 * @param scenario - the scenario.
 * @param options - policy, lever (index or `type:actor:good` selector), field, values, runs, seed; optionally outcomes, versus, sampler, signal.
 * @returns per grid point the value and per outcome its summary and paired difference; the policy as written as `reference`.
 * @throws ScenarioError for an invalid scenario; InputError naming the option for an unknown policy, lever, field or outcome, or a grid value the scenario's checks refuse (e.g. a severity above 1).
 * @example
 * ```ts
 * const sweep = await sweepLever(scenario, { policy: "aligned", lever: "exportRestriction:JP", field: "severity", values: [0, 0.5, 1], runs: 2000, seed: 1 });
 * sweep.points.map((p) => p.outcomes[0]!.difference.mean); // what each severity changes against the policy as written
 * ```
 */
export function sweepLever(scenario: ScenarioInput | Scenario, options: SweepLeverOptions): Promise<SweepResult> {
  return sweepLeverWith(runExperiment, scenario, options);
}

/** How a sweep runs its experiment: the library's `runExperiment`, or chokepoint/node's over worker threads. */
export type SweepRunner = (scenario: Scenario, options: ExperimentOptions) => Promise<ExperimentResult>;

/** {@link sweepLever} with the experiment run by `run` (chokepoint/node passes its workers through it). */
export async function sweepLeverWith(run: SweepRunner, scenario: ScenarioInput | Scenario, options: SweepLeverOptions): Promise<SweepResult> {
  const parsed = parseScenario(scenario);
  const { policyIndex, leverIndex, outcomes, versus } = checkSweep(parsed, options);
  const policy = parsed.policies[policyIndex]!;
  const taken = new Set(parsed.policies.map((p) => p.name));
  const gridNames = options.values.map((_, j) => {
    let name = `sweep-${j}`;
    while (taken.has(name)) name = `${name}-`;
    taken.add(name);
    return name;
  });
  const gridPolicies = options.values.map((value, j): Policy => ({
    ...policy,
    name: gridNames[j]!,
    levers: policy.levers.map((lever, i) => (i === leverIndex ? ({ ...lever, [options.field]: value } as Lever) : lever)),
  }));
  let swept: Scenario;
  try {
    swept = parseScenario({ ...parsed, policies: [...parsed.policies, ...gridPolicies], baselinePolicy: versus });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const first = parsed.policies.length;
    for (const problem of error.problems) {
      const k = /^policies\[(\d+)\]/.exec(problem.path);
      const j = k === null ? -1 : Number(k[1]) - first;
      if (j >= 0) {
        const where = problem.path.replace(/^policies\[\d+\]/, `policies.${policy.name}`);
        throw new InputError(`options.values[${j}]`, `${options.values[j]} is not a valid ${options.field} of ${leverLabel(policy.levers[leverIndex]!)}: ${where}: ${problem.message}`);
      }
    }
    throw error;
  }
  const simulated = [policy.name, ...(versus === policy.name ? [] : [versus]), ...gridNames];
  const result = await run(swept, {
    runs: options.runs,
    seed: options.seed,
    policies: simulated,
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const z = normalQuantile(0.975);
  const summarise = (name: string): SweepOutcome[] => {
    const results = result.policies.find((p) => p.name === name)!;
    const comparison = result.comparisons.find((c) => c.policy === name);
    return outcomes.map((outcome) => {
      const s = results.outcomes.find((o) => o.name === outcome)!;
      const d = comparison?.outcomes.find((o) => o.name === outcome);
      const { name: _n, unit: _u, ...difference } = d ?? { name: "", unit: "", count: s.count, mean: 0, sd: 0, se: 0, ci95Low: 0, ci95High: 0, probabilityLower: 0, probabilityHigher: 0 };
      return { name: outcome, unit: s.unit, mean: s.mean, ci95Low: s.mean - z * s.se, ci95High: s.mean + z * s.se, p05: s.p05, p50: s.p50, p95: s.p95, difference };
    });
  };
  const asWritten = (policy.levers[leverIndex] as unknown as Record<string, unknown>)[options.field] as number | { param: string };
  return {
    policy: policy.name,
    lever: leverIndex,
    leverLabel: leverLabel(policy.levers[leverIndex]!),
    field: options.field,
    versus,
    runs: result.runs,
    seed: result.seed,
    asWritten: typeof asWritten === "number" ? asWritten : { param: asWritten.param },
    reference: { outcomes: summarise(policy.name) },
    points: options.values.map((value, j) => ({ value, outcomes: summarise(gridNames[j]!) })),
  };
}
