// Kept apart from the zod schemas (src/schema/scenario.ts) so that code which needs only
// these numbers, such as the compiler that worker threads load, does not load zod.

/** The periods a scenario can step in, and how many make a year. */
export const PERIODS_PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;
