// Observation files: the format, its path-precise problems, the checks against the
// scenario, the JSON Schema, and the bundled episodes' files.
import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { parseObservations, resolveObservations, splitObservations, ObservationsError } from "../../src/calibrate/observations.js";
import { observationsJsonSchema, type observationsSchema } from "../../src/calibrate/observations-schema.js";
import type * as T from "../../src/calibrate/observations-types.js";
import { parseScenario } from "../../src/index.js";
import { loadBundledScenario } from "../../src/node.js";
import { calibrationWorld } from "../_helpers/calibration-world.js";

type Identical<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

const scenario = parseScenario(calibrationWorld());
const valid = (): T.ObservationsInput => ({
  name: "episode",
  scenario: "licensing-episode",
  policy: "licensing",
  free: ["finalApproval"],
  series: [
    {
      name: "exports",
      measure: { kind: "trade", good: "mineral", exporter: "CN" },
      error: { relative: 0.1 },
      source: { publication: "a customs office", year: 2025 },
      points: [
        { period: 2, value: 400 },
        { date: "2024-10", value: 120 },
        { date: "2024-11", interval: [100, 200] },
      ],
    },
  ],
});

function problems(input: unknown, against = scenario): string[] {
  try {
    resolveObservations(input, against);
  } catch (error) {
    if (error instanceof ObservationsError) return error.problems.map((p) => `${p.path}${p.line === undefined ? "" : ` (${p.line}:${p.column})`}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("observation files", () => {
  it("resolve against the scenario: periods from dates, and each point's sd", () => {
    const resolved = resolveObservations(valid(), scenario);
    expect(resolved.policy).toBe("licensing");
    expect(resolved.free).toEqual(["finalApproval"]);
    // start 2024-06: October is period 4; an interval [100, 200] is a 90% interval, sd 100 / 3.29
    expect(resolved.series[0]!.points).toEqual([
      { period: 2, value: 400, sd: 40 },
      { period: 4, value: 120, sd: 12 },
      { period: 5, value: 150, sd: 100 / (2 * 1.6448536269514722) },
    ]);
    expect(resolved.scenario.outcomes.map((o) => o.name)).toEqual(["exports"]);
  });

  it("are exactly the types the schema parses", () => {
    expectTypeOf<Identical<z.output<typeof observationsSchema>, T.Observations>>().toEqualTypeOf<true>();
    expectTypeOf<Identical<z.input<typeof observationsSchema>, T.ObservationsInput>>().toEqualTypeOf<true>();
  });

  it("name every problem with its path", () => {
    const input = valid();
    const series = input.series[0]!;
    series.points = [
      { period: 2, date: "2024-09", value: 1 },
      { value: 2 },
      { period: 3 },
      { period: 40, value: 3 },
      { period: 5, interval: [5, 1] },
      { date: "2024-01", value: 4 },
    ];
    expect(problems({ ...input, policy: "licencing", free: ["finalAproval"] })).toEqual([
      "series[0].points[0]: expected `period` or `date` (one of them)",
      "series[0].points[1]: expected `period` or `date` (one of them)",
      "series[0].points[2]: expected a `value` or an `interval`",
      "series[0].points[4].interval: expected [low, high] with low < high, found [5, 1]",
      'policy: unknown policy "licencing"; did you mean "licensing"?',
      'free[0]: unknown uncertainty "finalAproval"; did you mean "finalApproval"?',
      "series[0].points[3].period: expected a period within the scenario's horizon (periods 0 to 11), found period 40",
      "series[0].points[5].date: 2024-01 is before the scenario's start (2024-06)",
    ]);
  });

  it("check the measure as an outcome of the scenario, and the scenario's name", () => {
    const input = valid();
    input.series[0]!.measure = { kind: "trade", good: "minerals", exporter: "CN" };
    expect(problems({ ...input, scenario: "other" })).toEqual([
      'scenario: these observations belong to the scenario "other", not to "licensing-episode"',
      'series[0].measure.good: unknown good "minerals"; did you mean "mineral"?',
    ]);
  });

  it("need an uncertainty and a source for every point, and dates need a start", () => {
    const input = valid();
    const { error: _error, source: _source, ...series } = input.series[0]!;
    const { start: _start, ...noStart } = calibrationWorld();
    expect(problems({ ...input, series: [series] }, parseScenario(noStart))).toEqual([
      "series[0].points[0]: expected an uncertainty: an `interval`, an `error` here, or the series' `error`",
      "series[0].points[0]: expected a `source` (here or on the series), or an `assumption` saying where the value comes from",
      "series[0].points[1]: expected an uncertainty: an `interval`, an `error` here, or the series' `error`",
      "series[0].points[1]: expected a `source` (here or on the series), or an `assumption` saying where the value comes from",
      "series[0].points[2]: expected a `source` (here or on the series), or an `assumption` saying where the value comes from",
      "series[0].points[2].date: the scenario has no `start`, so dates cannot be placed: give `period` (from 0) or set the scenario's `start`",
    ]);
  });

  it("report problems in text with line and column, and refuse unknown fields with a suggestion", () => {
    const text = JSON.stringify({ ...valid(), seris: [] }, null, 2);
    expect(problems(text)).toEqual(['seris (42:3): unknown field "seris"; did you mean "series"?']);
    const yaml = "name: x\nscenario: licensing-episode\nseries:\n  - name: a\n    measure: { kind: price, good: mineral }\n    points:\n      - { period: 1, value: -1, error: { relative: 0 } }\n";
    expect(problems(yaml)).toEqual(["series[0].points[0].error.relative (7:42): expected a share > 0, found 0"]);
  });

  it("a relative error of a zero value asks for an sd; no free parameter is a problem only when fitting", () => {
    const input = valid();
    input.series[0]!.points = [{ period: 1, value: 0 }];
    expect(problems(input)).toEqual(['series[0].points[0]: expected an error > 0; a relative error of a value of 0 is 0: give { "sd": ... } instead']);
    const { free: _free, ...noFree } = valid();
    expect(problems(noFree)).toEqual(["free: expected the names of the uncertainties to fit (in the file's `free`, or the `free` option)"]);
    expect(() => resolveObservations(noFree, scenario, [], false)).not.toThrow();
    expect(parseObservations(noFree).name).toBe("episode");
  });

  it("the JSON Schema accepts the bundled observation files and refuses a misspelt kind", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(observationsJsonSchema());
    const files = readdirSync("observations").filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(validate(JSON.parse(readFileSync(`observations/${file}`, "utf8"))), file).toBe(true);
    const bad = { ...valid(), series: [{ ...valid().series[0]!, measure: { kind: "trades", good: "mineral" } }] };
    expect(validate(bad)).toBe(false);
  });

  it("the bundled observation files fit their scenarios", async () => {
    for (const file of readdirSync("observations").filter((f) => f.endsWith(".json"))) {
      const observations = JSON.parse(readFileSync(`observations/${file}`, "utf8")) as T.Observations;
      const bundled = await loadBundledScenario(observations.scenario);
      const resolved = resolveObservations(observations, bundled);
      expect(resolved.free.length, file).toBeGreaterThanOrEqual(3);
      expect(resolved.free.length, file).toBeLessThanOrEqual(6);
      expect(resolved.series.reduce((n, s) => n + s.points.length, 0), file).toBeGreaterThanOrEqual(8);
    }
  });

  it("split in time: points before a period or month, and from it on", () => {
    const { before, after } = splitObservations(valid(), scenario, "2024-10");
    expect(before.name).toBe("episode-before");
    expect(before.series[0]!.points).toEqual([{ period: 2, value: 400 }]);
    expect(after.series[0]!.points.map((p) => p.date)).toEqual(["2024-10", "2024-11"]);
    expect(splitObservations(valid(), scenario, 4)).toEqual({ before, after });
    expect(() => splitObservations(valid(), scenario, 0)).toThrow("at: period 0 leaves no observed point before it");
    expect(() => splitObservations(valid(), scenario, "Oct 2024")).toThrow('at: expected a period (a whole number from 0) or a month YYYY-MM');
  });

  it("refuse a value outside its interval and an error that gives no usable sd", () => {
    const input = valid();
    input.series[0]!.points = [
      { period: 1, value: 400, interval: [500, 600] },
      { period: 2, interval: [0, 5e-324] },
    ];
    expect(problems(input)).toEqual([
      "series[0].points[0].value: expected a value inside its interval [500, 600], found 400",
      "series[0].points[1]: expected a standard deviation that is a finite number > 0; this point's interval gives 0",
    ]);
    const heavy = valid();
    heavy.series[0]!.weight = 1e308;
    expect(problems(heavy)).toEqual(["series[0].weight: expected a weight of at most 1,000,000, found 1e+308"]);
  });
});
