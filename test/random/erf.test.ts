import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { erf, erfc } from "../../src/random/index.js";
import { relativeError } from "./_helpers/accuracy.js";

// erf and erfc at the double nearest each x, computed with mpmath 1.3.0 (mp.dps = 50).
// They agree with Abramowitz & Stegun Table 7.1 (erf(1) = 0.8427007929, erf(2) = 0.9953222650)
// and with the tail erfc(10) = 2.0884875837625e-45 of DLMF 7.12.1.
const ERF: readonly [number, number][] = [
  [-3, -0.9999779095030014],
  [-1, -0.8427007929497149],
  [-0.5, -0.5204998778130465],
  [1e-10, 1.1283791670955126e-10],
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [0.84375, 0.7672256612323416],
  [1, 0.8427007929497149],
  [1.25, 0.9229001282564583],
  [2, 0.9953222650189527],
  [3, 0.9999779095030014],
  [5.9, 0.9999999999999999],
];
const ERFC: readonly [number, number][] = [
  [-2, 1.9953222650189528],
  [-0.3, 1.3286267594591274],
  [0.01, 0.9887165844441503],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [2, 0.004677734981047266],
  [3, 2.209049699858544e-5],
  [5, 1.537459794428035e-12],
  [10, 2.088487583762545e-45],
  [20, 5.395865611607901e-176],
  [26, 5.663192408856143e-296],
];

describe("erf", () => {
  it.each(ERF)("erf(%d) is within 2 ulp of mpmath", (x, want) => {
    expect(relativeError(erf(x), want)).toBeLessThanOrEqual(2 * Number.EPSILON);
  });

  it("is odd, 0 at 0 and ±1 at ±Infinity", () => {
    expect(Object.is(erf(0), 0)).toBe(true);
    expect(erf(-0.7)).toBe(-erf(0.7));
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
  });

  it("refuses NaN", () => {
    expect(() => erf(Number.NaN)).toThrow(InputError);
  });
});

describe("erfc", () => {
  it.each(ERFC)("erfc(%d) is within 2 ulp of mpmath", (x, want) => {
    expect(relativeError(erfc(x), want)).toBeLessThanOrEqual(2 * Number.EPSILON);
  });

  it("is 1 - erf where that does not cancel", () => {
    for (const x of [-1.5, -0.2, 0, 0.2, 0.6]) expect(relativeError(erfc(x), 1 - erf(x))).toBeLessThan(1e-15);
  });

  it("goes to 0 and 2 at the ends", () => {
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(30)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
  });

  it("refuses NaN", () => {
    expect(() => erfc(Number.NaN)).toThrow(InputError);
  });
});

describe("fdlibm constants", () => {
  it("every coefficient equals the IEEE 754 bit pattern given beside it in s_erf.c", () => {
    const source = readFileSync(new URL("../../src/random/erf.ts", import.meta.url), "utf8");
    const pattern = /= (-?[0-9.]+e-?\d+); \/\* 0x([0-9A-F]{8}), 0x([0-9A-F]{8}) \*\//g;
    const view = new DataView(new ArrayBuffer(8));
    let checked = 0;
    for (const match of source.matchAll(pattern)) {
      view.setFloat64(0, Number(match[1]));
      const bits = view.getUint32(0).toString(16).toUpperCase().padStart(8, "0") +
        view.getUint32(4).toString(16).toUpperCase().padStart(8, "0");
      expect(bits, match[0]).toBe(`${match[2]}${match[3]}`);
      checked++;
    }
    expect(checked).toBe(56);
  });
});
