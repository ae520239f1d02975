import { closestName } from "../schema/suggest.js";
import { UsageError } from "./errors.js";

/**
 * Check names given with a repeatable option (`--policy`, `--outcome`) against the
 * scenario's: each must exist, once.
 *
 * @param option - the option, for messages: `"policy"` for `--policy`; `"policies"` and `"versus"` name policies.
 * @returns the names, in the order given.
 * @throws UsageError for an unknown name (with the closest known one) or a repeated one.
 */
export function checkNames(option: string, given: readonly string[], known: readonly string[]): string[] {
  const seen = new Set<string>();
  // --policies (of `compare` and `robustness`) and --versus name policies too
  const noun = option === "policies" || option === "versus" ? "policy" : option;
  for (const name of given) {
    if (!known.includes(name)) {
      const suggestion = closestName(name, known);
      const hint = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
      throw new UsageError(`--${option}: the scenario has no ${noun} "${name}"${hint} (${noun === "policy" ? "policies" : `${noun}s`}: ${known.join(", ")})`);
    }
    if (seen.has(name)) throw new UsageError(`--${option}: "${name}" is given twice`);
    seen.add(name);
  }
  return [...given];
}
