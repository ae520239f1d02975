// A property that cannot fail is a defect. Each invariant of chokepoint/testing is run
// here against an engine broken on purpose (the real engine, wrapped with vi.mock, with
// one bug switched on at a time): on a small hand-made scenario it must throw an
// InvariantError that names the broken outcome, and over generated scenarios fast-check
// must find a counterexample. With the bug switched off the same checks pass, so it is
// the bug, not the check, that fails.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CompiledModel } from "../../src/compile/model.js";
import type { RunState } from "../../src/engine/state.js";
import type { ScenarioInput } from "../../src/index.js";
import {
  assertDeterministic,
  assertEngineInvariants,
  assertFullLeakageBlocksNothing,
  assertGdpLossWithinGdp,
  assertLossesScaleWithVolumes,
  assertSeverityNeverLowersLosses,
  assertSeverityNeverLowersShortfall,
  assertStocksAndPricesNonNegative,
  assertZeroLossWithoutRestrictions,
  invariantHolds,
  InvariantError,
  scenarioArbitrary,
} from "../../src/testing/index.js";
import { toSingleRestriction, withFixedSupply, withSteadySeverity } from "../_helpers/single-restriction.js";

type Bug =
  | "none"
  /** Accounting books a loss of 1 USD for every country, restriction or not. */
  | "phantom-loss"
  /** Restrictions block the share that should get through (severity read as 1 - severity). */
  | "severity-backwards"
  /** Leakage is ignored: a blocked flow never arrives through third countries. */
  | "leakage-ignored"
  /** Output lost carries a fixed 0.5 units a run, whatever the size of the economy. */
  | "fixed-output-loss"
  /** The stock draw-down is not bounded: the first stock ends at -1. */
  | "overdrawn-stock"
  /** The first price of every price series comes out negative. */
  | "negative-price"
  /** GDP loss is not capped: input-output multipliers claim 1e30 USD. */
  | "uncapped-gdp-loss"
  /** State leaks between runs: each call adds a little more to the first outcome. */
  | "state-leak";

const bug = vi.hoisted(() => ({ kind: "none" as string, model: undefined as unknown, calls: 0 }));

// Number-level bugs act where a run's numbers are resolved (after its draws are bound), so
// they reach drawn severities and leakages as well as fixed ones.
vi.mock("../../src/compile/numbers.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/compile/numbers.js")>();

  return {
    ...real,
    bindDraws(table: Parameters<typeof real.bindDraws>[0], draws: Float64Array, values: Float64Array) {
      real.bindDraws(table, draws, values);
      const model = bug.model as CompiledModel | undefined;
      if (model === undefined || (bug.kind !== "severity-backwards" && bug.kind !== "leakage-ignored")) return;
      const { slots } = model;
      for (let s = 0; s < slots.count; s++) {
        if (!slots.restricts[s]) continue;
        if (bug.kind === "severity-backwards") values[slots.severityRef[s]!] = 1 - values[slots.severityRef[s]!]!;
        else values[slots.leakageRef[s]!] = 0;
      }
    },
  };
});

// Output-level bugs act on what a finished run reports.
vi.mock("../../src/engine/simulate.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/engine/simulate.js")>();
  return {
    ...real,
    simulateRun(model: CompiledModel, state: RunState, policy: number, draws: Float64Array, outcomes: Float64Array, series: Float64Array | undefined) {
      bug.model = model;
      real.simulateRun(model, state, policy, draws, outcomes, series);
      const { info, seriesIndex } = model.outcomes;
      info.forEach(({ name }, o) => {
        if (bug.kind === "phantom-loss" && name.startsWith("gdpLoss:")) outcomes[o]! += 1;
        if (bug.kind === "fixed-output-loss" && name.startsWith("outputLoss:")) outcomes[o]! += 0.5;
        if (bug.kind === "uncapped-gdp-loss" && name.startsWith("gdpLoss:")) outcomes[o] = 1e30;
        if (bug.kind === "negative-price" && name.startsWith("price:") && series !== undefined && seriesIndex[o]! >= 0) series[seriesIndex[o]! * model.T] = -1;
      });
      if (bug.kind === "overdrawn-stock") state.stock[0] = -1;
      if (bug.kind === "state-leak") outcomes[0]! += ++bug.calls * 1e-9;
    },
  };
});

function withBug<T>(kind: Bug, check: () => T): T {
  bug.kind = kind;
  try {
    return check();
  } finally {
    bug.kind = "none";
  }
}

afterEach(() => {
  bug.kind = "none";
});

/** A makes 100 t of x and ships 40 t to B, which holds a month of stock; B makes y from x. */
const scenario: ScenarioInput = {
  name: "broken-engine",
  horizon: 4,
  world: {
    countries: [
      { id: "A", gdp: 1e6 },
      { id: "B", gdp: 1e6 },
    ],
    goods: [
      { id: "x", unit: "t", basePrice: 10, demandElasticity: 0.5 },
      { id: "y", unit: "units", basePrice: 100, demandElasticity: 0.5 },
    ],
    production: [
      { country: "A", good: "x", output: 100, valueAddedPerUnit: 2 },
      { country: "B", good: "y", output: 40, valueAddedPerUnit: 5 },
    ],
    flows: [{ exporter: "A", importer: "B", good: "x", volume: 40 }],
    recipes: [{ output: "y", inputs: [{ good: "x", perUnit: 1 }] }],
    stocks: [{ country: "B", good: "x", coverMonths: 1, maxDrawShare: 0.25 }],
  },
  policies: [
    { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.8 }] },
    { name: "reserve", levers: [{ type: "stockpileRelease", actor: "B", goods: ["x"], coverMonths: 2 }] },
  ],
};

/** Run `check` under the bug: it must throw an InvariantError of `invariant` whose message matches `detail`. */
function expectCaught(kind: Bug, invariant: string, detail: RegExp, check: () => unknown): void {
  expect(check()).toBe(true); // holds on the real engine
  let error: unknown;
  withBug(kind, () => {
    try {
      check();
    } catch (e) {
      error = e;
    }
  });
  expect(error).toBeInstanceOf(InvariantError);
  expect((error as InvariantError).invariant).toBe(invariant);
  expect((error as InvariantError).message).toMatch(detail);
}

/**
 * Over generated scenarios, fast-check finds a counterexample under the bug (seed 42, so
 * the search is the same every time), and none without it (a fresh seed: the invariant
 * must hold on the whole domain, not on one seed's sample).
 */
function expectFound(kind: Bug, arbitrary: fc.Arbitrary<ScenarioInput>, check: (scenario: ScenarioInput, run: number) => unknown, numRuns = 30): void {
  const property = fc.property(arbitrary, fc.nat(100), (s, run) => void check(s, run));
  fc.assert(property, { numRuns });
  const details = withBug(kind, () => fc.check(property, { seed: 42, numRuns: 200, endOnFailure: true }));
  expect(details.failed).toBe(true);
  expect(details.errorInstance).toBeInstanceOf(InvariantError);
}

const small = { maxCountries: 3, maxGoods: 3, maxHorizon: 6 } as const;
const withRestriction = scenarioArbitrary({ ...small, maxPolicies: 1, minLevers: 1, leverKinds: ["exportRestriction", "importRestriction"] });
/**
 * One good, one restriction, no rules: where a severity read backwards shows at once;
 * at one severity while it acts (no licensing, no schedule), the severity invariants'
 * scope (their TSDoc). Without that, a generated import restriction with licensing gave
 * its actor a shortfall of 0.0624 at severity 0 (licences delayed by review) and 0.0567
 * at severity 1: outside the scope, not a bug the test is after.
 */
const oneRestriction = scenarioArbitrary({ ...small, maxGoods: 1, maxPolicies: 1, minLevers: 1, maxLevers: 1, maxRules: 0, maxPolicyRules: 0, leverKinds: ["exportRestriction", "importRestriction"] }).map(withSteadySeverity);

describe("each invariant catches a broken engine", () => {
  it("zero loss without restrictions: a phantom loss of 1 USD", () => {
    expectCaught("phantom-loss", "zero loss without restrictions", /gdpLoss:A is 1, expected exactly 0/, () => assertZeroLossWithoutRestrictions(scenario, { policy: "reserve" }));
    expectFound("phantom-loss", scenarioArbitrary(small), (s, run) => assertZeroLossWithoutRestrictions(s, { run }));
  });

  it("a more severe restriction never lowers the target's shortfall: severity read backwards", () => {
    expectCaught("severity-backwards", "a more severe restriction never lowers the target's shortfall", /shortfall:B:x is .* at severity 0\.2 but .* at severity 0\.9/, () =>
      assertSeverityNeverLowersShortfall(scenario, { policy: "ban", weaker: 0.2, stronger: 0.9 }),
    );
    expectFound("severity-backwards", oneRestriction, (s, run) => assertSeverityNeverLowersShortfall(s, { weaker: 0, stronger: 1, run }));
  });

  it("a more severe restriction never lowers the target's losses: severity read backwards", () => {
    expectCaught("severity-backwards", "a more severe restriction never lowers the target's losses", /gdpLoss:B is .* at severity 0\.2 but .* at severity 0\.9/, () =>
      assertSeverityNeverLowersLosses(scenario, { policy: "ban", weaker: 0.2, stronger: 0.9 }),
    );
    // losses fall downstream: several goods; one target with a baseline flow from (or to) the
    // actor, and supply that does not respond to price (the invariant's scope)
    const fixedSupply = scenarioArbitrary({ ...small, maxPolicies: 1, minLevers: 1, maxLevers: 1, maxRules: 0, maxPolicyRules: 0, leverKinds: ["exportRestriction", "importRestriction"] })
      .map(toSingleRestriction)
      .filter((s) => s !== undefined)
      .map(withFixedSupply)
      .map(withSteadySeverity);
    expectFound("severity-backwards", fixedSupply, (s, run) => assertSeverityNeverLowersLosses(s, { weaker: 0, stronger: 1, run }));
  });

  it("with leakage 1, severity changes nothing: leakage ignored", () => {
    expectCaught("leakage-ignored", "with leakage 1, severity changes nothing", /levers\[0\] \(exportRestriction by A\) with leakage 1: .* at severity 1, but .* at severity 0\.5/, () =>
      assertFullLeakageBlocksNothing(scenario, { policy: "ban" }),
    );
    expectFound("leakage-ignored", withRestriction, (s, run) => assertFullLeakageBlocksNothing(s, { run }));
  });

  it("losses scale linearly with volumes: a fixed loss of 0.5 units", () => {
    expectCaught("fixed-output-loss", "losses scale linearly with volumes", /outputLoss:A:x is [\d.]+; with volumes times 4 it is [\d.]+, expected [\d.]+ \(4 times as much\) exactly/, () =>
      assertLossesScaleWithVolumes(scenario, { policy: "ban", factor: 4 }),
    );
    expectFound("fixed-output-loss", scenarioArbitrary(small), (s, run) => assertLossesScaleWithVolumes(s, { run }));
  });

  it("stocks and prices never negative: an overdrawn stock, a negative price", () => {
    expectCaught("overdrawn-stock", "stocks and prices never negative", /the commercial stock of A:x ends at -1/, () => assertStocksAndPricesNonNegative(scenario, { policy: "ban" }));
    expectCaught("negative-price", "stocks and prices never negative", /price:x in period 0 is -1/, () => assertStocksAndPricesNonNegative(scenario, { policy: "ban" }));
    expectFound("negative-price", scenarioArbitrary(small), (s, run) => assertStocksAndPricesNonNegative(s, { run }));
  });

  it("GDP loss never exceeds GDP: an uncapped loss", () => {
    expectCaught("uncapped-gdp-loss", "GDP loss never exceeds GDP", /gdpLoss:A is 1e\+30 USD over 0\.3+ years, more than GDP 1000000 a year/, () =>
      assertGdpLossWithinGdp(scenario, { policy: "ban" }),
    );
    expectFound("uncapped-gdp-loss", scenarioArbitrary(small), (s, run) => assertGdpLossWithinGdp(s, { run }));
  });

  it("determinism: state leaking from one run into the next", () => {
    expectCaught("state-leak", "determinism", /outcome .* the first time and .* the second/, () => assertDeterministic(scenario, { policy: "ban", seed: "x", run: 3 }));
    expectFound("state-leak", scenarioArbitrary(small), (s, run) => assertDeterministic(s, { run }), 10);
  });

  it("the error names the draw to replay, and invariantHolds turns it into false", () => {
    const error = withBug("phantom-loss", () => {
      try {
        assertEngineInvariants(scenario, { policy: "reserve", seed: "replay-me", run: 17 });
      } catch (e) {
        return e as InvariantError;
      }
      throw new Error("not caught");
    });
    expect(error.draw).toEqual({ seed: "replay-me", run: 17, policy: "reserve" });
    expect(error.message).toBe('invariant "zero loss without restrictions" does not hold (policy "reserve", seed "replay-me", run 17): with no restrictions, tariffs or rules, gdpLoss:A is 1, expected exactly 0');
    expect(invariantHolds(() => assertEngineInvariants(scenario))).toBe(true);
    expect(withBug("phantom-loss", () => invariantHolds(() => assertEngineInvariants(scenario)))).toBe(false);
    // a mistake in the property is not a counterexample: other errors are thrown on
    expect(() => invariantHolds(() => assertEngineInvariants(scenario, { policy: "bna" }))).toThrow(/options\.policy: unknown policy "bna"/);
  });
});
