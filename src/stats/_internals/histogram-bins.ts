/** Bins of an outcome's histogram. */
const HISTOGRAM_BINS = 30;
/** Whole-valued outcomes get one bin per whole number when they span at most this many. */
const MAX_WHOLE_NUMBER_BINS = 61;

/**
 * Bin edges from `min` to `max`: HISTOGRAM_BINS equal-width bins (one bin when min = max),
 * or one bin per whole number, centred on it, for whole-valued outcomes of small span.
 */
export function histogramEdges(min: number, max: number, whole: boolean): number[] {
  if (whole && Number.isInteger(min) && Number.isInteger(max) && max - min + 1 <= MAX_WHOLE_NUMBER_BINS) {
    return Array.from({ length: max - min + 2 }, (_, k) => min - 0.5 + k);
  }
  if (!(max > min)) return [min, max];
  const width = (max - min) / HISTOGRAM_BINS;
  return Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => (k === HISTOGRAM_BINS ? max : min + k * width));
}

/** The bin of `x` among `edges` (equal widths): edges[k] <= x < edges[k + 1], the last bin closed. */
export function binOf(x: number, edges: readonly number[]): number {
  const bins = edges.length - 1;
  if (bins === 1) return 0;
  const first = edges[0]!;
  let k = Math.floor(((x - first) / (edges[bins]! - first)) * bins);
  k = k < 0 ? 0 : k >= bins ? bins - 1 : k;
  // the arithmetic above may land one bin off at an edge: settle it against the edges themselves
  if (x < edges[k]! && k > 0) k--;
  else if (x >= edges[k + 1]! && k < bins - 1) k++;
  return k;
}
