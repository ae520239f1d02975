import { describe, expect, it } from "vitest";
import { distributionProblems } from "../../src/random/index.js";
import type { DistributionSpec } from "../../src/schema/distribution.js";

/** A spec as it might arrive from code that bypassed the schema (wrong types, NaN). */
const unchecked = (spec: unknown): DistributionSpec => spec as DistributionSpec;

describe("distributionProblems", () => {
  it("finds nothing wrong with valid specs", () => {
    const valid: DistributionSpec[] = [
      { type: "uniform", min: 0, max: 1 },
      { type: "triangular", min: 0, mode: 0, max: 1 },
      { type: "pert", min: 1, mode: 3, max: 3, lambda: 0.5, truncate: { min: 2 } },
      { type: "normal", mean: -5, sd: 1e-9, truncate: {} },
      { type: "lognormal", mu: 3, sigma: 2, truncate: { max: 100 } },
      { type: "beta", alpha: 0.1, beta: 40, min: -3, max: 3 },
      { type: "bernoulli", p: 0 },
      { type: "categorical", values: [1, 2], weights: [0, 3] },
      { type: "constant", value: 0 },
      { type: "normal", mean: 0, sd: 1, truncate: { min: 5.9 } },
    ];
    for (const spec of valid) expect(distributionProblems(spec)).toEqual([]);
  });

  it("checks ranges and orderings of the parameters", () => {
    expect(distributionProblems({ type: "uniform", min: 3, max: 1 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected max > min (3), found 1",
          "path": "max",
        },
      ]
    `);
    expect(distributionProblems({ type: "triangular", min: 0, mode: 2, max: 1 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected min <= mode <= max, i.e. a mode in [0, 1], found 2",
          "path": "mode",
        },
      ]
    `);
    expect(distributionProblems({ type: "pert", min: 0, mode: -1, max: 0, lambda: -4 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected max > min (0), found 0",
          "path": "max",
        },
        {
          "message": "expected lambda > 0 (4 gives the classic PERT), found -4",
          "path": "lambda",
        },
      ]
    `);
    expect(distributionProblems({ type: "normal", mean: 0, sd: 0 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected sd > 0, found 0",
          "path": "sd",
        },
      ]
    `);
    expect(distributionProblems({ type: "lognormal", mu: 0, sigma: -0.5 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected sigma > 0, found -0.5",
          "path": "sigma",
        },
      ]
    `);
    expect(distributionProblems({ type: "beta", alpha: 0, beta: -1, min: 5, max: 5 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected alpha > 0, found 0",
          "path": "alpha",
        },
        {
          "message": "expected beta > 0, found -1",
          "path": "beta",
        },
        {
          "message": "expected max > min (5), found 5",
          "path": "max",
        },
      ]
    `);
    expect(distributionProblems({ type: "beta", alpha: 2, beta: 2, min: 3 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected min < max (1, the default), found 3",
          "path": "min",
        },
      ]
    `);
    expect(distributionProblems({ type: "bernoulli", p: 1.5 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a probability in [0, 1], found 1.5",
          "path": "p",
        },
      ]
    `);
  });

  it("checks categorical weights one by one, their count and their sum", () => {
    expect(distributionProblems({ type: "categorical", values: [1, 2, 3], weights: [1, 2, -0.5] })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a weight >= 0, found -0.5",
          "path": "weights[2]",
        },
      ]
    `);
    expect(distributionProblems({ type: "categorical", values: [1, 2, 3], weights: [1, 2] })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected one weight per value (3), found 2",
          "path": "weights",
        },
      ]
    `);
    expect(distributionProblems({ type: "categorical", values: [1, 2], weights: [0, 0] })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected weights with a positive sum, found all 0",
          "path": "weights",
        },
      ]
    `);
    expect(distributionProblems(unchecked({ type: "categorical", values: [], weights: [Number.NaN] }))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected at least one entry, found an empty array",
          "path": "values",
        },
        {
          "message": "expected a finite number, found NaN",
          "path": "weights[0]",
        },
      ]
    `);
  });

  it("checks truncation bounds and the probability they leave", () => {
    expect(distributionProblems({ type: "normal", mean: 0, sd: 1, truncate: { min: 8, max: 9 } })).toMatchInlineSnapshot(`
      [
        {
          "message": "the interval [8, 9] has probability 6.2e-16 under normal(0, 1), below the minimum of 1e-9; widen or move it",
          "path": "truncate",
        },
      ]
    `);
    expect(distributionProblems({ type: "normal", mean: 0, sd: 1, truncate: { min: 2, max: 1 } })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected truncate.max > truncate.min (2), found 1",
          "path": "truncate.max",
        },
      ]
    `);
    expect(distributionProblems({ type: "uniform", min: 0, max: 1, truncate: { min: 2, max: 3 } })).toMatchInlineSnapshot(`
      [
        {
          "message": "the interval [2, 3] has probability 0 under uniform(0, 1), below the minimum of 1e-9; widen or move it",
          "path": "truncate",
        },
      ]
    `);
    expect(distributionProblems({ type: "lognormal", mu: 0, sigma: 1, truncate: { max: -1 } })).toMatchInlineSnapshot(`
      [
        {
          "message": "the interval (-∞, -1] has probability 0 under lognormal(mu=0, sigma=1), below the minimum of 1e-9; widen or move it",
          "path": "truncate",
        },
      ]
    `);
    expect(distributionProblems({ type: "normal", mean: 0, sd: 1, truncate: { max: -7 } })).toMatchInlineSnapshot(`
      [
        {
          "message": "the interval (-∞, -7] has probability 1.3e-12 under normal(0, 1), below the minimum of 1e-9; widen or move it",
          "path": "truncate",
        },
      ]
    `);
    expect(distributionProblems({ type: "beta", alpha: 50, beta: 2, truncate: { max: 0.3 } })).toMatchInlineSnapshot(`
      [
        {
          "message": "the interval (-∞, 0.3] has probability 2.6e-25 under beta(50, 2), below the minimum of 1e-9; widen or move it",
          "path": "truncate",
        },
      ]
    `);
  });

  it("reports every problem at once, not only the first", () => {
    expect(
      distributionProblems({ type: "pert", min: 5, mode: 1, max: 4, lambda: 0, truncate: { min: 3, max: 3 } }),
    ).toMatchInlineSnapshot(`
      [
        {
          "message": "expected max > min (5), found 4",
          "path": "max",
        },
        {
          "message": "expected lambda > 0 (4 gives the classic PERT), found 0",
          "path": "lambda",
        },
        {
          "message": "expected truncate.max > truncate.min (3), found 3",
          "path": "truncate.max",
        },
      ]
    `);
  });

  it("refuses numbers that are not finite, and missing or mistyped fields", () => {
    expect(distributionProblems({ type: "normal", mean: Number.NaN, sd: Infinity })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a finite number, found NaN",
          "path": "mean",
        },
        {
          "message": "expected a finite number, found Infinity",
          "path": "sd",
        },
      ]
    `);
    expect(distributionProblems(unchecked({ type: "uniform", min: "0", max: 1, truncate: { min: Number.NaN } }))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a finite number, found "0"",
          "path": "min",
        },
        {
          "message": "expected a finite number, found NaN",
          "path": "truncate.min",
        },
      ]
    `);
    expect(distributionProblems(unchecked({ type: "triangular", min: 0, max: 1 }))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a finite number, found nothing",
          "path": "mode",
        },
      ]
    `);
    expect(distributionProblems(unchecked({ type: "poisson", lambda: 3 }))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected one of uniform, triangular, pert, normal, lognormal, beta, bernoulli, categorical, constant; found "poisson"",
          "path": "type",
        },
      ]
    `);
    expect(distributionProblems(unchecked(null))).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a distribution object with a type, found null",
          "path": "",
        },
      ]
    `);
  });

  it("refuses parameters whose moments or draws overflow double precision", () => {
    expect(distributionProblems({ type: "lognormal", mu: 0, sigma: 30 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected parameters whose mean and variance are finite in double precision, found mean 2.7071782767869983e+195 and variance ∞ for lognormal(mu=0, sigma=30)",
          "path": "",
        },
      ]
    `);
    expect(distributionProblems({ type: "lognormal", mu: 700, sigma: 0.1 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected parameters whose mean and variance are finite in double precision, found mean 1.0193159140656323e+304 and variance ∞ for lognormal(mu=700, sigma=0.1)",
          "path": "",
        },
      ]
    `);
    expect(distributionProblems({ type: "uniform", min: -1e308, max: 1e308 })).toMatchInlineSnapshot(`
      [
        {
          "message": "expected parameters whose mean and variance are finite in double precision, found mean ∞ and variance ∞ for uniform(-1e+308, 1e+308)",
          "path": "",
        },
      ]
    `);
  });
});
