import { InputError } from "../errors.js";
import { count, describeValue, readNumber, readSquareMatrix, readVector } from "./_internals/input.js";
import { factorProductive } from "./_internals/productive.js";

/** Arguments of {@link dynamicInoperability}. */
export interface DynamicInoperabilityInput {
  /** Interdependency matrix `A*` (n x n, >= 0, productive). */
  readonly Astar: readonly (readonly number[])[];
  /**
   * Resilience coefficients `k_i` in `[0, 1]`, one per sector: the diagonal of `K`
   * (see {@link resilienceCoefficient}). `k_i = 0` freezes sector `i` at `q0_i`.
   */
  readonly K: readonly number[];
  /**
   * Demand perturbation `c*`, entries in `[0, 1]`: one vector, applied at every step, or
   * an array of `steps` vectors, vector `t` being applied in the step from `t` to `t + 1`.
   */
  readonly cstar: readonly number[] | readonly (readonly number[])[];
  /** Inoperability at `t = 0`, one entry per sector in `[0, 1]`. */
  readonly q0: readonly number[];
  /** Number of periods to simulate: an integer >= 0. */
  readonly steps: number;
}

/**
 * Path of sector inoperability over time in the dynamic inoperability input-output model
 * (DIIM), in its discrete form.
 *
 * `q(t+1) = q(t) + K [A* q(t) + c*(t) - q(t)]`, `K = diag(k_1, ..., k_n)`. With a constant
 * `c*`, every `k_i > 0` and a productive `A*`, the path converges to the static
 * equilibrium `(I - A*)^-1 c*` of {@link inoperability}.
 *
 * Clipping: after each step every `q_i(t+1)` is clipped to `[0, 1]`, since inoperability
 * is a share of planned output lost (a sector cannot lose more than all of it); the next
 * step starts from the clipped values. Without clipping, a large perturbation would drive
 * `q` above 1.
 *
 * Definition: Lian & Haimes (2006), "Managing the risk of terrorism to interdependent
 * infrastructure systems through the dynamic inoperability input-output model",
 * *Systems Engineering* 9(3), 241-258 (https://doi.org/10.1002/sys.20051); Haimes et al.
 * (2005), *J. Infrastructure Systems* 11(2), 67-79.
 *
 * @param input `{ Astar, K, cstar, q0, steps }`, see {@link DynamicInoperabilityInput}.
 * @returns `steps + 1` vectors: `q(0) = q0`, `q(1)`, ..., `q(steps)`, each with one
 * entry per sector in `[0, 1]` (new arrays; the inputs are not modified).
 * @throws {InputError} if `Astar` is not a non-empty square matrix of finite
 * non-negative numbers or is not productive; if `K`, `q0` or a vector of `cstar` does not
 * have one entry in `[0, 1]` per sector; if `cstar` is an array of vectors whose length
 * is not `steps`; or if `steps` is not an integer >= 0.
 * @example
 * dynamicInoperability({ Astar: [[0.15, 0.5], [0.1, 0.05]], K: [0.2, 0.2], cstar: [0, 0.1], q0: [0, 0], steps: 2 });
 * // => [[0, 0], [0, 0.02], [0.002, 0.0362]]
 */
export function dynamicInoperability(input: DynamicInoperabilityInput): number[][] {
  if (typeof input !== "object" || input === null) {
    throw new InputError("", `expected an object { Astar, K, cstar, q0, steps }, found ${describeValue(input)}`);
  }
  const { Astar, K, cstar, q0, steps } = input;
  const { n, data: astar } = readSquareMatrix("Astar", Astar, "nonNegative");
  factorProductive("Astar", astar, n);
  const k = readResilienceCoefficients(K, n);
  const q = readVector("q0", q0, n, "Astar", "share");
  readNumber("steps", steps, "nonNegative");
  if (!Number.isInteger(steps)) throw new InputError("steps", `expected an integer >= 0, found ${steps}`);
  const perturbations = readPerturbations(cstar, n, steps);

  const path: number[][] = [Array.from(q)];
  const next = new Float64Array(n);
  for (let t = 0; t < steps; t++) {
    const c = perturbations.length === 1 ? perturbations[0]! : perturbations[t]!;
    for (let i = 0; i < n; i++) {
      let coupled = 0;
      for (let j = 0; j < n; j++) coupled += astar[i * n + j]! * q[j]!;
      const qi = q[i]!;
      const value = qi + k[i]! * (coupled + c[i]! - qi);
      next[i] = value < 0 ? 0 : value > 1 ? 1 : value;
    }
    q.set(next);
    path.push(Array.from(q));
  }
  return path;
}

function readResilienceCoefficients(K: unknown, n: number): Float64Array {
  const k = readVector("K", K, n, "Astar", "nonNegative");
  for (let i = 0; i < n; i++) {
    if (k[i]! > 1) {
      throw new InputError(
        `K[${i}]`,
        `expected a resilience coefficient in [0, 1], found ${k[i]}; with k > 1 the discrete model overshoots (use a longer recovery time or a shorter period)`,
      );
    }
  }
  return k;
}

/** One vector (constant perturbation) or one vector per step. */
function readPerturbations(cstar: unknown, n: number, steps: number): Float64Array[] {
  if (!Array.isArray(cstar)) {
    throw new InputError("cstar", `expected one vector of ${count(n, "number", "numbers")} or an array of ${count(steps, "such vector", "such vectors")}, found ${describeValue(cstar)}`);
  }
  const isSeries = cstar.length > 0 ? Array.isArray(cstar[0]) : steps === 0;
  if (!isSeries) return [readVector("cstar", cstar, n, "Astar", "share")];
  if (cstar.length !== steps) {
    throw new InputError("cstar", `expected ${count(steps, "vector", "vectors")} (one per step), found ${cstar.length}`);
  }
  return cstar.map((c: unknown, t) => readVector(`cstar[${t}]`, c, n, "Astar", "share"));
}
