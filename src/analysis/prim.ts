// Scenario discovery by PRIM, the patient rule induction method (Friedman & Fisher 1999), as
// EMA Workbench uses it (Bryant & Lempert 2010; Kwakkel's prim module): boxes of the input
// space where the cases of interest are dense, peeled a little at a time, then pasted.
// docs/analysis.md.
import { InputError } from "../errors.js";
import { regularizedIncompleteBeta } from "../random/regularized-incomplete-beta.js";

/** Options of {@link prim}. */
export interface PrimOptions {
  /** Share of the box's points each peel removes (and each paste adds). Default 0.05. */
  readonly alpha?: number;
  /** Stop peeling before the box holds less than this share of all points. Default 0.05. */
  readonly minMass?: number;
  /** Paste after peeling: widen limits while the density does not fall. Default true. */
  readonly pasting?: boolean;
  /**
   * Inputs peeled by category (one value at a time) rather than by quantile: by default,
   * those with at most 10 distinct values (categorical and bernoulli parameters).
   */
  readonly categorical?: readonly string[];
}

/** A restricted input's limits: a range, or the categories kept. */
export type PrimLimit = { readonly min: number; readonly max: number } | { readonly values: readonly number[] };

/** One box of the trajectory. */
export interface PrimBox {
  /** Share of all cases of interest inside the box. */
  readonly coverage: number;
  /** Share of the box's points that are cases of interest. */
  readonly density: number;
  /** Share of all points inside the box. */
  readonly mass: number;
  /** How many inputs the box restricts. */
  readonly restricted: number;
  /** The limits of the restricted inputs only. */
  readonly limits: Readonly<Record<string, PrimLimit>>;
  /**
   * Per restricted input, a quasi-p-value: the chance of at least as many cases in a box
   * with the box's points, were they as dense as in the box without this restriction (a
   * one-sided binomial test, as EMA Workbench computes it; small values mean the
   * restriction matters). Quasi: the box was chosen by looking at the data.
   */
  readonly pValues: Readonly<Record<string, number>>;
  /** `peel` or `paste`: how the box was reached (the first is `start`). */
  readonly step: "start" | "peel" | "paste";
}

/** What {@link prim} returns: the trajectory of boxes, from the whole space to the last. */
export interface PrimResult {
  readonly inputs: string[];
  readonly points: number;
  readonly cases: number;
  readonly trajectory: PrimBox[];
}

/** A box as the algorithm holds it: per input, a range or a set of categories. */
interface Box {
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly allowed: (Set<number> | undefined)[];
}

/**
 * PRIM: start from the box holding every point and repeatedly peel the slice (an `alpha`
 * share of the box's points at the low or high end of one input, or one category) whose
 * removal leaves the densest box, until the box would hold less than `minMass` of the
 * points; then paste (widen a limit by an `alpha` share) while that does not lower the
 * density. The trajectory gives each box's coverage and density, the trade-off an analyst
 * picks from (Bryant & Lempert 2010). Deterministic: the same inputs give the same boxes.
 *
 * @param inputs - input name -> values, one per point (run), all of the same length.
 * @param cases - per point, whether it is a case of interest (e.g. a loss above a threshold).
 * @param options - alpha, minMass, pasting, categorical inputs.
 * @returns the trajectory of boxes with their limits and quasi-p-values.
 * @throws InputError for columns of different lengths, values that are not finite, no points, or bad options.
 * @example
 * ```ts
 * const result = prim({ x: [0.1, 0.5, 0.9, 0.95], y: [0.2, 0.1, 0.8, 0.7] }, [false, false, true, true]);
 * result.trajectory.at(-1)!.limits; // { x: { min: 0.9, max: 0.95 } }
 * ```
 */
export function prim(inputs: Readonly<Record<string, ArrayLike<number>>>, cases: ArrayLike<boolean>, options: PrimOptions = {}): PrimResult {
  if (typeof inputs !== "object" || inputs === null) throw new InputError("inputs", "expected an object: input name -> values");
  const names = Object.keys(inputs);
  if (names.length === 0) throw new InputError("inputs", "expected at least one input");
  const n = cases?.length ?? 0;
  if (!(n > 0)) throw new InputError("cases", "expected at least one point");
  const alpha = options.alpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  if (!(alpha > 0 && alpha < 0.5)) throw new InputError("options.alpha", `expected a share between 0 and 0.5, found ${String(alpha)}`);
  if (!(minMass > 0 && minMass < 1)) throw new InputError("options.minMass", `expected a share between 0 and 1, found ${String(minMass)}`);
  const columns = names.map((name) => {
    const column = inputs[name]!;
    if (column?.length !== n) throw new InputError(`inputs.${name}`, `expected ${n} values, one per case, found ${String(column?.length)}`);
    for (let i = 0; i < n; i++) if (!Number.isFinite(column[i])) throw new InputError(`inputs.${name}[${i}]`, `expected a finite number, found ${String(column[i])}`);
    return Float64Array.from(column);
  });
  const y = Uint8Array.from({ length: n }, (_, i) => (cases[i] ? 1 : 0));
  let totalCases = 0;
  for (const v of y) totalCases += v;
  const categorical = names.map((name, d) => (options.categorical === undefined ? new Set(columns[d]).size <= 10 : options.categorical.includes(name)));
  options.categorical?.forEach((name, k) => {
    if (!names.includes(name)) throw new InputError(`options.categorical[${k}]`, `unknown input "${name}"`);
  });
  const D = names.length;

  const full: Box = {
    min: Float64Array.from(columns, (c) => Math.min(...c)),
    max: Float64Array.from(columns, (c) => Math.max(...c)),
    allowed: columns.map((c, d) => (categorical[d] ? new Set(c) : undefined)),
  };
  const inside = (box: Box, i: number, skip = -1): boolean => {
    for (let d = 0; d < D; d++) {
      if (d === skip) continue;
      const x = columns[d]![i]!;
      const allowed = box.allowed[d];
      if (allowed !== undefined ? !allowed.has(x) : x < box.min[d]! || x > box.max[d]!) return false;
    }
    return true;
  };
  const count = (box: Box, skip = -1) => {
    let points = 0;
    let hits = 0;
    for (let i = 0; i < n; i++) {
      if (inside(box, i, skip)) {
        points++;
        hits += y[i]!;
      }
    }
    return { points, hits };
  };
  const isRestricted = (box: Box, d: number) =>
    box.allowed[d] !== undefined ? box.allowed[d]!.size < full.allowed[d]!.size : box.min[d]! > full.min[d]! || box.max[d]! < full.max[d]!;
  const describe = (box: Box, step: PrimBox["step"]): PrimBox => {
    const { points, hits } = count(box);
    const limits: Record<string, PrimLimit> = {};
    const pValues: Record<string, number> = {};
    let restricted = 0;
    for (let d = 0; d < D; d++) {
      if (!isRestricted(box, d)) continue;
      restricted++;
      const allowed = box.allowed[d];
      limits[names[d]!] = allowed !== undefined ? { values: [...allowed].sort((a, b) => a - b) } : { min: box.min[d]!, max: box.max[d]! };
      const without = count(box, d);
      pValues[names[d]!] = binomialAtLeast(hits, points, without.hits / without.points);
    }
    return { coverage: totalCases === 0 ? 0 : hits / totalCases, density: points === 0 ? 0 : hits / points, mass: points / n, restricted, limits, pValues, step };
  };
  const copy = (box: Box): Box => ({ min: Float64Array.from(box.min), max: Float64Array.from(box.max), allowed: box.allowed.map((a) => (a === undefined ? undefined : new Set(a))) });

  const trajectory: PrimBox[] = [describe(full, "start")];
  let box = copy(full);
  let current = count(box);
  // --- peeling
  for (;;) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (inside(box, i)) members.push(i);
    let bestBox: Box | undefined;
    let best = { points: 0, hits: 0 };
    const consider = (candidate: Box) => {
      const found = count(candidate);
      if (found.points === 0 || found.points >= current.points || found.points / n < minMass) return;
      const density = found.hits / found.points;
      const bestDensity = bestBox === undefined ? -1 : best.hits / best.points;
      if (density > bestDensity || (density === bestDensity && found.points > best.points)) {
        bestBox = candidate;
        best = found;
      }
    };
    for (let d = 0; d < D; d++) {
      const allowed = box.allowed[d];
      if (allowed !== undefined) {
        if (allowed.size <= 1) continue;
        for (const value of [...allowed].sort((a, b) => a - b)) {
          const candidate = copy(box);
          candidate.allowed[d]!.delete(value);
          consider(candidate);
        }
        continue;
      }
      const values = Float64Array.from(members, (i) => columns[d]![i]!).sort();
      const first = values[0]!;
      const last = values[values.length - 1]!;
      if (first === last) continue;
      // New limits at observed values: the first at or above the alpha-quantile (and above
      // the lowest, so that a peel removes something even among ties), and likewise above.
      const low = quantileLinear(values, alpha);
      const high = quantileLinear(values, 1 - alpha);
      const lower = copy(box);
      lower.min[d] = values.find((v) => v >= low && v > first) ?? last;
      consider(lower);
      const upper = copy(box);
      let newMax = first;
      for (const v of values) if (v <= high && v < last) newMax = v;
      upper.max[d] = newMax;
      consider(upper);
    }
    if (bestBox === undefined) break;
    box = bestBox;
    current = best;
    trajectory.push(describe(box, "peel"));
    if (current.hits === current.points) break;
  }
  // --- pasting: widen one limit at a time by about alpha of the box's points, while the density does not fall
  if (options.pasting ?? true) {
    for (;;) {
      const density = current.hits / current.points;
      let bestBox: Box | undefined;
      let best = current;
      const step = Math.max(1, Math.round(alpha * current.points));
      for (let d = 0; d < D; d++) {
        const allowed = box.allowed[d];
        if (allowed !== undefined) {
          for (const value of full.allowed[d]!) {
            if (allowed.has(value)) continue;
            const candidate = copy(box);
            candidate.allowed[d]!.add(value);
            const found = count(candidate);
            if (found.hits / found.points >= density && found.hits / found.points >= (bestBox === undefined ? density : best.hits / best.points) && found.points > current.points) {
              bestBox = candidate;
              best = found;
            }
          }
          continue;
        }
        // the points just outside each limit, in the box on every other input
        const outside: number[] = [];
        for (let i = 0; i < n; i++) if (!inside(box, i) && inside(box, i, d)) outside.push(columns[d]![i]!);
        const lower = outside.filter((x) => x < box.min[d]!).sort((a, b) => b - a);
        const upper = outside.filter((x) => x > box.max[d]!).sort((a, b) => a - b);
        for (const [side, list] of [["min", lower], ["max", upper]] as const) {
          if (list.length === 0) continue;
          const candidate = copy(box);
          candidate[side][d] = list[Math.min(step, list.length) - 1]!;
          const found = count(candidate);
          const candidateDensity = found.hits / found.points;
          if (candidateDensity >= density && candidateDensity >= (bestBox === undefined ? density : best.hits / best.points) && found.points > current.points) {
            bestBox = candidate;
            best = found;
          }
        }
      }
      if (bestBox === undefined) break;
      box = bestBox;
      current = best;
      trajectory.push(describe(box, "paste"));
    }
  }
  return { inputs: names, points: n, cases: totalCases, trajectory };
}

/** Quantile by linear interpolation (type 7) of sorted values. */
function quantileLinear(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  return j + 1 < sorted.length ? sorted[j]! + (h - j) * (sorted[j + 1]! - sorted[j]!) : sorted[j]!;
}

/** P(X >= k) for X ~ binomial(n, p): I_p(k, n - k + 1) for 1 <= k <= n. */
export function binomialAtLeast(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return regularizedIncompleteBeta(p, k, n - k + 1);
}
