/**
 * A keyed pseudo-random permutation of {0, ..., n - 1} for any n up to 2^32, evaluated
 * at one point in O(1) memory: a balanced Feistel network (Luby & Rackoff 1988) on the
 * 2h-bit words, 4^h the least power of four >= n, with cycle-walking (Black & Rogaway
 * 2002, "Ciphers with arbitrary finite domains") into [0, n): apply the network until the
 * value falls below n. A Feistel network is a bijection whatever its round function, and
 * cycle-walking a bijection of a superset restricts it to a bijection of the subset, so
 * the result is a permutation; since 4^h < 4n, the expected number of passes is below 4.
 *
 * Round function: Chris Wellons' `lowbias32` integer hash (hash-prospector, 2020) of the
 * right half XOR a 32-bit round key, masked to h bits; FEISTEL_ROUNDS rounds.
 */

export const FEISTEL_ROUNDS = 8;
/** Largest domain: h <= 16, so halves fit 16 bits and words 32. */
export const FEISTEL_MAX_SIZE = 2 ** 32;

/** The least h with 4^h >= n (0 for n = 1). */
export function feistelHalfBits(n: number): number {
  let h = 0;
  while (4 ** h < n) h++;
  return h;
}

function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x;
}

/**
 * The image of `index` (in [0, n)) under the permutation keyed by
 * `keys[offset .. offset + FEISTEL_ROUNDS - 1]`; `halfBits` is `feistelHalfBits(n)`.
 */
export function feistelPermute(
  index: number,
  n: number,
  halfBits: number,
  keys: Uint32Array,
  offset: number,
): number {
  if (halfBits === 0) return 0;
  const mask = (1 << halfBits) - 1;
  const halfSize = mask + 1;
  let x = index;
  do {
    let left = x >>> halfBits;
    let right = x & mask;
    for (let round = 0; round < FEISTEL_ROUNDS; round++) {
      const next = (left ^ lowbias32(right ^ (keys[offset + round] as number))) & mask;
      left = right;
      right = next;
    }
    x = left * halfSize + right;
  } while (x >= n);
  return x;
}
