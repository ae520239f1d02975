import { SOBOL_DIRECTION_ROWS } from "./sobol-directions.js";

/** Bits per Sobol' coordinate: the direction numbers are 32-bit integers. */
export const SOBOL_BITS = 32;

/**
 * The direction integers v_{d,k} (k = 1..32) of dimensions 1..`dimensions`, as 32-bit
 * integers at [d * 32 + k - 1]: v_{d,k} = m_{d,k} * 2^(32 - k), with m_k for k > s from
 * Bratley & Fox's recurrence m_k = 2 a_1 m_{k-1} ^ 4 a_2 m_{k-2} ^ ... ^ 2^(s-1) a_{s-1}
 * m_{k-s+1} ^ 2^s m_{k-s} ^ m_{k-s} (Joe & Kuo's notes, "Sobol sequence generator").
 * The caller checks `dimensions <= SOBOL_MAX_DIMENSIONS`.
 */
export function sobolDirections(dimensions: number): Uint32Array {
  const directions = new Uint32Array(dimensions * SOBOL_BITS);
  const m = new Float64Array(SOBOL_BITS + 1);
  let offset = 0;
  for (let d = 0; d < dimensions; d++) {
    if (d === 0) {
      for (let k = 1; k <= SOBOL_BITS; k++) m[k] = 1;
    } else {
      const s = SOBOL_DIRECTION_ROWS[offset]!;
      const a = SOBOL_DIRECTION_ROWS[offset + 1]!;
      for (let k = 1; k <= s; k++) m[k] = SOBOL_DIRECTION_ROWS[offset + 1 + k]!;
      offset += 2 + s;
      for (let k = s + 1; k <= SOBOL_BITS; k++) {
        // Values stay below 2^k <= 2^32: XOR them as unsigned 32-bit integers.
        let value = (m[k - s]! ^ ((m[k - s]! * 2 ** s) >>> 0)) >>> 0;
        for (let i = 1; i < s; i++) {
          if (((a >>> (s - 1 - i)) & 1) === 1) value = (value ^ ((m[k - i]! * 2 ** i) >>> 0)) >>> 0;
        }
        m[k] = value;
      }
    }
    for (let k = 1; k <= SOBOL_BITS; k++) directions[d * SOBOL_BITS + k - 1] = (m[k]! * 2 ** (SOBOL_BITS - k)) >>> 0;
  }
  return directions;
}

/**
 * The unscrambled Sobol' point `index`'s coordinate in dimension `dimension` (0-based), as
 * a 32-bit integer x (the coordinate is x / 2^32), in Gray-code order as Joe & Kuo's and
 * Antonov & Saleev's generators give it: the XOR of the direction integers of the set bits
 * of index ^ (index >> 1). `index` is an integer in [0, 2^32).
 */
export function sobolInteger(directions: Uint32Array, dimension: number, index: number): number {
  let x = 0;
  let rest = (index ^ (index >>> 1)) >>> 0;
  for (let k = dimension * SOBOL_BITS; rest !== 0; k++, rest >>>= 1) {
    if ((rest & 1) === 1) x ^= directions[k]!;
  }
  return x >>> 0;
}

/** Chris Wellons' "triple32" integer hash, a bijection of 32-bit integers with low bias. */
export function hash32(value: number): number {
  let v = value >>> 0;
  v ^= v >>> 17;
  v = Math.imul(v, 0xed5ad4bb);
  v ^= v >>> 11;
  v = Math.imul(v, 0xac4c1b51);
  v ^= v >>> 15;
  v = Math.imul(v, 0x31848bab);
  v ^= v >>> 14;
  return v >>> 0;
}

/**
 * Owen's nested uniform scrambling of a 32-bit coordinate x, with the random bit of each
 * node of the binary tree drawn by hashing: digit k (from the top, k = 0..31) is flipped
 * when the top bit of hash(hash(node ^ key0) ^ key1) is set, where node = 2^k + (x's top
 * k digits) numbers the node uniquely. So a digit's flip depends on the digits above it
 * and on the keys only, which is Owen's scrambling (Owen 1995) with hashed rather than
 * stored permutations (as in Burley 2020). Returns the scrambled 32-bit integer.
 */
export function owenScramble(x: number, key0: number, key1: number): number {
  let flips = 0;
  for (let k = 0; k < SOBOL_BITS; k++) {
    const prefix = k === 0 ? 0 : x >>> (SOBOL_BITS - k);
    const node = ((1 << k) >>> 0) + prefix;
    const bit = hash32(hash32((node ^ key0) >>> 0) ^ key1) >>> 31;
    flips |= bit << (SOBOL_BITS - 1 - k);
  }
  return (x ^ flips) >>> 0;
}

