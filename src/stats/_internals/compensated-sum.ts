/**
 * Sum of `values[from..to)` with Neumaier's compensated summation: the error does not
 * grow with the number of terms (Neumaier 1974, https://doi.org/10.1002/zamm.19740540106).
 */
export function compensatedSum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  let compensation = 0;
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}
