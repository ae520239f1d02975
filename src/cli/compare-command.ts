// `chokepoint compare`: policies compared run by run on the same draws (common random
// numbers): for each outcome, each policy minus the first, with the mean difference, its
// 95% interval and the share of runs in which the policy gives the lower value.
import { outcomeDefinitions } from "../compile/compile.js";
import type { ExperimentResult } from "../experiment/result.js";
import { formatInterval } from "../report/format-number.js";
import { intervalFootnote } from "../report/summary-table.js";
import { alignColumns, percent } from "../report/text.js";
import type { Scenario } from "../schema/scenario.js";
import { pairedDifference, type PairedDifference } from "../stats/index.js";
import type { CliEnvironment } from "./environment.js";
import { UsageError } from "./errors.js";
import { runInterruptibly } from "./interruptible-experiment.js";
import { checkNames } from "./names.js";
import { loadScenarioArgument } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint compare`, as parsed from the command line. */
export interface CompareCommandOptions {
  readonly runs: number;
  readonly seed: string;
  readonly workers?: number;
  readonly sampler: "monte-carlo" | "latin-hypercube" | "sobol";
  /** Policies to compare, the first being the reference; default: the baseline policy first, then the others. */
  readonly policies?: readonly string[];
  readonly outcome?: readonly string[];
  readonly allOutcomes?: boolean;
  readonly progress?: boolean;
  readonly quiet?: boolean;
}

/** Names and the verdict (first and last columns) left-aligned, the figures right-aligned. */
const pad = (rows: readonly (readonly string[])[]): string => alignColumns(rows, (column, columns) => column === 0 || column === columns - 1).join("\n");

/** What the comparison says in a word: lower or higher when the 95% interval excludes 0. */
function verdict(d: PairedDifference): string {
  if (d.mean === 0 && d.sd === 0) return "the same in every run";
  return d.ci95High < 0 ? "lower" : d.ci95Low > 0 ? "higher" : "no clear difference";
}

/** The comparison table: per outcome, each policy minus the reference, run by run. */
export function formatComparison(result: ExperimentResult, reference: string, outcomes: readonly string[]): string {
  const referenceRuns = result.policies.find((p) => p.name === reference)!.runs!;
  const others = result.policies.filter((p) => p.name !== reference);
  const sections = outcomes.map((name) => {
    const info = result.outcomes.find((o) => o.name === name)!;
    const rows: string[][] = [["  policy", `mean difference`, "95% interval", "P(lower)", "P(higher)", "verdict"]];
    for (const policy of others) {
      const d = pairedDifference(policy.runs![name]!, referenceRuns[name]!);
      const t = formatInterval({ mean: d.mean, low: d.ci95Low, high: d.ci95High }, info.unit);
      rows.push([`  ${policy.name}`, `${d.mean > 0 && !t.mean.startsWith("-") ? "+" : ""}${t.mean}`, `${t.low} .. ${t.high}`, percent(d.probabilityLower), percent(d.probabilityHigher), verdict(d)]);
    }
    return `${name} [${info.unit}]: ${info.description}; each policy minus ${reference}\n${pad(rows)}`;
  });
  const title = result.scenario.title ?? result.scenario.name;
  return (
    `${title}\n${result.runs} runs, seed ${JSON.stringify(result.seed)}, ${result.sampler}, ${result.scenario.horizon} ${result.scenario.period}s; ` +
    `every policy on the same draws, compared run by run\n\n${sections.join("\n\n")}\n\n` +
    `P(lower), P(higher): share of runs in which the policy's value is lower (for a loss: better) or higher than ${reference}'s; ` +
    `equal runs count in neither. Verdict: lower or higher when the 95% interval of the mean difference excludes 0.\n` +
    `${intervalFootnote(reference).replace("(95% CI)", "95% interval")}\n`
  );
}

/** The policies to compare: those given (at least two), else the baseline first and then the others. */
function policiesToCompare(scenario: Scenario, given: readonly string[] | undefined): string[] {
  const names = scenario.policies.map((p) => p.name);
  if (given !== undefined) {
    const policies = checkNames("policies", given, names);
    if (policies.length < 2) throw new UsageError("--policies: give at least two policies to compare, separated by commas");
    return policies;
  }
  if (names.length < 2) throw new UsageError(`the scenario has a single policy (${names[0]}): there is nothing to compare`);
  const baseline = scenario.baselinePolicy ?? names[0]!;
  return [baseline, ...names.filter((name) => name !== baseline)];
}

export async function compareCommand(argument: string, options: CompareCommandOptions, env: CliEnvironment): Promise<void> {
  const scenario = await loadScenarioArgument(argument);
  const policies = policiesToCompare(scenario, options.policies);
  const known = outcomeDefinitions(scenario).map((o) => o.name);
  const outcomes = options.outcome !== undefined ? checkNames("outcome", options.outcome, known) : options.allOutcomes ? known : (scenario.headlineOutcomes ?? known);
  const result = await runInterruptibly(
    argument,
    scenario,
    {
      runs: options.runs,
      seed: options.seed,
      sampler: options.sampler,
      policies,
      // the differences are taken run by run, from every run's values
      keepRuns: true,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    },
    env,
    options.quiet ? false : options.progress,
    [],
  );
  env.out(terminalText(formatComparison(result, policies[0]!, outcomes)));
}
