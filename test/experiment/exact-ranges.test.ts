import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/compile/compile-scenario.js";
import { assembleResult } from "../../src/experiment/assemble.js";
import { resolvePlan } from "../../src/experiment/plan.js";
import { RangeAccumulator, type RangeData } from "../../src/experiment/range-accumulator.js";
import { parseScenario } from "../../src/index.js";

const scenario = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));
const model = compileScenario(scenario);
const RUNS = 120;

/** The ranges [cuts[k], cuts[k + 1]) simulated one by one, as workers would. */
function ranges(cuts: readonly number[], keepRuns: boolean): RangeData[] {
  const plan = resolvePlan({ runs: RUNS, seed: "ranges", keepRuns }, scenario, model);
  return cuts.slice(0, -1).map((start, k) => {
    const accumulator = new RangeAccumulator(model, plan, start, cuts[k + 1]!);
    while (!accumulator.done) accumulator.simulateChunk();
    return accumulator.result();
  });
}

/** Exact JSON, -0 kept apart from 0. */
const exactJSON = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (Object.is(v, -0) ? "-0" : v));

describe("exact summaries over ranges of runs", () => {
  const plan = (keepRuns: boolean) => resolvePlan({ runs: RUNS, seed: "ranges", keepRuns }, scenario, model);
  const whole = exactJSON(assembleResult(scenario, model, plan(false), ranges([0, RUNS], false)));

  it("are bit-identical however the runs are split (sorted ranges merged, exact sums added)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: RUNS - 1 }), { maxLength: 9 }), (inner) => {
        const cuts = [0, ...[...inner].sort((a, b) => a - b), RUNS];
        // ranges arrive in any order; assembleResult puts them in run order
        const parts = ranges(cuts, false).reverse();
        expect(exactJSON(assembleResult(scenario, model, plan(false), parts))).toBe(whole);
      }),
      { numRuns: 12 },
    );
  });

  it("keep every run's values in run order when asked", () => {
    const one = assembleResult(scenario, model, plan(true), ranges([0, RUNS], true));
    const split = assembleResult(scenario, model, plan(true), ranges([0, 1, 50, 51, RUNS], true));
    expect(exactJSON(split)).toBe(exactJSON(one));
    expect(Object.values(one.policies[0]!.runs!)[0]).toHaveLength(RUNS);
  });
});
