import { describe, expect, it } from "vitest";
import { dynamicInoperability, resilienceCoefficient } from "../../src/input-output/index.js";

describe("resilienceCoefficient", () => {
  // No worked value of k from Lian & Haimes (2006) was found in a source we could read;
  // these tests check the formula k = -ln(lambda) / (T (1 - a*_ii)) and its meaning.

  it("computes k = ln(100) / (T (1 - a*_ii)) with the default lambda = 0.01", () => {
    expect(resilienceCoefficient({ recoveryTime: 30, selfDependence: 0.05 })).toBeCloseTo(Math.log(100) / 28.5, 14);
    expect(resilienceCoefficient({ recoveryTime: 30, selfDependence: 0.05 })).toBe(
      resilienceCoefficient({ recoveryTime: 30, selfDependence: 0.05, finalInoperabilityRatio: 0.01 }),
    );
  });

  it("uses the given final inoperability ratio", () => {
    expect(resilienceCoefficient({ recoveryTime: 10, selfDependence: 0, finalInoperabilityRatio: 0.5 })).toBeCloseTo(Math.log(2) / 10, 14);
  });

  it("makes a sector recovering on its own reach lambda q0 after about T periods of the discrete model", () => {
    // Continuous time: q(t) = exp(-k (1 - a) t) q(0) = lambda q(0) at t = T. The discrete
    // DIIM, (1 - k (1 - a))^T, is close to it when k (1 - a) is small.
    const selfDependence = 0.2;
    const recoveryTime = 300;
    const k = resilienceCoefficient({ recoveryTime, selfDependence });
    const path = dynamicInoperability({ Astar: [[selfDependence]], K: [k], cstar: [0], q0: [0.5], steps: recoveryTime });
    expect(path[recoveryTime]![0]! / 0.5).toBeGreaterThan(0.009);
    expect(path[recoveryTime]![0]! / 0.5).toBeLessThan(0.011);
  });

  it("rejects a recovery time <= 0, a ratio outside (0, 1) and a self-dependence outside [0, 1)", () => {
    expect(() => resilienceCoefficient({ recoveryTime: 0, selfDependence: 0.1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: recoveryTime: expected a number > 0, found 0]`);
    expect(() => resilienceCoefficient({ recoveryTime: 10, selfDependence: 0.1, finalInoperabilityRatio: 1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: finalInoperabilityRatio: expected a number in (0, 1), found 1]`);
    expect(() => resilienceCoefficient({ recoveryTime: 10, selfDependence: 1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: selfDependence: expected a number in [0, 1), found 1]`);
    expect(() => resilienceCoefficient({ recoveryTime: Number.NaN, selfDependence: 0.1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: recoveryTime: expected a finite number, found NaN]`);
  });
});
