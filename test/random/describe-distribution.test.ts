import { describe, expect, it } from "vitest";
import { describeDistribution } from "../../src/random/index.js";

describe("describeDistribution", () => {
  it("writes each family with its parameters in the spec's order", () => {
    expect(describeDistribution({ type: "uniform", min: 0, max: 1 })).toBe("uniform(0, 1)");
    expect(describeDistribution({ type: "triangular", min: 0.1, mode: 0.3, max: 0.6 })).toBe("triangular(0.1, 0.3, 0.6)");
    expect(describeDistribution({ type: "pert", min: 1, mode: 2, max: 5 })).toBe("pert(1, 2, 5)");
    expect(describeDistribution({ type: "pert", min: 1, mode: 2, max: 5, lambda: 4 })).toBe("pert(1, 2, 5)");
    expect(describeDistribution({ type: "pert", min: 1, mode: 2, max: 5, lambda: 6 })).toBe("pert(1, 2, 5, lambda=6)");
    expect(describeDistribution({ type: "normal", mean: 0, sd: 1 })).toBe("normal(0, 1)");
    expect(describeDistribution({ type: "lognormal", mu: -0.5, sigma: 0.25 })).toBe("lognormal(mu=-0.5, sigma=0.25)");
    expect(describeDistribution({ type: "beta", alpha: 2, beta: 5 })).toBe("beta(2, 5)");
    expect(describeDistribution({ type: "beta", alpha: 2, beta: 5, min: 10 })).toBe("beta(2, 5) on [10, 1]");
    expect(describeDistribution({ type: "beta", alpha: 2, beta: 5, min: 10, max: 20 })).toBe("beta(2, 5) on [10, 20]");
    expect(describeDistribution({ type: "bernoulli", p: 0.3 })).toBe("bernoulli(0.3)");
    expect(describeDistribution({ type: "categorical", values: [1, 2], weights: [3, 1] })).toBe(
      "categorical(values [1, 2], weights [3, 1])",
    );
    expect(describeDistribution({ type: "constant", value: 1e21 })).toBe("constant(1e+21)");
  });

  it("adds the truncation, with ∞ for an open side", () => {
    expect(describeDistribution({ type: "normal", mean: 0, sd: 1, truncate: { min: 0 } })).toBe(
      "normal(0, 1) truncated to [0, ∞)",
    );
    expect(describeDistribution({ type: "lognormal", mu: 0, sigma: 1, truncate: { max: 5 } })).toBe(
      "lognormal(mu=0, sigma=1) truncated to (-∞, 5]",
    );
    expect(describeDistribution({ type: "uniform", min: 0, max: 9, truncate: { min: 1, max: 2 } })).toBe(
      "uniform(0, 9) truncated to [1, 2]",
    );
    expect(describeDistribution({ type: "uniform", min: 0, max: 9, truncate: {} })).toBe("uniform(0, 9) truncated to (-∞, ∞)");
  });
});
