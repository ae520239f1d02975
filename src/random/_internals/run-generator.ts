import { createAlea } from "./alea.js";

/** 2^-54: what an exact 0 from the generator becomes, below its smallest positive value 2^-53. */
const ZERO_REPLACEMENT = 2 ** -54;

/**
 * The uniform stream of run `runIndex`, from an already checked seed text: Alea keyed by
 * `chokepoint/run/<runIndex>/<seed>` (the run index, digits only, ends at the slash, so
 * distinct (seed, run) pairs give distinct keys), 53-bit values from `double()`, an exact
 * 0 replaced by 2^-54 so every value is in (0, 1).
 */
export function runGenerator(seed: string, runIndex: number): () => number {
  const generator = createAlea(`chokepoint/run/${runIndex}/${seed}`);
  return () => {
    const u = generator.double();
    return u === 0 ? ZERO_REPLACEMENT : u;
  };
}
