// Small scenarios for the CLI tests.
import type { ScenarioInput } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

/**
 * Two countries, two goods, three policies, one uncertainty: fast to run. A makes x and
 * ships some to B, which makes y from it; A may ban the shipments, wholly or by half.
 */
export const tinyScenario = {
  name: "tiny",
  title: "Tiny ban",
  horizon: 3,
  world: twoCountryWorld().world,
  uncertainties: [{ name: "severity", distribution: { type: "uniform", min: 0.2, max: 1 } }],
  policies: [
    { name: "none" },
    { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: { param: "severity" } }] },
    { name: "half-ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.5 }] },
  ],
  outcomes: [
    { name: "gdpLoss:A", kind: "gdpLoss", country: "A" },
    { name: "gdpLoss:B", kind: "gdpLoss", country: "B" },
    { name: "price:x", kind: "price", good: "x", stat: "max", series: true },
  ],
} satisfies ScenarioInput;

/**
 * The tiny scenario with a formula outcome that is not finite where B's loss is above
 * `level`: under "half-ban" B loses 300 in every run, under "ban" from about 140 to 590.
 */
export function fragileScenario(level: number): ScenarioInput {
  return {
    ...tinyScenario,
    outcomes: [...tinyScenario.outcomes, { name: "fragile", kind: "formula", expression: `b > ${level} ? 1 / (b - b) : 0`, variables: { b: "gdpLoss:B" } }],
  } as ScenarioInput;
}

/** A YAML scenario with two mistakes, on known lines. */
export const brokenYaml = `name: broken
horizon: 0
world:
  countries:
    - { id: A, gdp: 1e9 }
    - { id: B, gdp: -5 }
  goods:
    - { id: x, unit: t, basePrice: 10, demandElasticity: 0.5 }
  production:
    - { country: A, good: x, output: 100, valueAddedPerUnit: 5 }
  flows:
    - { exporter: A, importer: B, good: x, volume: 40 }
policies:
  - name: none
`;

/** The tiny scenario as JSON text with two wrong names (line numbers in the messages). */
export function tinyJsonWithWrongNames(): string {
  const scenario = structuredClone(tinyScenario) as { world: { flows: { exporter: string }[] }; policies: { levers?: { goods: string[] }[] }[] };
  scenario.world.flows[0]!.exporter = "AA";
  scenario.policies[1]!.levers![0]!.goods = ["z"];
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
