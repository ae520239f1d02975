// `chokepoint run --design FILE`: values per run from a CSV file, and its problems named by row and column.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess, scratchDirectory, writeScratchFile } from "./_helpers.js";

describe("chokepoint run --design", () => {
  const directory = scratchDirectory();

  it("takes values per run from a CSV file, runs as many runs as rows, and names a bad cell", async () => {
    const file = writeScratchFile(directory(), "design.csv", "galliumElasticity,retaliationProbability\n0.2,0.5\n0.3,0.9\n0.45,0.2\n");
    const json = `${directory()}/result.json`;
    const ran = await runInProcess(["run", "illustrative-standoff", "--design", file, "--json", json, "-q"]);
    expect(ran.err).toBe("");
    expect(ran.code).toBe(0);
    const result = JSON.parse(readFileSync(json, "utf8")) as { runs: number; design: unknown };
    expect(result).toMatchObject({ runs: 3, design: { uncertainties: ["galliumElasticity", "retaliationProbability"] } });
    const runs = await runInProcess(["run", "illustrative-standoff", "--design", file, "--runs", "5"]);
    expect(runs).toMatchObject({ code: 2, err: `error: --design ${file}: 3 rows for --runs 5: give --runs 3, or leave --runs out\n` });
    const range = writeScratchFile(directory(), "range.csv", "galliumElasticity\n0.2\n0.9\n");
    expect(await runInProcess(["run", "illustrative-standoff", "--design", range])).toMatchObject({
      code: 2,
      err: `error: --design ${range}: row 2, column galliumElasticity: expected a value in galliumElasticity's range [0.1, 0.5], found 0.9\n`,
    });
    const cell = writeScratchFile(directory(), "cell.csv", "galliumElasticity\n0.2\nabc\n");
    expect(await runInProcess(["run", "illustrative-standoff", "--design", cell])).toMatchObject({ code: 2, err: `error: --design ${cell}, line 3, column 1 (galliumElasticity): expected a finite number, found "abc"\n` });
  });
});
