import { describe, expect, it } from "vitest";
import { runExperiment, simulateOnce, type Rule, type ScenarioInput } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

/** twoCountryWorld plus good z that B makes and ships to A, and rules under test. */
function worldWithRules(rules: Rule[] | ScenarioInput["rules"], horizon = 8, maxEscalationDepth = 3): ScenarioInput {
  const world = twoCountryWorld({ horizon, maxEscalationDepth });
  world.world.goods.push({ id: "z", unit: "t", basePrice: 1, demandElasticity: 1 });
  world.world.production!.push({ country: "B", good: "z", output: 50, valueAddedPerUnit: 1 });
  world.world.flows!.push({ exporter: "B", importer: "A", good: "z", volume: 20 });
  world.rules = rules as ScenarioInput["rules"];
  world.outcomes!.push(
    { name: "fired", kind: "ruleFired", rules: ["b-answers"] },
    { name: "when", kind: "firstFiring", rules: ["b-answers"] },
    { name: "shortfall:A:z", kind: "shortfall", country: "A", good: "z", stat: "max", series: true },
  );
  return world;
}

const answer = (extra: Record<string, unknown> = {}) => ({
  name: "b-answers",
  agent: "B",
  when: [{ kind: "restriction" as const, by: ["A"], against: "self" as const }],
  delay: 1,
  action: { type: "exportRestriction" as const, targets: "triggering" as const, goods: ["z"], duration: 2 },
  ...extra,
});

describe("agents' rules", () => {
  it("fire the period after the trigger is seen, act after the delay, for the duration", () => {
    const { outcomes, series } = simulateOnce(worldWithRules([answer()]), { policy: "ban", seed: 1 });
    // A's ban acts from 0; B sees it in 1 (state at 0), answers from 1 + delay 1 = 2, for 2 months
    expect(outcomes.fired).toBe(1);
    expect(outcomes.when).toBe(2);
    expect(series["shortfall:A:z"]).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it("are counted by an outcome under every policy that has its own copy of them", () => {
    // two policies each carry rule b-answers: the outcome must see it fire under the first as under the second
    const world = worldWithRules([]);
    const ban = { type: "exportRestriction" as const, actor: "A", targets: ["B"], goods: ["x"] };
    world.policies = [
      { name: "first", levers: [ban], rules: [answer()] },
      { name: "second", levers: [ban], rules: [answer()] },
      { name: "neither", levers: [ban] },
    ];
    expect(simulateOnce(world, { policy: "first", seed: 1 }).outcomes.fired).toBe(1);
    expect(simulateOnce(world, { policy: "second", seed: 1 }).outcomes.fired).toBe(1);
    expect(simulateOnce(world, { policy: "neither", seed: 1 }).outcomes.fired).toBe(0);
  });

  it("do not fire when nothing triggers them", () => {
    const { outcomes } = simulateOnce(worldWithRules([answer()]), { policy: "none", seed: 1 });
    expect(outcomes.fired).toBe(0);
    expect(outcomes.when).toBe(8); // the horizon: never within it
  });

  it("fire with their probability, decided once per run by the rule's own uniform", async () => {
    const world = worldWithRules([answer({ probability: 0.3 })]);
    const runs = 4000;
    const result = await runExperiment(world, { runs, seed: "p", policies: ["ban"] });
    const fired = result.policies[0]!.outcomes.find((o) => o.name === "fired")!.mean * runs;
    // binomial(4000, 0.3): sd = 29, so +-4 sd is +-116
    expect(Math.abs(fired - 0.3 * runs)).toBeLessThan(116);
  });

  it("respect minSeverity: a partial restriction below it does not trigger", () => {
    const world = worldWithRules([answer({ when: [{ kind: "restriction", by: ["A"], against: "self", minSeverity: 0.8 }] })]);
    expect(simulateOnce(world, { policy: "half", seed: 1 }).outcomes.fired).toBe(0);
    expect(simulateOnce(world, { policy: "ban", seed: 1 }).outcomes.fired).toBe(1);
  });

  it("stop escalating at maxEscalationDepth", () => {
    // A answers B's answer, B answers that, and so on: each step is one level deeper
    const counter = {
      name: "a-counters",
      agent: "A",
      when: [{ kind: "restriction" as const, by: ["B"], against: "self" as const }],
      action: { type: "exportRestriction" as const, targets: ["B"], goods: ["x"], severity: 1 },
    };
    const deep = worldWithRules([answer({ when: [{ kind: "restriction", by: ["A"], against: "self" }] }), counter], 10, 1);
    deep.policies = [{ name: "opening", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.5, duration: 1 }] }];
    deep.outcomes!.push({ name: "countered", kind: "ruleFired", rules: ["a-counters"] });
    // depth 1 allows B's answer to A's opening move, but not A's counter to that answer
    const shallow = simulateOnce(deep, { seed: 1 }).outcomes;
    expect(shallow.fired).toBe(1);
    expect(shallow.countered).toBe(0);
    const deeper = simulateOnce({ ...deep, maxEscalationDepth: 2 }, { seed: 1 }).outcomes;
    expect(deeper.countered).toBe(1);
  });

  it("a shortfall condition fires on the agent's own shortage", () => {
    const world = worldWithRules([
      {
        name: "b-answers",
        agent: "B",
        when: [{ kind: "shortfall", goods: ["x"], above: 0.4 }],
        action: { type: "exportRestriction", targets: ["A"], goods: ["z"] },
      },
    ]);
    expect(simulateOnce(world, { policy: "half", seed: 1 }).outcomes.when).toBe(1);
    expect(simulateOnce(world, { policy: "none", seed: 1 }).outcomes.fired).toBe(0);
  });

  it("a draw condition switches a rule on in the runs where an uncertainty falls in its range", () => {
    const world = worldWithRules([
      {
        name: "b-answers",
        agent: "B",
        when: [{ kind: "draw", param: "strained", above: 0.5 }],
        action: { type: "exportRestriction", targets: ["A"], goods: ["z"] },
      },
    ]);
    world.uncertainties = [{ name: "strained", distribution: { type: "bernoulli", p: 0.5 } }];
    const seen = new Set<string>();
    for (let run = 0; run < 20; run++) {
      const { outcomes, parameters } = simulateOnce(world, { policy: "none", seed: "draw", run });
      expect(outcomes.fired).toBe(parameters.strained);
      seen.add(String(outcomes.fired));
    }
    expect(seen).toEqual(new Set(["0", "1"]));
  });

  it("a policy can switch off a scenario-wide rule", () => {
    const world = worldWithRules([answer()]);
    world.policies!.push({ name: "ban-no-answer", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] }], disableRules: ["b-answers"] });
    expect(simulateOnce(world, { policy: "ban-no-answer", seed: 1 }).outcomes.fired).toBe(0);
  });
});
