import fc from "fast-check";

/** Round to 10 significant digits, so generated numbers print as `0.35`, not `0.35000000000000003`. */
export function readable(x: number): number {
  return Number(x.toPrecision(10));
}

/** `min + (max - min) * i / steps`, readable and clamped to [min, max]. */
export function gridValue(min: number, max: number, steps: number, i: number): number {
  const x = readable(min + ((max - min) * i) / steps);
  return x < min ? min : x > max ? max : x;
}

/**
 * Numbers on a grid of `steps + 1` points from `min` to `max` (both included). Built
 * from an integer, so a counterexample shrinks to `min` and prints readably.
 */
export function gridNumber(min: number, max: number, steps = 100): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: steps }).map((i) => gridValue(min, max, steps, i));
}

/**
 * Two distinct grid points `[low, high]` with `low < high`, shrinking toward `[min, next]`.
 */
export function gridInterval(min: number, max: number, steps = 100): fc.Arbitrary<[number, number]> {
  return fc.tuple(fc.integer({ min: 0, max: steps }), fc.integer({ min: 0, max: steps })).map(([i, j]) => {
    let lo = Math.min(i, j);
    let hi = Math.max(i, j);
    if (lo === hi) {
      if (hi < steps) hi += 1;
      else lo -= 1;
    }
    return [gridValue(min, max, steps, lo), gridValue(min, max, steps, hi)];
  });
}

/** Three grid points `low <= mode <= high` with `low < high`. */
export function gridTriple(min: number, max: number, steps = 100): fc.Arbitrary<[number, number, number]> {
  return fc.tuple(gridInterval(min, max, steps), fc.integer({ min: 0, max: steps })).map(([[lo, hi], k]) => {
    const mode = readable(lo + ((hi - lo) * k) / steps);
    return [lo, mode < lo ? lo : mode > hi ? hi : mode, hi];
  });
}
