import { RESULT_FORMAT } from "../experiment/result-schema.js";
import type { ExperimentResult } from "../experiment/result.js";

/**
 * The text of a result file: `{ "format": "chokepoint-result", "version": 1, ...result }`,
 * indented by 2 spaces, with a final newline. Deterministic: the result holds no
 * timestamps or durations, so the same scenario, seed and runs give the same bytes.
 */
export function formatResultDocument(result: ExperimentResult): string {
  return `${JSON.stringify({ ...RESULT_FORMAT, ...result }, null, 2)}\n`;
}
