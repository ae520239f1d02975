import { InputError } from "../errors.js";
import { assertArrayLike, describeValue } from "./_internals/validate.js";

/**
 * With |x| < 2^1022 and |largest partial| < 2^1021, no intermediate of an addition can
 * overflow (|x| + 2 |largest partial| < 2^1023, and the partials below the largest sum
 * to less than it), so {@link ExactSum.add} takes the fast path.
 */
const HALF_SAFE = 2 ** 1022;
const QUARTER_SAFE = 2 ** 1021;

/**
 * An exact sum of doubles: the running total is held without any rounding error as a
 * short list of non-overlapping doubles ("partials"), and {@link ExactSum.value} rounds it
 * once, correctly. The value is therefore the same, to the last bit, whatever the order
 * in which values were added or accumulators merged.
 *
 * Method: Shewchuk's GROW-EXPANSION with zero elimination, in the form of Raymond
 * Hettinger's `msum` recipe and CPython's `math.fsum` (each step an exact TwoSum, here
 * Knuth's branch-free form, which gives the same pair as msum's Fast2Sum after ordering
 * the terms by magnitude); `value()` is fsum's final rounding, adding the partials from
 * the largest down until a rounding error appears, with its correction of halfway cases
 * (round half to even on the exact sum).
 * Definitions: J. R. Shewchuk (1997), "Adaptive precision floating-point arithmetic and
 * fast robust geometric predicates", Discrete & Computational Geometry 18, 305-363,
 * https://doi.org/10.1007/PL00009321; R. Hettinger, "Binary floating point summation
 * accurate to full precision", https://code.activestate.com/recipes/393090/; CPython
 * `math_fsum`, https://github.com/python/cpython/blob/main/Modules/mathmodule.c.
 *
 * Cost: `add` is a loop over the partials, usually 1 to 5 of them (more when the values
 * span many orders of magnitude: each partial holds a disjoint range of bits of the
 * total); it allocates nothing unless the partials array has to grow, and the array is
 * reused.
 *
 * Range: the exact sum may leave the double range only if a running total does: `add`
 * throws an {@link InputError} when an intermediate sum would overflow (|total| near
 * 1.8e308), leaving the accumulator unchanged. This cannot happen for fewer than 2^53
 * values each below 2^969 (about 1e292) in magnitude.
 *
 * @example
 * const total = new ExactSum();
 * for (const x of [1e100, 1, -1e100, 0.1, 0.2]) total.add(x);
 * total.value();
 * // => 1.3
 */
export class ExactSum {
  /** Non-overlapping partials in increasing magnitude, in `partialsArray[0 .. size)`. */
  private partialsArray: Float64Array;
  private size = 0;

  /**
   * A new accumulator holding 0.
   *
   * @example
   * new ExactSum().value();
   * // => 0
   */
  constructor() {
    this.partialsArray = new Float64Array(4);
  }

  /**
   * Add one value, exactly.
   *
   * @param x a finite number.
   * @returns nothing; the accumulator now holds the exact sum including `x`.
   * @throws {InputError} if `x` is not a finite number, or the running sum would overflow
   * (the accumulator is then unchanged).
   * @example
   * const total = new ExactSum();
   * total.add(0.1); total.add(0.2);
   * total.value();
   * // => 0.30000000000000004
   */
  add(x: number): void {
    const p = this.partialsArray;
    const size = this.size;
    const top = size > 0 ? p[size - 1]! : 0;
    // The rare cases go to the careful path: x not a finite number (NaN fails every
    // comparison), or |x| + 2 |top| possibly reaching 2^1023, where a sum might overflow.
    if (typeof x !== "number" || !(-HALF_SAFE < x && x < HALF_SAFE && -QUARTER_SAFE < top && top < QUARTER_SAFE)) {
      this.addCarefully(x);
      return;
    }
    let kept = 0;
    for (let j = 0; j < size; j++) {
      // Knuth's TwoSum: hi + lo = x + y exactly, branch-free (the same pair as Dekker's
      // Fast2Sum after ordering by magnitude, as in msum).
      const y = p[j]!;
      const hi = x + y;
      const yVirtual = hi - x;
      const lo = x - (hi - yVirtual) + (y - yVirtual);
      if (lo !== 0) p[kept++] = lo;
      x = hi;
    }
    if (x !== 0) p[kept++] = x;
    this.size = kept;
    // Keep a free slot, so that the next add (which adds at most one partial) fits.
    if (kept === p.length) this.grow();
  }

  /**
   * Add the exact sum held by another accumulator (an exact merge: the result does not
   * depend on how the values were split between accumulators, nor on the merge order).
   *
   * @param other another accumulator (not modified; may be this one).
   * @returns this accumulator.
   * @throws {InputError} if the running sum would overflow (this accumulator is then left
   * holding a partial merge: discard it).
   * @example
   * const a = new ExactSum(); a.add(1e16);
   * const b = new ExactSum(); b.add(1); b.add(1);
   * a.addSum(b).value();
   * // => 10000000000000002
   */
  addSum(other: ExactSum): this {
    if (!(other instanceof ExactSum)) {
      throw new InputError("other", `expected an ExactSum, got ${describeValue(other)}`);
    }
    const partials = other === this ? this.partialsArray.slice(0, this.size) : other.partialsArray;
    const size = other.size;
    for (let i = 0; i < size; i++) this.add(partials[i]!);
    return this;
  }

  /**
   * The exact sum, correctly rounded to the nearest double (ties to even).
   *
   * @returns the sum; 0 when nothing (or only zeros) was added.
   * @throws never.
   * @example
   * const total = new ExactSum();
   * for (const x of [1, 1e100, 1, -1e100]) total.add(x);
   * total.value();
   * // => 2
   */
  value(): number {
    const p = this.partialsArray;
    let n = this.size;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Halfway case: `lo` is exactly half an ulp of `hi` and was rounded to even, but the
    // partials below push the exact sum past the halfway point.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  /**
   * The exact sum written canonically, for serialization: c[0] = the correctly rounded
   * sum, c[1] = the correctly rounded remainder (sum - c[0]), and so on until the
   * remainder is 0. The list depends only on the exact sum, never on how it was reached,
   * so equal sums serialize identically; it is empty for a zero sum, and rarely longer
   * than two or three entries (each entry is at most half an ulp of the one before).
   *
   * @returns a new array, largest magnitude first.
   * @throws never.
   * @example
   * const total = new ExactSum();
   * total.add(1e16); total.add(1); total.add(0.25);
   * total.partials();
   * // => [10000000000000002, -0.75]
   */
  partials(): number[] {
    const out: number[] = [];
    const rest = this.clone();
    for (;;) {
      const v = rest.value();
      if (v === 0) return out;
      out.push(v);
      rest.add(-v);
    }
  }

  /**
   * A new accumulator holding the same exact sum.
   *
   * @returns an independent copy.
   * @throws never.
   * @example
   * const a = new ExactSum(); a.add(2);
   * const b = a.clone(); b.add(1);
   * [a.value(), b.value()];
   * // => [2, 3]
   */
  clone(): ExactSum {
    const copy = new ExactSum();
    copy.partialsArray = this.partialsArray.slice();
    copy.size = this.size;
    return copy;
  }

  /**
   * An accumulator holding the exact sum of a list of doubles, such as the output of
   * {@link ExactSum.partials} (any list is accepted, in any order).
   *
   * @param list finite numbers.
   * @returns a new accumulator.
   * @throws {InputError} if `list` is not an array of finite numbers, or its sum
   * overflows.
   * @example
   * ExactSum.fromPartials([10000000000000002, -0.75]).value();
   * // => 10000000000000002
   */
  static fromPartials(list: ArrayLike<number>): ExactSum {
    assertArrayLike("partials", list);
    const total = new ExactSum();
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      if (typeof x !== "number" || x - x !== 0) throw nonFinite(`partials[${i}]`, x);
      total.add(x);
    }
    return total;
  }

  /** Double the capacity of the partials array, keeping its contents. */
  private grow(): Float64Array {
    const larger = new Float64Array(this.partialsArray.length * 2);
    larger.set(this.partialsArray);
    this.partialsArray = larger;
    return larger;
  }

  /**
   * `add` for a non-finite x (rejected) or a sum near overflow: on a copy, committed only
   * if no intermediate sum overflows.
   */
  private addCarefully(value: number): void {
    if (typeof value !== "number" || value - value !== 0) throw nonFinite("x", value);
    let x = value;
    const size = this.size;
    const p = this.partialsArray.slice();
    let kept = 0;
    for (let j = 0; j < size; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      if (hi - hi !== 0) {
        throw new InputError("x", `adding ${value} makes the running sum overflow double precision (about 1.8e308)`);
      }
      const lo = y - (hi - x);
      if (lo !== 0) p[kept++] = lo;
      x = hi;
    }
    if (x !== 0) p[kept++] = x;
    this.partialsArray = p;
    this.size = kept;
    if (kept === p.length) this.grow();
  }
}

function nonFinite(path: string, value: unknown): InputError {
  return new InputError(path, `expected a finite number, got ${describeValue(value)}`);
}
