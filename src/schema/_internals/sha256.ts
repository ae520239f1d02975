// SHA-256 (FIPS 180-4) of a text's UTF-8 bytes, in plain TypeScript: the main entry runs in
// any JavaScript runtime, where neither `node:crypto` nor a synchronous Web Crypto digest
// can be counted on (`crypto.subtle` is asynchronous, and missing outside secure contexts).
// Checked against the NIST example vectors (test/schema/scenario-hash.test.ts). Used for
// fingerprints of inputs, never for secrets.

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
  0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
  0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19] as const;

/** UTF-16 units encoded per step; the buffer holds what is left of the last step (< 64 bytes), 3 bytes a unit and a few more (a surrogate pair split between steps). */
const CHUNK_CHARS = 1 << 14;
const BLOCK_BYTES = 3 * CHUNK_CHARS + 128;

/** An incremental SHA-256 of UTF-8 text: `update` with pieces, then `hex` once. */
export class Sha256 {
  private readonly state = Int32Array.from(INITIAL);
  private readonly w = new Int32Array(64);
  /** Bytes not yet compressed (fewer than 64 after each update), then room for the next piece's. */
  private readonly buffer = new Uint8Array(BLOCK_BYTES);
  private buffered = 0;
  /** Bytes hashed so far (exact up to 2^53). */
  private length = 0;
  /** A high surrogate that ended the last piece, to pair with the next piece's first unit. */
  private pendingHigh = -1;

  /** Add `text` (its UTF-8 bytes; a lone surrogate counts as U+FFFD, as TextEncoder has it). */
  update(text: string): this {
    for (let start = 0; start < text.length; start += CHUNK_CHARS) this.encode(text, start, Math.min(text.length, start + CHUNK_CHARS));
    return this;
  }

  /** The digest, as 64 lower-case hex digits. The hash takes no more updates after it. */
  hex(): string {
    if (this.pendingHigh >= 0) {
      this.buffered = putCodePoint(this.buffer, this.buffered, 0xfffd);
      this.length += 3;
    }
    this.pendingHigh = -2;
    const bits = this.length * 8;
    const tail = new Uint8Array(((this.buffered + 8) >> 6) * 64 + 64 - this.buffered);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(tail.length - 4, bits >>> 0);
    this.buffer.set(tail, this.buffered);
    this.compress(this.buffered + tail.length);
    return Array.from(this.state, (word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
  }

  private encode(text: string, start: number, end: number): void {
    if (this.pendingHigh === -2) throw new Error("internal error: SHA-256 updated after its digest");
    const b = this.buffer;
    let n = this.buffered;
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80 && this.pendingHigh < 0) {
        b[n++] = code;
        continue;
      }
      if (this.pendingHigh >= 0) {
        const high = this.pendingHigh;
        this.pendingHigh = -1;
        if (code >= 0xdc00 && code <= 0xdfff) {
          n = putCodePoint(b, n, 0x10000 + ((high - 0xd800) << 10) + (code - 0xdc00));
          continue;
        }
        n = putCodePoint(b, n, 0xfffd);
        if (code < 0x80) {
          b[n++] = code;
          continue;
        }
      }
      if (code >= 0xd800 && code <= 0xdbff) this.pendingHigh = code;
      else {
        if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
        n = putCodePoint(b, n, code);
      }
    }
    this.length += n - this.buffered;
    const whole = n & ~63;
    this.compress(whole);
    b.copyWithin(0, whole, n);
    this.buffered = n - whole;
  }

  /** Compress the buffer's first `bytes` bytes (a multiple of 64). */
  private compress(bytes: number): void {
    const { state, w, buffer: b } = this;
    for (let offset = 0; offset < bytes; offset += 64) {
      for (let i = 0; i < 16; i++) {
        const j = offset + 4 * i;
        w[i] = (b[j]! << 24) | (b[j + 1]! << 16) | (b[j + 2]! << 8) | b[j + 3]!;
      }
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15]!;
        const y = w[i - 2]!;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
      }
      let a = state[0]!;
      let bb = state[1]!;
      let c = state[2]!;
      let d = state[3]!;
      let e = state[4]!;
      let f = state[5]!;
      let g = state[6]!;
      let h = state[7]!;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = bb;
        bb = a;
        a = (t1 + t2) | 0;
      }
      state[0] = (state[0]! + a) | 0;
      state[1] = (state[1]! + bb) | 0;
      state[2] = (state[2]! + c) | 0;
      state[3] = (state[3]! + d) | 0;
      state[4] = (state[4]! + e) | 0;
      state[5] = (state[5]! + f) | 0;
      state[6] = (state[6]! + g) | 0;
      state[7] = (state[7]! + h) | 0;
    }
  }
}

/** Write a code point's UTF-8 bytes (two to four: ASCII is written by the caller) at `n`; returns the end. */
function putCodePoint(b: Uint8Array, n: number, code: number): number {
  if (code < 0x800) {
    b[n++] = 0xc0 | (code >> 6);
  } else if (code < 0x10000) {
    b[n++] = 0xe0 | (code >> 12);
    b[n++] = 0x80 | ((code >> 6) & 63);
  } else {
    b[n++] = 0xf0 | (code >> 18);
    b[n++] = 0x80 | ((code >> 12) & 63);
    b[n++] = 0x80 | ((code >> 6) & 63);
  }
  b[n++] = 0x80 | (code & 63);
  return n;
}

/** SHA-256 of `text`'s UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return new Sha256().update(text).hex();
}
