/** |got - want| / |want| (or |got| when want is 0): the relative error of `got`. */
export function relativeError(got: number, want: number): number {
  if (want === 0) return Math.abs(got);
  return Math.abs((got - want) / want);
}
