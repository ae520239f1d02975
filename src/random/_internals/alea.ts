// seedrandom's Alea generator (Johannes Baagøe's algorithm, 2010). `seedrandom/lib/alea.js`
// is a CommonJS module (`module.exports = impl`) that its types (@types/seedrandom, for
// the package root only) do not cover, so the import is untyped and its shape is
// declared here. Node's ESM loader and bundlers both hand a CommonJS module.exports over
// as the default import. An ambient `declare module` would work with `tsc` but not with
// declaration bundlers that build a program from the entry points alone.
// @ts-ignore TS7016: no declaration file for "seedrandom/lib/alea.js"; typed below
import aleaUntyped from "seedrandom/lib/alea.js";

/** An Alea generator: `()` gives 32-bit uniforms in [0, 1), `double()` 53-bit ones. */
export interface AleaGenerator {
  (): number;
  /** A uniform k / 2^53 for an integer k in [0, 2^53). */
  double(): number;
  /** A signed 32-bit integer. */
  int32(): number;
}

/** Create an Alea generator keyed by a string (hashed with Baagøe's Mash). */
export const createAlea = aleaUntyped as (seed: string) => AleaGenerator;
