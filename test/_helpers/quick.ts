// `npm run test:quick` sets CHOKEPOINT_QUICK=1 (vitest.quick.config.ts): the slowest
// properties then try an eighth of their cases (at least 5). `npm test` runs them in full.
export const QUICK = process.env.CHOKEPOINT_QUICK === "1";

/** The number of cases a property tries: `full` in the full suite, fewer in the quick one. */
export function cases(full: number): number {
  return QUICK ? Math.max(5, Math.ceil(full / 8)) : full;
}
