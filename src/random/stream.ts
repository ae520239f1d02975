import { runGenerator } from "./_internals/run-generator.js";
import { checkIndex, seedText } from "./_internals/seed-key.js";

/**
 * The random stream of one run: uniform numbers strictly inside (0, 1) that depend on
 * (seed, runIndex) only, never on a worker, a shard or the order runs are executed in.
 *
 * Method: seedrandom's Alea generator (Baagøe 2010, a multiply-with-carry variant that
 * passes BigCrush; https://github.com/davidbau/seedrandom), keyed by the string
 * `chokepoint/run/<runIndex>/<seed>` and read through `double()` for 53-bit uniforms
 * k/2^53. An exact 0 (probability 2^-53 per draw) becomes 2^-54, so inverse-CDF samplers
 * never see 0 and never return an infinite value; 1 cannot occur. A number seed is used
 * as JavaScript prints it, so `42` and `"42"` give the same streams.
 *
 * @param seed - the experiment's seed: a non-empty string or a finite number.
 * @param runIndex - the run's index, a safe integer >= 0.
 * @returns a function giving the run's next uniform on each call.
 * @throws {InputError} if the seed is an empty string or not a finite number, or the
 *   run index is not a non-negative safe integer.
 * @example
 * const next = runStream("demo", 0);
 * next(); // => 0.48643146756389766
 * next(); // => 0.28096173774169997
 */
export function runStream(seed: string | number, runIndex: number): () => number {
  const text = seedText(seed);
  checkIndex("runIndex", runIndex, 0);
  return runGenerator(text, runIndex);
}

/**
 * The text a seed stands for in every stream key: the string itself, or the number as
 * JavaScript prints it (`42` and `"42"` name the same streams). For keys of derived streams
 * (`abc-propose/3/<seed>`), so that they are keyed exactly as `runStream` keys runs.
 *
 * @param seed - a non-empty string or a finite number.
 * @returns the seed's text.
 * @throws {InputError} unless the seed is a non-empty string or a finite number.
 * @example
 * seedString(42); // => "42"
 * runStream(`abc-propose/1/${seedString(42)}`, 0)(); // proposal 0's first uniform
 */
export function seedString(seed: string | number): string {
  return seedText(seed);
}
