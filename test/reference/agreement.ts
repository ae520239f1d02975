// Agreement check: the reference implementation (test/reference/reference.ts) against the
// engine (simulateOnce), run by run, value by value, rules included. `npm test` runs it
// (test/reference/agreement.test.ts); `npm run bench` prints it as a table.
//
// The rule, on fixed worlds and random scenarios alike: a value agrees when it is within a
// relative 1e-9 (`agree`, with an allowance near zero); or, failing that, when it is within
// 1e-9 plus the distance between the reference's values with every market's excess demand
// shifted up and down by the engine's MARKET_TOLERANCE (`conditioned`). The engine answers
// only to that tolerance: where a market barely responds to price, or a range of prices
// clears it, the distance is what the model itself leaves open; where markets are well
// conditioned it is rounding, and the check is 1e-9. The shifted reference runs only where a
// value fails the first test. A reference off by more than that range is caught (the "can
// fail" tests in agreement.test.ts, an ill-conditioned world among them).
import { monteCarloSampler, parseScenario, simulateOnce, type Scenario, type ScenarioInput } from "../../src/index.js";
import { escalationWorld, formulaWorld, twoCountryWorld } from "../_helpers/worlds.js";
import { mrioScenario } from "../../bench/mrio-scenario.js";
import { syntheticScenario } from "../../bench/synthetic-scenario.js";
import { BUNDLED, bundled, featureRichWorld, withoutRules } from "../../bench/worlds.js";
import { MARKET_TOLERANCE } from "../../src/engine/market.js";
import { ReferenceModel, type ReferenceRun } from "./reference.js";

/** Outcomes (by the name standardOutcomes gives them, before ':') that are USD accounts of volumes. */
const USD_ACCOUNTS = ["gdpLoss", "valueAddedLoss", "exportRevenueLoss", "revenueLoss", "importCostIncrease", "consumerSurplusLoss", "producerSurplusLoss"];

/** Relative tolerance of the agreement check. */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * Values agree when |a - b| <= 1e-9 max(|a|, |b|). Values near zero may be rounding noise
 * (a sum of parts that cancel, or a market cleared to a relative 1e-12 of its volumes):
 * those agree when |a - b| <= 1e-12 times the largest magnitude outcomes of its kind (the
 * part of the name before ':', such as `gdpLoss`) take in that world (for the USD accounts,
 * at least the world's baseline output at base prices over the horizon: a loss is baseline
 * output less what is made, each known to 1e-12 of its volume), or at least within 1e-9
 * absolute; and within 1e-6 where one of them is exactly 0 (a market cleared from
 * other starting prices: 1e-12 x 787 t x 10 USD is 1e-9 USD where the other landed on 0).
 */
export function agree(a: number, b: number, scale: number, relative = RELATIVE_TOLERANCE): boolean {
  const diff = Math.abs(a - b);
  if (diff <= relative * Math.max(Math.abs(a), Math.abs(b))) return true;
  // near zero: 1e-12 of the kind's scale, at least 1e-9; where one of them is exactly 0, at least 1e-6
  const floor = a === 0 || b === 0 ? 1e6 : 1e3;
  return diff <= RELATIVE_TOLERANCE * 1e-3 * Math.max(scale, floor);
}

/**
 * Ill-conditioned markets. The engine clears each market to MARKET_TOLERANCE of each origin's
 * scale, not exactly: its prices are the exact ones of a market whose excess demand is off by
 * up to that much. Where prices barely move what is bought and sold (supply at capacity,
 * demand nearly all critical, a sliver of price-elastic use), that moves prices by up to the
 * tolerance over the slope of excess demand: 1e-12 / 1e-7 = 1e-5 where the sliver is 1e-7
 * of the market; where nothing responds at all, a whole range of prices clears it. Both
 * answers are then right to the solver's tolerance. `shifted` holds the reference's value
 * with every market's excess demand raised, and lowered, by MARKET_TOLERANCE of each
 * origin's scale (ReferenceModel's `excessShift`): the ends of what such a solver may answer.
 * A value that fails `agree` still agrees when the two differ by no more than the relative
 * tolerance plus the distance between those ends. Where markets are well conditioned that
 * distance is rounding, and the check stays at the relative tolerance.
 */
export function conditioned(a: number, b: number, shifted: readonly [number, number], relative = RELATIVE_TOLERANCE): boolean {
  const [up, down] = shifted;
  if (!Number.isFinite(up) || !Number.isFinite(down)) return false;
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + Math.abs(up - down);
}

export interface ValidationWorld {
  readonly label: string;
  readonly scenario: ScenarioInput;
  readonly runs: number;
}

export function validationWorlds(quick: boolean): ValidationWorld[] {
  const runs = quick ? 4 : 12;
  return [
    { label: "two-country (test/_helpers/worlds.ts)", scenario: twoCountryWorld(), runs: 1 },
    {
      label: "two-country, 12 months, stocks and reserve",
      scenario: twoCountryWorld({
        horizon: 12,
        world: { ...twoCountryWorld().world, stocks: [{ country: "B", good: "x", coverMonths: 1.5, maxDrawShare: 0.4 }] },
        policies: [
          { name: "none" },
          { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], duration: 6 }] },
          { name: "ban-reserve", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], leakage: 0.1, leakagePremium: 0.5 }, { type: "stockpileRelease", actor: "B", goods: ["x"], coverMonths: 2, maxReleaseShare: 0.5 }] },
        ],
      }),
      runs: 1,
    },
    { label: "escalation chain (test/_helpers/worlds.ts)", scenario: escalationWorld(), runs: quick ? 24 : 64 },
    { label: "formulas, every operator and function (test/_helpers/worlds.ts)", scenario: formulaWorld(), runs: quick ? 12 : 32 },
    { label: "synthetic 5 x 5", scenario: withoutRules(syntheticScenario(5, 5)), runs },
    { label: "synthetic 8 x 10", scenario: withoutRules(syntheticScenario(8, 10)), runs },
    { label: "synthetic 20 x 20", scenario: withoutRules(syntheticScenario(20, 20)), runs },
    { label: "feature-rich 8 x 10", scenario: featureRichWorld(), runs },
    { label: "synthetic 8 x 10, with its rule", scenario: syntheticScenario(8, 10), runs },
    { label: "MRIO-shaped 12 x 30", scenario: mrioScenario(12, 30), runs: Math.max(2, runs / 2) },
    ...BUNDLED.map((name) => ({ label: name, scenario: bundled(name), runs })),
    ...BUNDLED.filter((name) => name !== "china-gallium-germanium-ban").map((name) => ({ label: `${name} without rules`, scenario: withoutRules(bundled(name)), runs })),
  ];
}

export interface WorldAgreement {
  readonly label: string;
  readonly runs: number;
  readonly policies: number;
  readonly values: number;
  readonly disagreements: number;
  /** Largest |a - b| / max(|a|, |b|) among values that agree to the relative tolerance. */
  readonly maxRelative: number;
  /** Values that agree only through the near-zero allowance (1e-12 of the largest magnitude of outcomes of their kind). */
  readonly nearZero: number;
  /** Values that agree only through `conditioned`: the reference's answer moves that far within the market's tolerance. */
  readonly illConditioned: number;
  readonly firstDisagreement?: string;
}

/**
 * Compare the reference with simulateOnce on every run and policy of `world`, by `agree`
 * and, where that fails, `conditioned`. `tamper` may change the reference's results first
 * (to show that the check can fail); the shifted reference runs are left as they are.
 */
export function validateWorld(world: ValidationWorld, seed = "agreement", tamper?: (run: ReferenceRun) => void, relative = RELATIVE_TOLERANCE): WorldAgreement {
  const scenario: Scenario = parseScenario(world.scenario);
  const reference = new ReferenceModel(scenario);
  // the reference with every market's excess demand shifted by +-MARKET_TOLERANCE (see
  // conditioned), built and run only where a value disagrees
  let shiftedModels: ReferenceModel[] | undefined;
  const pairs: { name: string; engine: number; reference: number; where: string; shifted: () => [number, number] }[] = [];
  // the rules' uniforms come after the uncertainties' draws (docs/model.md, "One run")
  const sampler = monteCarloSampler(seed, reference.randomDimensions);
  const draws = new Float64Array(reference.randomDimensions);
  for (let run = 0; run < world.runs; run++) {
    sampler.fill(run, draws);
    const uniforms = Array.from(draws.subarray(scenario.uncertainties.length));
    for (const policy of scenario.policies) {
      const engine = simulateOnce(scenario, { policy: policy.name, seed, run });
      const parameters = new Map(Object.entries(engine.parameters));
      const ours = reference.simulate(policy.name, parameters, uniforms);
      tamper?.(ours);
      let shiftedRuns: ReferenceRun[] | undefined;
      const ends = (value: (r: ReferenceRun) => number | undefined) => (): [number, number] => {
        shiftedModels ??= [new ReferenceModel(scenario, MARKET_TOLERANCE), new ReferenceModel(scenario, -MARKET_TOLERANCE)];
        shiftedRuns ??= shiftedModels.map((model) => model.simulate(policy.name, parameters, uniforms));
        return [value(shiftedRuns[0]!) ?? Number.NaN, value(shiftedRuns[1]!) ?? Number.NaN];
      };
      for (const [name, value] of Object.entries(engine.outcomes)) {
        pairs.push({ name, engine: value, reference: ours.outcomes[name] ?? Number.NaN, where: `run ${run}, ${policy.name}, ${name}`, shifted: ends((r) => r.outcomes[name]) });
      }
      for (const [name, values] of Object.entries(engine.series)) {
        values.forEach((value, t) =>
          pairs.push({ name: `series ${name}`, engine: value, reference: ours.series[name]?.[t] ?? Number.NaN, where: `run ${run}, ${policy.name}, ${name}[${t}]`, shifted: ends((r) => r.series[name]?.[t]) }),
        );
      }
    }
  }
  const kind = (name: string) => name.split(":")[0]!;
  const scale = new Map<string, number>();
  // the USD accounts are differences of baseline and actual volumes, each known to 1e-12 of its size
  const prices = new Map(scenario.world.goods.map((g) => [g.id, g.basePrice]));
  const baselineValue = scenario.world.production.reduce((sum, p) => sum + p.output * prices.get(p.good)!, 0) * scenario.horizon;
  for (const name of USD_ACCOUNTS) scale.set(name, baselineValue);
  for (const p of pairs) scale.set(kind(p.name), Math.max(scale.get(kind(p.name)) ?? 0, Math.abs(p.engine), Math.abs(p.reference)));
  let disagreements = 0;
  let maxRelative = 0;
  let nearZero = 0;
  let illConditioned = 0;
  let firstDisagreement: string | undefined;
  for (const p of pairs) {
    const magnitude = Math.max(Math.abs(p.engine), Math.abs(p.reference));
    const gap = magnitude === 0 ? 0 : Math.abs(p.engine - p.reference) / magnitude;
    const finite = Number.isFinite(p.reference);
    if (finite && agree(p.engine, p.reference, scale.get(kind(p.name))!, relative)) {
      if (gap > relative) nearZero++;
      else if (gap > maxRelative) maxRelative = gap;
    } else if (finite && conditioned(p.engine, p.reference, p.shifted(), relative)) illConditioned++;
    else {
      disagreements++;
      const [up, down] = finite ? p.shifted() : [Number.NaN, Number.NaN];
      firstDisagreement ??= `${p.where}: engine ${p.engine}, reference ${p.reference} (shifted by +-MARKET_TOLERANCE: ${up}, ${down})`;
    }
  }
  return {
    label: world.label,
    runs: world.runs,
    policies: scenario.policies.length,
    values: pairs.length,
    disagreements,
    maxRelative,
    nearZero,
    illConditioned,
    ...(firstDisagreement === undefined ? {} : { firstDisagreement }),
  };
}
