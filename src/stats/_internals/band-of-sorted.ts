import type { QuantileBands } from "../bands.js";
import type { ExactSum } from "../exact-sum.js";
import { roundRatio, scaledSum } from "./exact-rational.js";
import { interpolateOrdered } from "./interpolate-sorted.js";

/**
 * Append one period to `bands` from that period's values over all `runs` runs, read in
 * ascending order by `at(i)`, and their exact sum: the mean (the exact sum over `runs`,
 * rounded once) and the type 7 quantiles. Shared by `quantileBands` (a sorted column) and
 * experiments whose ranges arrive sorted (an order statistic of their union).
 */
export function appendBand(bands: QuantileBands, runs: number, at: (i: number) => number, sum: ExactSum): void {
  bands.mean.push(roundRatio(scaledSum(sum), BigInt(runs) << 1074n));
  bands.p05.push(interpolateOrdered(runs, 0.05, at));
  bands.p25.push(interpolateOrdered(runs, 0.25, at));
  bands.p50.push(interpolateOrdered(runs, 0.5, at));
  bands.p75.push(interpolateOrdered(runs, 0.75, at));
  bands.p95.push(interpolateOrdered(runs, 0.95, at));
}
