// Robustness of policies across the same draws: regret against the best policy in each run,
// and satisficing against a threshold (McPhail et al. 2018). docs/analysis.md.
import { InputError } from "../errors.js";
import { quantileSorted } from "../stats/quantile.js";

/** Options of {@link robustness}. */
export interface RobustnessOptions {
  /** Satisficing threshold: the share of runs whose loss is at or below it is reported. */
  readonly threshold?: number;
}

/** One policy's robustness over the runs. */
export interface PolicyRobustness {
  readonly policy: string;
  /** Mean loss, and its 90th percentile (type 7). */
  readonly mean: number;
  readonly p90: number;
  /** Regret: the policy's loss minus the lowest loss of any policy in the same run (>= 0). */
  readonly meanRegret: number;
  readonly maxRegret: number;
  readonly p90Regret: number;
  /** Share of runs in which this policy has the lowest loss (ties shared equally). */
  readonly best: number;
  /** Share of runs with loss at or below the threshold; only with `threshold`. */
  readonly satisficing?: number;
}

/** What {@link robustness} returns: per policy, and which policy each criterion picks. */
export interface RobustnessResult {
  readonly runs: number;
  readonly threshold?: number;
  readonly policies: PolicyRobustness[];
  /** The policy each criterion prefers (the first listed on a tie). */
  readonly preferred: {
    readonly mean: string;
    readonly p90: string;
    readonly meanRegret: string;
    readonly maxRegret: string;
    readonly p90Regret: string;
    readonly satisficing?: string;
  };
}

/**
 * Robustness of policies whose losses were simulated on common draws (run r of every
 * policy saw the same uncertainties): per policy its mean and 90th-percentile loss, its
 * regret (its loss minus the best policy's loss in the same run: mean, maximum and 90th
 * percentile; Savage's minimax regret is the lowest maximum), the share of runs in which it
 * is best, and with a threshold the share of runs in which it satisfices (loss at or below
 * it). Criteria disagree when policies trade a better mean for a worse tail; `preferred`
 * says which policy each picks (McPhail et al. 2018, Earth's Future 6:169).
 *
 * @param values - policy name -> per-run losses (larger is worse), all of the same length, on common draws.
 * @param options - `threshold` for satisficing.
 * @returns per-policy metrics and each criterion's preferred policy.
 * @throws InputError for no policies, runs of different lengths, no runs, or a value that is not finite.
 * @example
 * ```ts
 * const table = robustness({ "us-alone": [1, 5, 2], aligned: [2, 2, 3] }, { threshold: 2 });
 * table.policies[0]; // { policy: "us-alone", mean: 2.67, maxRegret: 3, satisficing: 0.67, ... }
 * table.preferred.maxRegret; // "aligned"
 * ```
 */
export function robustness(values: Readonly<Record<string, ArrayLike<number>>>, options: RobustnessOptions = {}): RobustnessResult {
  if (typeof values !== "object" || values === null) throw new InputError("values", "expected an object: policy name -> per-run losses");
  const names = Object.keys(values);
  if (names.length === 0) throw new InputError("values", "expected at least one policy");
  const runs = values[names[0]!]?.length ?? 0;
  if (!(runs > 0)) throw new InputError(`values.${names[0]}`, "expected at least one run");
  const threshold = options.threshold;
  if (threshold !== undefined && !Number.isFinite(threshold)) throw new InputError("options.threshold", `expected a finite number, found ${String(threshold)}`);
  const columns = names.map((name) => {
    const column = values[name];
    if (column === undefined || typeof column.length !== "number") throw new InputError(`values.${name}`, "expected an array of per-run losses");
    if (column.length !== runs) throw new InputError(`values.${name}`, `expected ${runs} runs (as ${names[0]}), found ${column.length}: the policies must be simulated on the same draws`);
    for (let r = 0; r < runs; r++) if (!Number.isFinite(column[r])) throw new InputError(`values.${name}[${r}]`, `expected a finite number, found ${String(column[r])}`);
    return column;
  });
  const best = new Float64Array(runs).fill(Infinity);
  for (const column of columns) for (let r = 0; r < runs; r++) best[r] = Math.min(best[r]!, column[r]!);
  // how many policies share the best loss in each run: a tie shares the run
  const winners = new Int32Array(runs);
  for (const column of columns) for (let r = 0; r < runs; r++) if (column[r] === best[r]) winners[r]!++;
  const policies = names.map((policy, p): PolicyRobustness => {
    const column = columns[p]!;
    const losses = Float64Array.from(column).sort();
    const regrets = new Float64Array(runs);
    let sum = 0;
    let regretSum = 0;
    let wins = 0;
    let satisfied = 0;
    for (let r = 0; r < runs; r++) {
      const loss = column[r]!;
      sum += loss;
      regrets[r] = loss - best[r]!;
      regretSum += regrets[r]!;
      if (loss === best[r]) wins += 1 / winners[r]!;
      if (threshold !== undefined && loss <= threshold) satisfied++;
    }
    regrets.sort();
    return {
      policy,
      mean: sum / runs,
      p90: quantileSorted(losses, 0.9),
      meanRegret: regretSum / runs,
      maxRegret: regrets[runs - 1]!,
      p90Regret: quantileSorted(regrets, 0.9),
      best: wins / runs,
      ...(threshold === undefined ? {} : { satisficing: satisfied / runs }),
    };
  });
  const pick = (score: (p: PolicyRobustness) => number, higher = false) =>
    policies.reduce((chosen, p) => ((higher ? score(p) > score(chosen) : score(p) < score(chosen)) ? p : chosen)).policy;
  return {
    runs,
    ...(threshold === undefined ? {} : { threshold }),
    policies,
    preferred: {
      mean: pick((p) => p.mean),
      p90: pick((p) => p.p90),
      meanRegret: pick((p) => p.meanRegret),
      maxRegret: pick((p) => p.maxRegret),
      p90Regret: pick((p) => p.p90Regret),
      ...(threshold === undefined ? {} : { satisficing: pick((p) => p.satisficing!, true) }),
    },
  };
}
