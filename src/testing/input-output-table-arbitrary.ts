import fc from "fast-check";
import { InputError } from "../errors.js";

/** Size and productivity of the tables {@link inputOutputTableArbitrary} generates. */
export interface InputOutputTableConstraints {
  /** Fewest sectors; default 1. */
  readonly minSectors?: number;
  /** Most sectors; default 4. */
  readonly maxSectors?: number;
  /** Largest column sum of the technical coefficients A = Z diag(x)^-1, in (0, 1); default 0.9. */
  readonly maxColumnSum?: number;
}

/** A national input-output table as a scenario's `world.inputOutput` takes it (without `country` and `goodSectors`). */
export interface GeneratedInputOutputTable {
  /** Sector names `s0`, `s1`, ... */
  readonly sectors: string[];
  /** Inter-industry flows, `Z[i][j]` = sales of sector i to sector j, >= 0. */
  readonly Z: number[][];
  /** Gross output per sector, > 0. */
  readonly x: number[];
  /** Value added per sector: gross output less the column sums of Z (every input domestic), > 0. */
  readonly valueAdded: number[];
}

/**
 * Productive input-output tables: gross outputs `x` (positive whole numbers) and flows
 * `Z` whose technical coefficients `A[i][j] = Z[i][j] / x[j]` are non-negative, often 0,
 * with every column sum, and every row's sales as a share of its output, at most
 * `maxColumnSum` < 1. So the spectral radius of `A` (and of
 * the allocation coefficients `B = diag(x)^-1 Z`, which are similar to it) is below 1,
 * the Leontief and Ghosh inverses exist and are non-negative, and every sector's value
 * added `x[j] - sum_i Z[i][j]` is positive. Shrinks toward one sector with no
 * inter-industry flows.
 *
 * @param constraints - `{ minSectors, maxSectors, maxColumnSum }`.
 * @returns an arbitrary of `{ sectors, Z, x, valueAdded }`.
 * @throws {InputError} for sizes that are not whole numbers with 1 <= min <= max, or a
 *   column sum outside (0, 1).
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { leontiefInverse, technicalCoefficients } from "chokepoint";
 * import { inputOutputTableArbitrary } from "chokepoint/testing";
 *
 * fc.assert(fc.property(inputOutputTableArbitrary(), ({ Z, x }) => {
 *   const L = leontiefInverse(technicalCoefficients(Z, x));
 *   return L.every((row, i) => row[i]! >= 1); // true: each sector needs at least its own output
 * }));
 * ```
 */
export function inputOutputTableArbitrary(constraints: InputOutputTableConstraints = {}): fc.Arbitrary<GeneratedInputOutputTable> {
  const minSectors = constraints.minSectors ?? 1;
  const maxSectors = constraints.maxSectors ?? 4;
  const maxColumnSum = constraints.maxColumnSum ?? 0.9;
  if (!Number.isInteger(minSectors) || !Number.isInteger(maxSectors) || minSectors < 1 || maxSectors < minSectors) {
    throw new InputError("constraints", `expected whole numbers 1 <= minSectors <= maxSectors, found ${minSectors} and ${maxSectors}`);
  }
  if (!(maxColumnSum > 0 && maxColumnSum < 1)) throw new InputError("constraints.maxColumnSum", `expected a number in (0, 1), found ${maxColumnSum}`);
  return fc
    .record({
      n: fc.integer({ min: minSectors, max: maxSectors }),
      x: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: maxSectors, maxLength: maxSectors }),
      // 0..9 ninths of the largest share a column may give each of its n rows
      weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: maxSectors * maxSectors, maxLength: maxSectors * maxSectors }),
    })
    .map(({ n, x, weights }) => {
      const output = x.slice(0, n).map((v) => v * 10);
      const Z = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (weights[i * maxSectors + j]! * maxColumnSum * output[j]!) / (9 * n)),
      );
      // a sector sells at most maxColumnSum of its output to other sectors (the rest is final
      // demand): rows scaled down where needed, which keeps A productive
      Z.forEach((row, i) => {
        const sold = row.reduce((sum, z) => sum + z, 0);
        const most = maxColumnSum * output[i]!;
        if (sold > most) row.forEach((z, j) => (row[j] = (z * most) / sold));
      });
      const valueAdded = output.map((x, j) => x - Z.reduce((sum, row) => sum + row[j]!, 0));
      return { sectors: Array.from({ length: n }, (_, i) => `s${i}`), Z, x: output, valueAdded };
    });
}
