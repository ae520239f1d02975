// An experiment that fails fails the same way on one thread or many: a formula that is not
// finite in some run is a NonFiniteOutcomeError (a ScenarioError) naming the lowest failing
// run, and in it the first policy, whatever the worker count; an error thrown by the
// caller's onProgress stops the experiment and rejects its promise.
import { describe, expect, it } from "vitest";
import { NonFiniteOutcomeError, ScenarioError, simulateOnce, type ScenarioInput } from "../../src/index.js";
import { runExperiment } from "../../src/node.js";
import { rebuildError, serializeError } from "../../src/parallel/worker-errors.js";
import { runRangesInOrder, type RangeOutcome } from "../../src/parallel/run-experiment-parallel.js";
import { InputError } from "../../src/errors.js";
import { fragileScenario, tinyScenario } from "../cli/_scenarios.js";

/** The lowest failing run and, in it, the first failing policy, found one run at a time. */
function firstFailure(scenario: ScenarioInput, seed: string, runs: number): { run: number; policy: string } | undefined {
  for (let run = 0; run < runs; run++) {
    for (const policy of ["none", "ban", "half-ban"]) {
      try {
        simulateOnce(scenario, { policy, seed, run });
      } catch {
        return { run, policy };
      }
    }
  }
  return undefined;
}

async function failure(promise: Promise<unknown>): Promise<NonFiniteOutcomeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NonFiniteOutcomeError);
  expect(error).toBeInstanceOf(ScenarioError);
  return error as NonFiniteOutcomeError;
}

describe("a formula that is not finite in some runs", () => {
  it("names the lowest failing run, then the first policy in it, not the first found by the loop over policies", async () => {
    // half-ban (the third policy) fails in every run; ban (the second) in some, from run 1 with this seed
    const scenario = fragileScenario(290);
    expect(firstFailure(scenario, "1", 300)).toEqual({ run: 0, policy: "half-ban" });
    const [one, two] = await Promise.all([
      failure(runExperiment(scenario, { runs: 300, seed: "1", workers: 1 })),
      failure(runExperiment(scenario, { runs: 300, seed: "1", workers: 2 })),
    ]);
    for (const error of [one, two]) expect({ run: error.run, policy: error.policy, outcome: error.outcome }).toEqual({ run: 0, policy: "half-ban", outcome: "fragile" });
    expect(two.message).toBe(one.message);
    expect(two.problems).toEqual(one.problems);
    expect(one.problems[0]?.path).toBe("outcomes[3].expression");
  });

  it("gives the same error, naming the same run, with 1 and 2 workers when failures are scattered over the ranges", async () => {
    const scenario = fragileScenario(560);
    const expected = firstFailure(scenario, "scattered", 400);
    expect(expected).toBeDefined();
    const [one, two] = await Promise.all([
      failure(runExperiment(scenario, { runs: 400, seed: "scattered", workers: 1, summaries: "streaming" })),
      failure(runExperiment(scenario, { runs: 400, seed: "scattered", workers: 2, summaries: "streaming" })),
    ]);
    expect({ run: one.run, policy: one.policy }).toEqual(expected);
    expect(two.message).toBe(one.message);
    expect(two.name).toBe("NonFiniteOutcomeError");
  });
});

describe("errors from worker threads", () => {
  it("are rebuilt with their class, fields and message", () => {
    const errors = [
      new NonFiniteOutcomeError({ outcome: "r", outcomeIndex: 2, formula: "a / b", policy: "ban", run: 7, seed: "s" }),
      new ScenarioError([{ path: "horizon", message: "expected a whole number", line: 3, column: 2 }], "cannot load x"),
      new InputError("options.runs", "expected a whole number"),
    ];
    for (const error of errors) {
      const rebuilt = rebuildError(structuredClone(serializeError(error)));
      expect(rebuilt.constructor).toBe(error.constructor);
      expect(rebuilt.name).toBe(error.name);
      expect(rebuilt.message).toBe(error.message);
      expect({ ...rebuilt }).toEqual({ ...error });
    }
    // any other error (a bug) keeps its name and message
    const other = rebuildError(structuredClone(serializeError(new RangeError("out of range"))));
    expect([other.name, other.message]).toEqual(["RangeError", "out of range"]);
  });
});

describe("runRangesInOrder", () => {
  const after = <T>(ms: number, outcome: RangeOutcome<T>) => new Promise<RangeOutcome<T>>((resolve) => setTimeout(() => resolve(outcome), ms));
  const fail = (index: number): RangeOutcome<number> => ({ ok: false, error: new Error(`range ${index}`) });

  it("gives the values in range order", async () => {
    expect(await runRangesInOrder(5, 2, (index) => after(5 - index, { ok: true, value: index * 10 }))).toEqual([0, 10, 20, 30, 40]);
  });

  it("throws the failure of the lowest range, even when a later range failed first", async () => {
    const started: number[] = [];
    const outcome = runRangesInOrder(6, 2, (index) => {
      started.push(index);
      return index === 0 ? after(40, fail(0)) : index === 1 ? after(1, fail(1)) : after(1, { ok: true, value: index });
    });
    await expect(outcome).rejects.toThrow("range 0");
    // after range 1 failed, no later range was started
    expect(started).toEqual([0, 1]);
  });

  it("waits for earlier ranges still running, not for later ones", async () => {
    const outcome = runRangesInOrder(4, 3, (index) =>
      index === 0 ? after(30, { ok: true, value: 0 }) : index === 1 ? after(1, fail(1)) : new Promise<RangeOutcome<number>>(() => {}),
    );
    await expect(outcome).rejects.toThrow("range 1");
  });
});

describe("an error thrown by onProgress", () => {
  it("stops the experiment and rejects its promise with that error, with workers and without", async () => {
    const scenario = tinyScenario;
    for (const workers of [2, 1]) {
      const error = new Error(`progress broke (${workers})`);
      const started = Date.now();
      const outcome = runExperiment(scenario, {
        runs: 2_000_000,
        seed: 1,
        workers,
        onProgress: () => {
          throw error;
        },
      });
      await expect(outcome).rejects.toBe(error);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });
});
