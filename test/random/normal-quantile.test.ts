import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { normalCdf, normalQuantile } from "../../src/random/index.js";
import { relativeError } from "./_helpers/accuracy.js";

// z with Φ(z) = p for the double nearest p, solved with mpmath 1.3.0 (mp.dps = 50,
// findroot on mp.ncdf). Familiar table values: z(0.975) = 1.959964, z(0.95) = 1.644854,
// z(0.75) = 0.674490; Wichura (1988) quotes PPND16 to about 1e-16.
const REFERENCE: readonly [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965326],
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [1e-5, -4.264890793922825],
  [0.001, -3.0902323061678136],
  [0.01, -2.326347874040841],
  [0.025, -1.9599639845400543],
  [0.05, -1.6448536269514726],
  [0.1, -1.2815515655446004],
  [0.25, -0.6744897501960817],
  [0.4, -0.2533471031357997],
  [0.5, 0],
  [0.6, 0.2533471031357997],
  [0.75, 0.6744897501960817],
  [0.9, 1.2815515655446006],
  [0.975, 1.9599639845400538],
  [0.99, 2.3263478740408408],
  [0.999, 3.090232306167813],
];

describe("normalQuantile", () => {
  it.each(REFERENCE)("Φ⁻¹(%d) is within 4 ulp of mpmath", (p, want) => {
    const got = normalQuantile(p);
    if (want === 0) expect(got).toBe(0);
    else expect(relativeError(got, want)).toBeLessThanOrEqual(4 * Number.EPSILON);
  });

  it("inverts normalCdf (where Φ(z) is not too close to 1 to resolve z)", () => {
    for (const z of [-35, -12, -6, -2.5, -0.3, 0.01, 0.9, 2]) {
      expect(Math.abs(normalQuantile(normalCdf(z)) - z)).toBeLessThan(1e-14 * Math.max(1, Math.abs(z)));
    }
  });

  it("is finite on the whole open interval and infinite at its ends", () => {
    expect(normalQuantile(Number.MIN_VALUE)).toBeCloseTo(-38.4674, 3);
    expect(normalQuantile(1 - 2 ** -53)).toBeCloseTo(8.2095, 3);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it("refuses probabilities outside [0, 1]", () => {
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => normalQuantile(p)).toThrow(InputError);
    expect(() => normalQuantile(2)).toThrow("p: expected a probability in [0, 1], found 2");
  });
});
