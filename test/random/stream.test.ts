import { describe, expect, it, vi } from "vitest";
import { InputError } from "../../src/errors.js";
import { runStream } from "../../src/random/index.js";
import { ksCriticalValue, ksStatistic } from "./_helpers/kolmogorov-smirnov.js";

const take = (next: () => number, n: number): number[] => Array.from({ length: n }, () => next());

describe("runStream", () => {
  it("gives the same sequence for the same (seed, run index)", () => {
    expect(take(runStream("alpha", 17), 1000)).toEqual(take(runStream("alpha", 17), 1000));
    expect(take(runStream(42, 0), 10)).toEqual(take(runStream(42, 0), 10));
  });

  it("pins the first draws, so a change of generator or key is a visible change", () => {
    // The same numbers as seedrandom's own `require("seedrandom/lib/alea.js")(key).double()`
    // for the keys "chokepoint/run/0/chokepoint" and "chokepoint/run/123456789/7".
    expect(take(runStream("chokepoint", 0), 3)).toEqual([0.6113705328968291, 0.9334706204128798, 0.4269970388978367]);
    expect(take(runStream(7, 123_456_789), 2)).toEqual([0.44395516937513024, 0.4487347309353604]);
  });

  it("gives different sequences for different run indices or seeds", () => {
    const base = take(runStream("alpha", 17), 20);
    expect(take(runStream("alpha", 18), 20)).not.toEqual(base);
    expect(take(runStream("alpha", 16), 20)).not.toEqual(base);
    expect(take(runStream("alphb", 17), 20)).not.toEqual(base);
    expect(take(runStream("alpha/17", 0), 20)).not.toEqual(base);
    const firsts = new Set(Array.from({ length: 10_000 }, (_, i) => runStream("alpha", i)()));
    expect(firsts.size).toBe(10_000);
  });

  it("reads a number seed as JavaScript prints it: 42 and \"42\" name the same streams", () => {
    expect(take(runStream(42, 3), 5)).toEqual(take(runStream("42", 3), 5));
    expect(take(runStream(-0, 3), 5)).toEqual(take(runStream(0, 3), 5));
    expect(take(runStream(0.5, 3), 5)).not.toEqual(take(runStream(5, 3), 5));
  });

  it("is uniform within a run and across runs (KS at alpha = 0.001)", () => {
    const critical = ksCriticalValue(20_000, 0.001);
    const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));
    expect(ksStatistic(take(runStream("uniformity", 5), 20_000), uniformCdf)).toBeLessThan(critical);
    const acrossRuns = Array.from({ length: 20_000 }, (_, i) => runStream("uniformity", i)());
    expect(ksStatistic(acrossRuns, uniformCdf)).toBeLessThan(critical);
  });

  it("shows no correlation between neighbouring runs or neighbouring draws", () => {
    const n = 20_000;
    const limit = 4 / Math.sqrt(n); // 4 standard errors of a correlation near 0
    const first = Array.from({ length: n + 1 }, (_, i) => runStream("correlation", i)());
    const within = take(runStream("correlation", 0), n + 1);
    const correlation = (xs: number[]): number => {
      let sxy = 0;
      for (let i = 0; i < n; i++) sxy += ((xs[i] as number) - 0.5) * ((xs[i + 1] as number) - 0.5);
      return (sxy / n) * 12; // Var U = 1/12
    };
    expect(Math.abs(correlation(first))).toBeLessThan(limit);
    expect(Math.abs(correlation(within))).toBeLessThan(limit);
  });

  it("stays strictly inside (0, 1)", () => {
    const next = runStream("range", 0);
    let low = 1;
    let high = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = next();
      low = Math.min(low, u);
      high = Math.max(high, u);
    }
    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(1);
  });

  it("validates its arguments", () => {
    expect(() => runStream("", 0)).toThrow("seed: expected a non-empty string or a finite number, found an empty string");
    expect(() => runStream(Number.NaN, 0)).toThrow("seed: expected a non-empty string or a finite number, found NaN");
    expect(() => runStream(Infinity, 0)).toThrow(InputError);
    expect(() => runStream("s", -1)).toThrow("runIndex: expected an integer >= 0, found -1");
    expect(() => runStream("s", 1.5)).toThrow(InputError);
    expect(() => runStream("s", 2 ** 53)).toThrow(InputError);
  });
});

describe("runStream with a generator that returns exactly 0", () => {
  it("maps the 0 to 2^-54, below every other value", async () => {
    vi.resetModules();
    vi.doMock("../../src/random/_internals/alea.js", () => ({
      createAlea: () => Object.assign(() => 0, { double: () => 0, int32: () => 0 }),
    }));
    const { runStream: mocked } = await import("../../src/random/stream.js");
    expect(mocked("zero", 0)()).toBe(2 ** -54);
    vi.doUnmock("../../src/random/_internals/alea.js");
    vi.resetModules();
  });
});
