// The golden suite (test/golden/golden.ts): every case's result must equal its committed
// record bit for bit. When a change is meant to move numbers, `npm run golden` prints what
// moved and rewrites the records; commit them with the reason.
import { describe, expect, it } from "vitest";
import { mergeShards, runExperiment as runOnWorkers, runShard } from "../../src/node.js";
import { parseScenario } from "../../src/index.js";
import { canonicalJson, computeGolden, GOLDEN_CASES, GOLDEN_TEXTS, goldenDifferences, readGolden, readGoldenText, scenarioText, withLf, type GoldenRecord } from "./golden.js";

describe("golden suite: committed results of fixed experiments", () => {
  for (const golden of GOLDEN_CASES) {
    it(golden.name, async () => {
      const committed = readGolden(golden);
      expect(committed, `no committed record for ${golden.name}: run \`npm run golden\``).toBeDefined();
      const record = await computeGolden(golden);
      const moved = goldenDifferences(committed, record);
      expect(moved, `${golden.name} moved; if that is intended, run \`npm run golden\` and commit the records with the reason`).toEqual([]);
      // and nothing the lines above miss: the hashes too
      expect(record.sha256).toEqual(committed!.sha256);
    });
  }
});

describe("golden suite: texts the library writes (explain, JSON Schemas, a runs CSV)", () => {
  for (const text of GOLDEN_TEXTS) {
    it(text.name, async () => {
      const committed = readGoldenText(text.name);
      expect(committed, `no committed ${text.name}: run \`npm run golden\``).toBeDefined();
      expect(withLf(await text.make()), `${text.name} changed; if that is intended, run \`npm run golden\` and commit it with the reason`).toBe(committed);
    });
  }
});

describe("golden suite: worker threads and shards give the committed records too", () => {
  const find = (name: string) => GOLDEN_CASES.find((golden) => golden.name === name)!;

  it("illustrative-standoff on 2 worker threads", async () => {
    const golden = find("illustrative-standoff");
    const result = await runOnWorkers(parseScenario(JSON.parse(scenarioText(golden.file))), { ...golden.options, workers: 2 });
    expect((await computeGolden(golden, result)).sha256.result).toBe(readGolden(golden)!.sha256.result);
  });

  it("china-gallium-germanium-ban, streaming, as 3 shards merged", async () => {
    const golden = find("china-gallium-germanium-ban-streaming");
    const scenario = parseScenario(JSON.parse(scenarioText(golden.file)));
    const shards = [];
    for (let index = 0; index < 3; index++) shards.push(await runShard(scenario, { runs: golden.options.runs, seed: golden.options.seed, index, of: 3, workers: 1 }));
    const merged = mergeShards(JSON.parse(JSON.stringify(shards)));
    expect((await computeGolden(golden, merged)).sha256.result).toBe(readGolden(golden)!.sha256.result);
  });
});

describe("golden suite: the comparison can fail", () => {
  const record: GoldenRecord = {
    case: "x",
    file: "x.json",
    options: { runs: 2, seed: "s", keepRuns: true },
    sha256: { scenario: "a", result: "b", outcomes: "o", replays: "c" },
    outcomes: { p: { o: [1, 0, 1, 2, "h"], q: [0, 0, 0, 0, "k"] } },
  };

  it("names an outcome whose statistics moved, with the relative change", () => {
    const moved = structuredClone(record) as { -readonly [K in keyof GoldenRecord]: GoldenRecord[K] };
    moved.outcomes = { p: { o: [1.5, 0, 1, 2, "h2"], q: [0, 0, 0, 0, "k"] } };
    moved.sha256 = { ...record.sha256, result: "b2" };
    expect(goldenDifferences(record, moved)).toEqual(["x: p / o: mean 1 -> 1.5 (+50.0%), run values changed"]);
  });

  it("names a result that moved outside the listed statistics, and moved replays", () => {
    expect(goldenDifferences(record, { ...record, sha256: { scenario: "a", result: "b2", outcomes: "o", replays: "c2" } })).toEqual([
      "x: the result moved outside the lines above (sd, other quantiles, histograms, bands, comparisons or diagnostics)",
      "x: the replayed runs moved (outcomes or per-period series)",
    ]);
  });

  it("names a change in how outcomes are reported", () => {
    expect(goldenDifferences(record, { ...record, sha256: { ...record.sha256, result: "b2", outcomes: "o2" } })).toEqual([
      "x: the outcomes as reported changed (their units, descriptions or thresholds)",
    ]);
  });

  it("takes a statistic of -0 for the committed 0 (JSON writes -0 as 0), and tells 1 from 1 + 1 ulp", () => {
    expect(goldenDifferences(record, { ...record, outcomes: { p: { o: [1, -0, 1, 2, "h"], q: [0, 0, 0, 0, "k"] } } })).toEqual([]);
    const next = 1 + Number.EPSILON;
    expect(goldenDifferences(record, { ...record, outcomes: { p: { o: [next, 0, 1, 2, "h"], q: [0, 0, 0, 0, "k"] } } })).toEqual([
      `x: p / o: mean 1 -> ${next} (+2.2e-16)`,
    ]);
  });

  it("hashes JSON with sorted keys", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
