import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/index.js";
import { flowRestrictions } from "../../src/report/restrictions.js";
import { compileScenario } from "../../src/compile/compile-scenario.js";

describe("flows a rule may restrict, as the report marks them", () => {
  // C answers a restriction by A and one by B, aiming at `triggering`: the instances are
  // one per country named in `by` of the first restriction condition (docs/model.md, step 1)
  const scenario = parseScenario({
    name: "triggering",
    horizon: 3,
    world: {
      countries: ["A", "B", "C"].map((id) => ({ id, gdp: 1e6 })),
      goods: [{ id: "x", unit: "t", basePrice: 1, demandElasticity: 0.5 }],
      production: [{ country: "C", good: "x", output: 100 }],
      flows: [
        { exporter: "C", importer: "A", good: "x", volume: 10 },
        { exporter: "C", importer: "B", good: "x", volume: 10 },
      ],
    },
    rules: [
      {
        name: "c-answers",
        agent: "C",
        when: [
          { kind: "restriction", by: ["A"] },
          { kind: "restriction", by: ["B"] },
        ],
        action: { type: "exportRestriction", targets: "triggering", goods: ["x"] },
      },
    ],
    policies: [{ name: "none" }],
  });

  it("marks only the flows to the countries the rule has instances for, as the engine compiles it", () => {
    const model = compileScenario(scenario);
    expect(model.rules.count).toBe(1);
    const aimedAt = Array.from({ length: model.C }, (_, c) => c).filter((c) => model.slots.targetMask[model.rules.slot[0]! * model.C + c]);
    expect(aimedAt.map((c) => model.countryIds[c])).toEqual(["A"]);
    expect(flowRestrictions(scenario, "none")).toEqual(["rule", undefined]);
  });
});
