import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leontiefInverse, spectralRadius } from "../../src/input-output/index.js";
import { millerBlair, nonNegativeMatrix, rows, transposeOf } from "./_helpers.js";

describe("spectralRadius", () => {
  it("gives the Perron root of the Miller & Blair (2009) A", () => {
    // Eigenvalues of [[0.15, 0.25], [0.2, 0.05]]: 0.1 +- sqrt(0.0025 + 0.05).
    expect(spectralRadius(rows(millerBlair.A))).toBeCloseTo(0.1 + Math.sqrt(0.0525), 12);
  });

  it("handles periodic, reducible, triangular, zero and 1 x 1 matrices", () => {
    expect(spectralRadius([[0, 0.8], [0.2, 0]])).toBeCloseTo(0.4, 12); // eigenvalues +-0.4
    expect(spectralRadius([[0, 0.5, 0], [0, 0, 0.5], [0.5, 0, 0]])).toBeCloseTo(0.5, 12); // period 3
    expect(spectralRadius([[0.5, 0], [0, 0.3]])).toBeCloseTo(0.5, 12);
    expect(spectralRadius([[0.2, 5], [0, 0.7]])).toBeCloseTo(0.7, 10);
    expect(spectralRadius([[0, 0], [0, 0]])).toBe(0);
    expect(spectralRadius([[0.25]])).toBe(0.25);
  });

  it("rejects negative entries (general real matrices are not supported)", () => {
    expect(() => spectralRadius([[0.5, -0.1], [0.2, 0.3]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A[0][1]: expected a non-negative number, found -0.1]`);
  });

  const matrix = fc.integer({ min: 1, max: 6 }).chain((n) => nonNegativeMatrix(n));

  it("property: equals the closed form for 2 x 2 matrices", () => {
    fc.assert(
      fc.property(nonNegativeMatrix(2), (A) => {
        const [[a, b], [c, d]] = A as [[number, number], [number, number]];
        const closedForm = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * c);
        expect(Math.abs(spectralRadius(A) - closedForm)).toBeLessThanOrEqual(1e-10);
      }),
    );
  });

  it("property: rho(cA) = c rho(A) and rho(A') = rho(A)", () => {
    fc.assert(
      fc.property(matrix, fc.double({ min: 0.01, max: 100, noNaN: true }), (A, c) => {
        const rho = spectralRadius(A);
        expect(Math.abs(spectralRadius(A.map((row) => row.map((v) => c * v))) - c * rho)).toBeLessThanOrEqual(1e-9 * Math.max(1, c * rho));
        expect(Math.abs(spectralRadius(transposeOf(A)) - rho)).toBeLessThanOrEqual(1e-9 * Math.max(1, rho));
      }),
    );
  });

  it("property: lies between the smallest and the largest row sum", () => {
    fc.assert(
      fc.property(matrix, (A) => {
        const sums = A.map((row) => row.reduce((s, v) => s + v, 0));
        const rho = spectralRadius(A);
        expect(rho).toBeGreaterThanOrEqual(Math.min(...sums) - 1e-12);
        expect(rho).toBeLessThanOrEqual(Math.max(...sums) + 1e-12);
      }),
    );
  });

  it("property: A is accepted by leontiefInverse exactly when its spectral radius is < 1", () => {
    fc.assert(
      fc.property(matrix, (A) => {
        const rho = spectralRadius(A);
        fc.pre(Math.abs(rho - 1) > 1e-9);
        if (rho < 1) expect(() => leontiefInverse(A)).not.toThrow();
        else expect(() => leontiefInverse(A)).toThrow(/not productive/);
      }),
    );
  });
});
