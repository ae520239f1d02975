// One-at-a-time sensitivity from per-run values: how the mean outcome differs between
// the runs with the lowest and the highest draws of each uncertain parameter.
import type { ExperimentResult } from "../../experiment/result.js";
import type { TornadoBar } from "../charts/tornado-svg.js";

/** Share of runs in each tail: the lowest fifth and the highest fifth of each parameter's draws. */
export const TAIL_SHARE = 0.2;

/**
 * Per uncertain parameter (those that vary from run to run), the mean of `outcome` under
 * `policy` over the runs whose draw is among the lowest fifth, and over those among the
 * highest fifth (ties broken by run order). Undefined without per-run values or with
 * fewer than 10 runs.
 */
export function sensitivityBars(result: ExperimentResult, outcome: string, policy: string): { bars: TornadoBar[]; mean: number } | undefined {
  const values = result.policies.find((p) => p.name === policy)?.runs?.[outcome];
  const parameters = result.parameters;
  if (values === undefined || parameters === undefined || values.length < 10) return undefined;
  const n = values.length;
  const tail = Math.max(1, Math.floor(n * TAIL_SHARE));
  const meanOf = (indices: readonly number[]) => indices.reduce((sum, i) => sum + values[i]!, 0) / indices.length;
  const bars: TornadoBar[] = [];
  for (const [name, draws] of Object.entries(parameters)) {
    if (draws.length !== n || draws.every((d) => d === draws[0])) continue;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => draws[a]! - draws[b]! || a - b);
    bars.push({ label: name, low: meanOf(order.slice(0, tail)), high: meanOf(order.slice(n - tail)) });
  }
  if (bars.length === 0) return undefined;
  return { bars, mean: values.reduce((sum, v) => sum + v, 0) / n };
}
