// Histograms in results (for the charts): exact from every run's values, or from the
// quantile sketch with streaming summaries; whole-valued outcomes get a bin per whole number.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseScenario, runExperiment, type ExperimentResult, type Histogram } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

const example = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));
let exact: ExperimentResult;
let streaming: ExperimentResult;

beforeAll(async () => {
  [exact, streaming] = await Promise.all([
    runExperiment(example, { runs: 600, seed: "bins", keepRuns: true }),
    runExperiment(example, { runs: 600, seed: "bins", summaries: "streaming" }),
  ]);
});

/** The bin of `x`: edges[k] <= x < edges[k + 1], the last bin closed. */
const binOf = (x: number, edges: readonly number[]) => {
  for (let k = 0; k < edges.length - 2; k++) if (x < edges[k + 1]!) return k;
  return edges.length - 2;
};

describe("outcome histograms", () => {
  it("count every run once, in the bin its value falls in (exact summaries)", () => {
    for (const policy of exact.policies) {
      for (const summary of policy.outcomes) {
        const { edges, counts } = summary.histogram as Histogram;
        expect(edges).toHaveLength(counts.length + 1);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
        const recount = new Array<number>(counts.length).fill(0);
        for (const value of policy.runs![summary.name]!) recount[binOf(value, edges)]!++;
        expect(recount, `${policy.name} ${summary.name}`).toEqual(counts);
      }
    }
  });

  it("span min to max in 30 equal bins; whole-valued outcomes get one bin per whole number, centred on it", () => {
    const aligned = exact.policies.find((p) => p.name === "aligned")!;
    const loss = aligned.outcomes.find((o) => o.name === "gdpLoss:JP")!;
    expect(loss.histogram!.edges[0]).toBe(loss.min);
    expect(loss.histogram!.edges.at(-1)).toBe(loss.max);
    expect(loss.histogram!.counts).toHaveLength(30);
    const month = aligned.outcomes.find((o) => o.name === "retaliationMonth")!;
    expect(month.histogram!.edges[0]).toBe(month.min - 0.5);
    expect(month.histogram!.counts).toHaveLength(month.max - month.min + 1);
    const fired = aligned.outcomes.find((o) => o.name === "retaliation")!;
    expect(fired.histogram!.edges).toEqual([-0.5, 0.5, 1.5]);
    expect(fired.histogram!.counts[1]).toBe(Math.round(fired.mean * 600));
  });

  it("is one bin holding every run when every run gives the same value", async () => {
    const result = await runExperiment(twoCountryWorld(), { runs: 25, seed: 1 });
    const none = result.policies[0]!.outcomes.find((o) => o.name === "gdpLoss:B")!;
    expect(none.histogram).toEqual({ edges: [0, 0], counts: [25] });
  });

  it("comes from the sketch with streaming summaries: every run counted, close to the exact histogram", () => {
    for (const [p, policy] of streaming.policies.entries()) {
      for (const [o, summary] of policy.outcomes.entries()) {
        const { edges, counts } = summary.histogram!;
        const reference = exact.policies[p]!.outcomes[o]!.histogram!;
        expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
        // same min and max (exact in both), so the same edges; each value is placed within
        // the sketch's accuracy (1.07 a, a = 0.005 by default), so the runs counted below an
        // edge differ by at most the runs whose values lie that close to the edge
        expect(edges).toEqual(reference.edges);
        const values = exact.policies[p]!.runs![summary.name]!;
        let exactSoFar = 0;
        let sketchSoFar = 0;
        counts.forEach((count, k) => {
          exactSoFar += reference.counts[k]!;
          sketchSoFar += count;
          const edge = edges[k + 1]!;
          const nearEdge = values.filter((v) => Math.abs(v - edge) <= 1.07 * 0.005 * Math.abs(v)).length;
          expect(Math.abs(exactSoFar - sketchSoFar), `${policy.name} ${summary.name} below edge ${k + 1}`).toBeLessThanOrEqual(nearEdge);
        });
      }
    }
  });
});
