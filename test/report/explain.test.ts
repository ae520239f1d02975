// explainScenario: the world, its dependency chain, who may restrict, supply at risk, HHI, rules and policies.
import { beforeAll, describe, expect, it } from "vitest";
import { explainScenario, InputError, parseScenario, type Scenario } from "../../src/index.js";
import { loadBundledScenario } from "../../src/node.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

let standoff: Scenario;
let text: string;

beforeAll(async () => {
  standoff = await loadBundledScenario("illustrative-standoff");
  text = explainScenario(standoff);
});

/** The lines of one section, up to the next blank line. */
function section(title: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(title));
  expect(start).toBeGreaterThan(-1);
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe("explainScenario", () => {
  it("describes a small world exactly", () => {
    // use no recipe needs: A keeps 60 t of x (100 made, 40 sent to B) and makes nothing from
    // it, so all of its use is unneeded; B's 40 t all go into y (1 t per unit, 40 units)
    expect(explainScenario(parseScenario(twoCountryWorld()))).toMatchInlineSnapshot(`
      "two-country
      scenario two-country: 3 months, 2 countries, 2 goods, 1 flow, 1 recipe, 0 rules, 3 policies, 0 uncertain parameters

      Countries
        A  GDP $1 m a year
        B  GDP $1 m a year

      Goods (in the order production processes them: primary inputs first)
        x  primary input  $10 per t       demand elasticity 0.5
        y  final good     $100 per units  demand elasticity 0.5

      Dependency chain (inputs per unit of output; * = critical: output stops without it)
        y <- 1 t x*
        chains from primary inputs to final goods:
          x -> y

      Who may restrict exports (by a policy's lever or by a rule)
        x  A

      Importers' supply from countries that may restrict it (share of baseline use per month: own output less exports, plus imports)
        good  importer  use   imported  from countries that may restrict
        x     B         40 t  100%      100% (A)

      Use of an input that no recipe needs (final or unmodelled use, where 5% or more of a country's baseline use): a shortage falls there first, once critical inputs are served, and costs output only through an input-output table (none here)
        good  countries (share of their baseline use)
        x     A 100%

      Supply concentration per good (Herfindahl-Hirschman index, 0 to 10,000; above 2,500: highly concentrated)
        good  production HHI  largest producer  exports HHI  largest exporter
        x             10,000  A 100%                 10,000  A 100%
        y             10,000  B 100%                      –  –

      Rules (agents' responses; scenario-wide unless a policy is named)
        none

      Policies
        none (baseline)
          no levers
        ban
          - A restricts exports of x to B (severity 1)
        half
          - A restricts exports of x to B (severity 0.5)

      Outcomes recorded
        gdpLoss:A       [USD]                   GDP loss of A over the horizon (direct value added; no input-output table, so no indirect losses)
        gdpLoss:B       [USD]                   GDP loss of B over the horizon (direct value added; no input-output table, so no indirect losses)
        shortfall:B:x   [share of requirement]  Largest shortfall of x in B per month; per month too
        shortfall:B:y   [share of requirement]  Mean shortfall of y in B per month
        price:x         [x base price]          Peak price of x outside restricting countries; per month too
        price:x:A       [x base price]          Mean price of x inside A
        outputLoss:B:y  [units]                 Lost output of y in B over the horizon
        outputLoss:A:x  [t]                     Lost output of x in A over the horizon
        importCost:B    [USD]                   Extra cost of B's purchases from abroad: higher prices, leakage premiums and tariffs
        revenueLoss:A   [USD]                   Export revenue lost by A (baseline at base prices, less what it ships at its price)
      "
    `);
  });

  it("orders goods raw to final and lists the chains from minerals to final goods", () => {
    expect(section("Goods").map((line) => line.trim().split(/\s+/)[0])).toEqual(["gallium", "equipment", "chips", "vehicles"]);
    expect(section("Dependency chain").slice(-2)).toEqual(["    gallium -> chips -> vehicles", "    equipment -> chips -> vehicles"]);
    // small amounts per unit read as decimals, not 6.00e-4
    expect(text).toContain("vehicles <- 0.0006 USD million chips*");
  });

  it("gives each importer's share of supply from countries that may restrict, and HHI per good", () => {
    const supply = section("Importers' supply");
    expect(supply.find((line) => /^  gallium\s+JP/.test(line))).toMatch(/93%\s+93% \(CN\)$/);
    expect(supply.find((line) => /^  equipment\s+CN/.test(line))).toMatch(/100% \(US, JP and NL\)$/);
    expect(supply.find((line) => /^  gallium\s+ROW/.test(line))).toMatch(/\s0%$/);
    const hhi = section("Supply concentration");
    expect(hhi.find((line) => line.startsWith("  gallium"))).toMatch(/^  gallium\s+9,583\s+CN 97.9%\s+10,000\s+CN 100%$/);
  });

  it("describes a game: who chooses what, in which order, and each player's loss", async () => {
    expect(text).not.toMatch(/^Game/m);
    const seed = explainScenario(await loadBundledScenario("us-japan-chip-controls-2024"));
    const lines = seed.split("\n");
    const start = lines.findIndex((line) => line.startsWith("Game"));
    expect(lines[start]).toBe("Game (countries that choose; `chokepoint game` solves it): in turns, US, then NL, then JP, then CN");
    const game = lines.slice(start, lines.indexOf("", start));
    expect(game.filter((line) => /^  [A-Z]{2}, whose loss is /.test(line)).map((line) => line.slice(2, 4))).toEqual(["US", "NL", "JP", "CN"]);
    expect(game).toContain("  JP, whose loss is gdpLoss:JP + japanDenialValue x advancedChipOutputLoss:CN, chooses one of:");
    expect(game).toContain("    hold: No mineral retaliation.");
    expect(game.some((line) => line.startsWith("      - china-answers-graphite: when a restriction by US, JP or NL against CN"))).toBe(true);
    expect(game).toContain("  japanDenialValue ~ uniform(-50000000000, 0) (the game's, drawn when it is analysed)");
  });

  it("describes rules and policies in words", () => {
    expect(text).toContain("china-gallium-retaliation: when a restriction by US, JP or NL against CN on equipment is in force, with probability retaliationProbability ~ pert(0.2, 0.5, 0.9)");
    expect(text).toContain("CN restricts exports of gallium to the countries that set it off");
    expect(text).toContain("  us-alone (baseline): The US restricts equipment exports to China on its own.");
    expect(text).toContain("    - JP releases a reserve of gallium (6 months of use)");
  });

  it("is deterministic and rejects what is not a parsed scenario", () => {
    expect(explainScenario(standoff)).toBe(text);
    expect(() => explainScenario({} as Scenario)).toThrow(InputError);
  });
});
