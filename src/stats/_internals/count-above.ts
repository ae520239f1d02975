/** Number of elements of an ascending array strictly greater than `threshold` (binary search). */
export function countAbove(sorted: ArrayLike<number>, threshold: number): number {
  let low = 0;
  let high = sorted.length;
  // Invariant: sorted[< low] <= threshold, sorted[>= high] > threshold.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! > threshold) high = middle;
    else low = middle + 1;
  }
  return sorted.length - low;
}

/** Number of elements of an ascending array strictly less than `threshold` (binary search). */
export function countBelow(sorted: ArrayLike<number>, threshold: number): number {
  let low = 0;
  let high = sorted.length;
  // Invariant: sorted[< low] < threshold, sorted[>= high] >= threshold.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < threshold) low = middle + 1;
    else high = middle;
  }
  return low;
}
