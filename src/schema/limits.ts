import { z } from "zod";

/**
 * The largest scenario chokepoint accepts, so that a file from anywhere cannot exhaust
 * memory or time (a 300 x 1,000 world keeps about 10 MB of per-run state; input-output
 * size worlds of 50 regions x 200 goods are far inside). Each limit is checked with a
 * message that names it; they are listed in the README.
 */
export const LIMITS = {
  countries: 300,
  goods: 1_000,
  production: 300_000,
  flows: 500_000,
  recipes: 100_000,
  recipeInputs: 100,
  stocks: 300_000,
  demand: 300_000,
  inputOutputTables: 300,
  inputOutputSectors: 1_000,
  /** Cells of all input-output tables' Z together (five tables of 1,000 sectors). */
  inputOutputCells: 5_000_000,
  uncertainties: 2_000,
  rules: 1_000,
  /** Rules after expansion: a rule that targets `triggering` counts once per country that can trigger it. */
  ruleInstances: 20_000,
  policies: 200,
  leversPerPolicy: 1_000,
  conditionsPerRule: 20,
  outcomes: 2_000,
  thresholdsPerOutcome: 100,
  listLength: 1_000,
  horizon: 1_200,
  /**
   * Values a run records per period: policies x series outcomes x periods. Summaries
   * keep state per period of each series and policy, whatever the runs: at 200,000
   * values, about 1 GB with streaming summaries and 150 MB with exact ones (plus 16
   * bytes per value and run; see src/schema/run-size.ts). 20 policies x 191 series x
   * 1,200 periods needed 2.3 GB and a minute for one run.
   */
  seriesValuesPerRun: 200_000,
  runs: 100_000_000,
  /** Characters of free text (titles, descriptions, notes) in one field. */
  textLength: 100_000,
  /** Characters of a scenario file or text. */
  scenarioText: 64 * 1024 * 1024,
  /**
   * Characters of YAML text: the yaml package's document model takes about a hundred
   * times the text (JSON is read with JSON.parse, up to `scenarioText`).
   */
  yamlText: 4 * 1024 * 1024,
  yamlAliases: 1_000,
  /** Values that YAML aliases may repeat, counting every repetition. */
  yamlAliasValues: 1_000_000,
  /** Nesting of objects and lists in scenario text. */
  nesting: 64,
  /** Characters of a formula, and nodes in its syntax tree. */
  formulaLength: 1_000,
  formulaNodes: 200,
} as const;

/** A list of at most `limit` entries, with a message naming the limit. */
export function limitedArray<T extends z.ZodType>(item: T, limit: number, what: string) {
  return z.array(item).max(limit, `expected at most ${limit.toLocaleString("en-US")} ${what} (a limit of chokepoint)`);
}

/** Free text of at most LIMITS.textLength characters. */
export const freeText = () => z.string().max(LIMITS.textLength, `expected at most ${LIMITS.textLength.toLocaleString("en-US")} characters`);
