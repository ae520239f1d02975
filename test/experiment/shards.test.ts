// mergeShards takes nothing a shard says about itself on trust: shards of another seed or
// scenario, shards edited after they were written, overlapping ranges, doubled counts and
// malformed documents are refused with an InputError naming the shard and what is wrong,
// never merged into a wrong result and never a TypeError.
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { parseScenario, runExperiment } from "../../src/index.js";
import { scenarioSha256 } from "../../src/schema/scenario-hash.js";
import { CHOKEPOINT_VERSION } from "../../src/version.js";
import { mergeShards, runShard, type ShardDocument } from "../../src/node.js";
import { BandsAccumulator } from "../../src/stats/bands-accumulator.js";
import { OutcomeAccumulator } from "../../src/stats/outcome-accumulator.js";
import { PairedAccumulator } from "../../src/stats/paired-accumulator.js";
import { tinyScenario } from "../cli/_scenarios.js";

const options = { runs: 60, seed: "merge", workers: 1 } as const;
let shards: ShardDocument[] = [];
let otherSeed: ShardDocument[] = [];
let otherScenario: ShardDocument[] = [];

beforeAll(async () => {
  shards = await Promise.all([0, 1, 2].map((index) => runShard(tinyScenario, { ...options, index, of: 3 })));
  otherSeed = await Promise.all([0, 1, 2].map((index) => runShard(tinyScenario, { ...options, seed: "other", index, of: 3 })));
  otherScenario = await Promise.all([0, 1, 2].map((index) => runShard({ ...tinyScenario, title: "Tiny ban, retitled" }, { ...options, index, of: 3 })));
});

/** A deep copy of the shards, as a file would give them back, to be edited. */
const copy = (documents: readonly ShardDocument[]) => JSON.parse(JSON.stringify(documents)) as any[];

function mergeError(documents: readonly unknown[]): InputError {
  let error: unknown;
  try {
    mergeShards(documents);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("mergeShards checks every shard against the experiment", () => {
  it("merges the shards as written, in any order", () => {
    const result = mergeShards([shards[2], shards[0], shards[1]]);
    expect(result.runs).toBe(60);
    expect(result.policies[0]!.outcomes[0]!.count).toBe(60);
  });

  it("refuses a shard of another seed even when it carries the first shard's fingerprint", () => {
    const forged = copy([shards[0]!, otherSeed[1]!, shards[2]!]);
    forged[1].experiment = shards[0]!.experiment;
    expect(mergeError(forged).message).toBe("shards[1]: its fingerprint does not match its scenario and options: the file was changed after `chokepoint shard` wrote it");
    expect(mergeError([shards[0], otherSeed[1], shards[2]]).message).toBe('shards[1]: is a shard of another experiment: seed "other", not "merge" as in shards[0]');
  });

  it("carries the version of chokepoint and the scenario's SHA-256, as the merged result does", async () => {
    const merged = mergeShards(shards);
    for (const shard of shards) {
      expect(shard.chokepointVersion).toBe(CHOKEPOINT_VERSION);
      expect(shard.scenarioSha256).toBe(scenarioSha256(parseScenario(tinyScenario)));
    }
    expect(merged.chokepointVersion).toBe(CHOKEPOINT_VERSION);
    expect(merged.scenario.sha256).toBe(shards[0]!.scenarioSha256);
    expect((await runExperiment(tinyScenario, { runs: 6, seed: "merge" })).scenario.sha256).toBe(shards[0]!.scenarioSha256);
  });

  it("refuses a shard of another scenario, naming both scenarios' SHA-256", () => {
    const [a, b] = [shards[0]!.scenarioSha256, otherScenario[1]!.scenarioSha256];
    expect(a).not.toBe(b);
    expect(mergeError([shards[0], otherScenario[1], shards[2]]).message).toBe(
      `shards[1]: is a shard of another experiment: its scenario differs from shards[0]'s (SHA-256 ${b.slice(0, 12)}..., not ${a.slice(0, 12)}...)`,
    );
    const forged = copy([shards[0]!, otherScenario[1]!, shards[2]!]);
    forged[1].scenarioSha256 = a;
    expect(mergeError(forged).message).toMatch(/^shards\[1\]: its fingerprint does not match its scenario and options/);
  });

  it("refuses shards written by another version of chokepoint", () => {
    const older = copy(shards);
    older[1].chokepointVersion = "0.0.1";
    expect(mergeError(older).message).toBe(`shards[1]: was written by chokepoint 0.0.1, and this is chokepoint ${CHOKEPOINT_VERSION}: merge shards with the version that wrote them`);
    const unversioned = copy(shards);
    delete unversioned[0].chokepointVersion;
    expect(mergeError(unversioned).message).toMatch(/^shards\[0\]: was written by a chokepoint older than 0\.1\.0 \(no chokepointVersion\)/);
  });

  it("refuses a shard whose scenario or options were changed after it was written", () => {
    const scenario = copy(shards);
    scenario[2].scenario.world.flows[0].volume *= 2;
    expect(mergeError(scenario).message).toMatch(/^shards\[2\]: its fingerprint does not match its scenario and options/);
    const runs = copy(shards);
    runs[0].options.runs = 90;
    expect(mergeError(runs).message).toMatch(/^shards\[0\]: its fingerprint does not match/);
  });

  it("refuses overlapping or shifted ranges, in the shard's header and in its data", () => {
    const header = copy(shards);
    header[1].shard.runStart = 10;
    expect(mergeError(header).message).toBe("shards[1].shard: covers runs 10 to 39, but shard 1 of 3 covers runs 20 to 39 of 60");
    const data = copy(shards);
    data[1].data.runEnd = 50;
    expect(mergeError(data).message).toBe("shards[1].data: covers runs 20 to 49, but its shard covers runs 20 to 39");
    const index = copy(shards);
    index[2].shard.index = 5;
    expect(mergeError(index).message).toBe("shards[2].shard.index: expected a shard from 0 to 2, found 5");
  });

  it("refuses summaries that count the shard's runs twice", () => {
    const doubled = copy(shards);
    const data = doubled[1].data;
    data.outcomes = data.outcomes.map((row: any[]) => row.map((json) => OutcomeAccumulator.fromJSON(json).merge(OutcomeAccumulator.fromJSON(json)).toJSON()));
    expect(mergeError(doubled).message).toBe("shards[1].data.outcomes[0][0]: counts 40 runs, but the shard holds 20 (runs 20 to 39)");
    const comparisons = copy(shards);
    comparisons[0].data.comparisons[1][2] = PairedAccumulator.fromJSON(comparisons[0].data.comparisons[1][2]).merge(PairedAccumulator.fromJSON(comparisons[0].data.comparisons[1][2])).toJSON();
    expect(mergeError(comparisons).message).toBe("shards[0].data.comparisons[1][2]: counts 40 runs, but the shard holds 20 (runs 0 to 19)");
    const bands = copy(shards);
    bands[2].data.bands[0][0] = BandsAccumulator.fromJSON(bands[2].data.bands[0][0]).merge(BandsAccumulator.fromJSON(bands[2].data.bands[0][0])).toJSON();
    expect(mergeError(bands).message).toBe("shards[2].data.bands[0][0]: counts 40 runs, but the shard holds 20 (runs 40 to 59)");
  });

  it("refuses summaries of another shape: rows, thresholds, periods", () => {
    const rows = copy(shards);
    rows[0].data.outcomes.pop();
    expect(mergeError(rows).message).toBe("shards[0].data.outcomes: expected 3 rows (one per policy) of 3 summaries, found 2 rows of 3, 3");
    const thresholds = copy(shards);
    thresholds[0].data.outcomes[0][1].thresholds = [1];
    thresholds[0].data.outcomes[0][1].exceedanceCounts = [0];
    expect(mergeError(thresholds).message).toBe("shards[0].data.outcomes[0][1].thresholds: expected the outcome's thresholds [], found [1]");
    const periods = copy(shards);
    periods[1].data.bands[2][0].periods.pop();
    expect(mergeError(periods).message).toBe("shards[1].data.bands[2][0].periods: expected 3 periods (the scenario's horizon), found 2");
  });

  it("reports a malformed document with the path of what is wrong, never a TypeError", () => {
    expect(mergeError([null]).message).toBe('shards[0]: expected a shard written by `chokepoint shard` (format "chokepoint-shard")');
    expect(mergeError([{ format: "chokepoint-shard", version: 2 }]).message).toBe("shards[0]: expected shard format version 1, found 2");
    const { data: _data, ...noData } = copy(shards)[0];
    expect(mergeError([noData]).message).toMatch(/^shards\[0\]\.data: /);
    const badRuns = copy(shards);
    badRuns[1].options.runs = "sixty";
    expect(mergeError(badRuns).message).toMatch(/^shards\[1\]\.options\.runs: /);
    const badSketch = copy(shards);
    badSketch[2].data.outcomes[1][0].sketch.positive = "many";
    expect(mergeError(badSketch).message).toMatch(/^shards\[2\]\.data\.outcomes\[1\]\[0\]\.sketch/);
  });

  it("never fails with anything but an InputError, whatever single value of a shard is replaced", () => {
    const leaves: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (value !== null && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
      } else leaves.push(path);
    };
    walk({ ...shards[1], scenario: {} }, []);
    const replacements = [null, "x", -1, 1.5, {}, [], 1e300];
    let refused = 0;
    // every fifth leaf outside the scenario, each replaced by each value
    leaves.forEach((path, k) => {
      if (k % 5 !== 0) return;
      for (const replacement of replacements) {
        const edited = copy(shards);
        let target = edited[1];
        for (const key of path.slice(0, -1)) target = target[key];
        target[path.at(-1)!] = replacement;
        try {
          mergeShards(edited);
        } catch (error) {
          if (!(error instanceof InputError)) throw new Error(`${path.join(".")} = ${JSON.stringify(replacement)}: ${String(error)}`);
          refused++;
        }
      }
    });
    expect(refused).toBeGreaterThan(leaves.length / 5);
  });
});
