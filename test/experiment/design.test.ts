import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, parseScenario, runExperiment as runOnOneThread } from "../../src/index.js";
import { runExperiment } from "../../src/node.js";

const example = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));
const withoutDesign = (result: object) => JSON.stringify({ ...result, design: undefined });

describe("runExperiment with a design (values given per run)", () => {
  it("reproduces an experiment when given that experiment's own draws", async () => {
    const options = { runs: 200, seed: "design", keepRuns: true, policies: ["us-alone", "aligned"] } as const;
    const drawn = await runOnOneThread(example, options);
    const given = await runOnOneThread(example, { ...options, design: drawn.parameters! });
    expect(given.design).toEqual({ uncertainties: example.uncertainties.map((u) => u.name) });
    expect(withoutDesign(given)).toBe(withoutDesign(drawn));
  });

  it("sets the given uncertainties and draws the others as without a design", async () => {
    const options = { runs: 120, seed: 7, keepRuns: true } as const;
    const elasticity = Array.from({ length: 120 }, (_, i) => 0.1 + (0.4 * i) / 119);
    const drawn = await runOnOneThread(example, options);
    const given = await runOnOneThread(example, { ...options, design: { galliumElasticity: elasticity } });
    expect(given.parameters!.galliumElasticity).toEqual(elasticity);
    for (const name of Object.keys(drawn.parameters!).filter((n) => n !== "galliumElasticity")) expect(given.parameters![name]).toEqual(drawn.parameters![name]);
    expect(given.design).toEqual({ uncertainties: ["galliumElasticity"] });
  });

  it("gives bit-identical results on one thread and over two workers", async () => {
    const design = { retaliationProbability: Array.from({ length: 300 }, (_, i) => 0.2 + (0.7 * (i % 10)) / 9) };
    const options = { runs: 300, seed: "workers", design, keepRuns: true } as const;
    const [one, two] = await Promise.all([runExperiment(example, { ...options, workers: 1 }), runExperiment(example, { ...options, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it("names the bad entry and what was expected", async () => {
    const bad = async (design: Record<string, unknown>, runs = 2) => {
      const error = await runOnOneThread(example, { runs, seed: 1, design: design as Record<string, number[]> }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      return `${(error as InputError).path}: ${(error as Error).message}`;
    };
    expect(await bad({ galiumElasticity: [0.2, 0.3] })).toMatch(/^options\.design\.galiumElasticity: .*unknown uncertainty.*did you mean "galliumElasticity"/);
    expect(await bad({ galliumElasticity: [0.2] })).toMatch(/^options\.design\.galliumElasticity: .*expected 2 values/);
    expect(await bad({ galliumElasticity: [0.2, Number.NaN] })).toMatch(/^options\.design\.galliumElasticity\[1\]: .*finite number/);
    expect(await bad({ galliumElasticity: [0.2, 0.7] })).toMatch(/^options\.design\.galliumElasticity\[1\]: .*range \[0\.1, 0\.5\], found 0\.7/);
    expect(await bad({ galliumElasticity: "0.2" })).toMatch(/^options\.design\.galliumElasticity: .*expected a list/);
    expect(await bad({})).toMatch(/^options\.design: .*expected at least one/);
  });

  it("accepts only the values of a discrete distribution", async () => {
    const input = JSON.parse(readFileSync("scenarios/illustrative-standoff.json", "utf8")) as { uncertainties: { name: string; distribution: unknown }[] };
    input.uncertainties[0]!.distribution = { type: "categorical", values: [0.1, 0.3], weights: [1, 1] };
    const scenario = parseScenario(input);
    const ok = await runOnOneThread(scenario, { runs: 2, seed: 1, keepRuns: true, design: { galliumElasticity: [0.3, 0.1] } });
    expect(ok.parameters!.galliumElasticity).toEqual([0.3, 0.1]);
    const error = await runOnOneThread(scenario, { runs: 2, seed: 1, design: { galliumElasticity: [0.3, 0.2] } }).catch((e: unknown) => e);
    expect((error as InputError).path).toBe("options.design.galliumElasticity[1]");
    expect((error as Error).message).toMatch(/one of galliumElasticity's values/);
  });
});

describe("a design with a precision target", () => {
  it("is refused: the design fixes the runs", async () => {
    const error = await runOnOneThread(example, { runs: 2, seed: 1, design: { galliumElasticity: [0.2, 0.3] }, precision: { relative: 0.1 } }).catch((e: unknown) => e);
    expect((error as InputError).path).toBe("options.design");
  });
});
