// Morris screening on functions whose elementary effects are known.
import { describe, expect, it } from "vitest";
import { morrisScreening } from "../../src/analysis/morris.js";

/** Sobol' G function: prod_j (|4 u_j - 2| + a_j) / (1 + a_j); small a_j, important input. */
const gFunction = (a: readonly number[]) => (u: Float64Array) => a.reduce((product, aj, j) => (product * (Math.abs(4 * u[j]! - 2) + aj)) / (1 + aj), 1);

describe("morrisScreening", () => {
  it("gives the exact effects of a linear term and none for an unused input", () => {
    // f = 2 x1 - 3 x2 (x3 unused): every elementary effect of x1 is 2, of x2 -3
    const screening = morrisScreening((u) => 2 * u[0]! - 3 * u[1]!, { dimensions: 3, trajectories: 30, seed: 1 });
    const [x1, x2, x3] = screening.parameters;
    expect(x1).toMatchObject({ name: "x1", mu: expect.closeTo(2, 12), muStar: expect.closeTo(2, 12), sigma: expect.closeTo(0, 12) });
    expect(x2).toMatchObject({ mu: expect.closeTo(-3, 12), muStar: expect.closeTo(3, 12), sigma: expect.closeTo(0, 12) });
    expect(x3).toMatchObject({ mu: 0, muStar: 0, sigma: 0 });
    expect(screening.evaluations).toBe(30 * 4);
  });

  it("a quadratic input's effects depend on where the step is: sigma > 0, mu* = mean of 2x + delta", () => {
    // f = x^2: the effect of a step from x to x + 2/3 is 2x + 2/3, with x in {0, 1/3}: 2/3 or 4/3
    const screening = morrisScreening((u) => u[0]! ** 2, { dimensions: 1, trajectories: 200, seed: 2, bootstrap: 0 });
    const [x] = screening.parameters;
    expect(x!.muStar).toBeGreaterThan(2 / 3 + 0.2);
    expect(x!.muStar).toBeLessThan(4 / 3 - 0.2);
    expect(x!.sigma).toBeGreaterThan(0.25);
  });

  it("ranks the inputs of the Sobol' G function by their importance", () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const screening = morrisScreening(gFunction(a), { dimensions: a.length, trajectories: 50, seed: 3 });
    const muStar = screening.parameters.map((p) => p.muStar);
    for (let j = 1; j < 4; j++) expect(muStar[j]).toBeLessThan(muStar[j - 1]!);
    expect(Math.max(muStar[4]!, muStar[5]!)).toBeLessThan(muStar[3]!);
    for (const p of screening.parameters) {
      expect(p.muStarCi95Low).toBeLessThanOrEqual(p.muStar);
      expect(p.muStarCi95High).toBeGreaterThanOrEqual(p.muStar);
    }
  });

  it("is seeded, and refuses bad options and non-finite outputs", () => {
    const f = (u: Float64Array) => u[0]! * u[1]!;
    expect(morrisScreening(f, { dimensions: 2, trajectories: 5, seed: 9 })).toEqual(morrisScreening(f, { dimensions: 2, trajectories: 5, seed: 9 }));
    expect(() => morrisScreening(f, { dimensions: 2, trajectories: 5, seed: 9, levels: 3 })).toThrow("options.levels: expected an even whole number");
    expect(() => morrisScreening(f, { dimensions: 2, trajectories: 1, seed: 9 })).toThrow("options.trajectories");
    expect(() => morrisScreening(() => Number.NaN, { dimensions: 1, trajectories: 2, seed: 9 })).toThrow(/^model: expected a finite output, found NaN at \[/);
    expect(() => morrisScreening(f, { dimensions: 2, trajectories: 5, seed: 9, names: ["a"] })).toThrow("options.names: expected 2 names");
  });
});
