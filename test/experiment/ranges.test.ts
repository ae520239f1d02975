import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/compile/compile-scenario.js";
import { assembleResult } from "../../src/experiment/assemble.js";
import { resolvePlan } from "../../src/experiment/plan.js";
import { fromRangeMessage, RangeAccumulator, sortRangeValues, toRangeMessage, type RangeData, type RangeMessage } from "../../src/experiment/range-accumulator.js";
import { parseScenario } from "../../src/index.js";

const scenario = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));
const model = compileScenario(scenario);
const RUNS = 120;

/** The ranges [cuts[k], cuts[k + 1]) simulated one by one, as workers would. */
function ranges(cuts: readonly number[], keepRuns: boolean, summaries: "exact" | "streaming" = "exact"): RangeData[] {
  const plan = resolvePlan({ runs: RUNS, seed: "ranges", keepRuns, summaries }, scenario, model);
  return cuts.slice(0, -1).map((start, k) => {
    const accumulator = new RangeAccumulator(model, plan, start, cuts[k + 1]!);
    while (!accumulator.done) accumulator.simulateChunk();
    return accumulator.result();
  });
}

/** Exact JSON, -0 kept apart from 0. */
const exactJSON = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (Object.is(v, -0) ? "-0" : v));

describe("summaries over ranges of runs", () => {
  const plan = (keepRuns: boolean, summaries: "exact" | "streaming" = "exact") => resolvePlan({ runs: RUNS, seed: "ranges", keepRuns, summaries }, scenario, model);
  it("are bit-identical however the runs are split (sorted where they ran or not), sent and merged", async () => {
    const whole = exactJSON(await assembleResult(scenario, model, plan(false), ranges([0, RUNS], false)));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: RUNS - 1 }), { maxLength: 9 }), fc.boolean(), async (inner, sortInWorkers) => {
        const cuts = [0, ...[...inner].sort((a, b) => a - b), RUNS];
        // ranges arrive in any order, through a structured clone as from a worker; assembleResult puts them in run order
        const parts = ranges(cuts, false)
          .reverse()
          .map((range) => {
            if (sortInWorkers) sortRangeValues(range);
            return fromRangeMessage(structuredClone(toRangeMessage(range)));
          });
        expect(exactJSON(await assembleResult(scenario, model, plan(false), parts))).toBe(whole);
      }),
      { numRuns: 12 },
    );
  });

  it("are bit-identical however the runs are split, with streaming summaries too", async () => {
    const whole = exactJSON(await assembleResult(scenario, model, plan(false, "streaming"), ranges([0, RUNS], false, "streaming")));
    const parts = ranges([0, 7, 8, 64, RUNS], false, "streaming").map((range) => fromRangeMessage(JSON.parse(JSON.stringify(toRangeMessage(range))) as RangeMessage));
    expect(exactJSON(await assembleResult(scenario, model, plan(false, "streaming"), parts))).toBe(whole);
  });

  it("keep every run's values in run order when asked", async () => {
    const one = await assembleResult(scenario, model, plan(true), ranges([0, RUNS], true));
    const split = await assembleResult(scenario, model, plan(true), ranges([0, 1, 50, 51, RUNS], true));
    expect(exactJSON(split)).toBe(exactJSON(one));
    expect(Object.values(one.policies[0]!.runs!)[0]).toHaveLength(RUNS);
  });
});
