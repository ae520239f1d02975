import { leverVolumes } from "../levers/index.js";
import { distributionKind } from "../random/distributions/index.js";
import { InputError } from "../errors.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { show, subject, withStandardOutcomes, type InvariantDrawOptions } from "./_internals/variants.js";
import { scaleVolumes } from "./scale-volumes.js";
import { simulateDraw } from "./simulate-draw.js";

const INVARIANT = "losses scale linearly with volumes";

/** Options of {@link assertLossesScaleWithVolumes}. */
export interface ScaleOptions extends InvariantDrawOptions {
  /** The scale k > 0; default 2. */
  readonly factor?: number;
  /**
   * Relative slack: |scaled - expected| <= tolerance max(|scaled|, |expected|, m), where m
   * is the largest |expected| among outcomes of the same kind (so that values near 0
   * left by cancellation are compared at the scale of their kind). Default 0 (exact)
   * when k is a power of two and no volume is drawn from a lognormal, else 1e-9.
   */
  readonly tolerance?: number;
  /** Absolute slack, in the outcome's unit, added to the relative one; default 0 when exact, else 1e-6 max(1, k). */
  readonly absoluteTolerance?: number;
}

/** Outcomes in money or units scale with volumes; shares, ratios and % of GDP do not. */
const LINEAR = ["gdpLoss:", "valueAddedLoss:", "exportRevenueLoss:", "revenueLoss:", "consumerSurplusLoss:", "producerSurplusLoss:", "tariffRevenue:", "termsOfTradeLoss:", "importCostIncrease:", "outputLoss:", "exports:", "leaked:"];

/** True when a volume (surge capacity, capacity added, ...) is drawn from a lognormal, whose scaling (mu + ln k) is rounded. */
function drawsVolumesFromLognormal(scenario: Scenario): boolean {
  const roundedWhenScaled = new Set(scenario.uncertainties.filter((u) => !distributionKind(u.distribution.type)!.scalesExactly).map((u) => u.name));
  const actions = [...scenario.rules.map((r) => r.action), ...scenario.policies.flatMap((p) => [...p.levers, ...p.rules.map((r) => r.action)])];
  const volumes = [...scenario.world.production.map((p) => p.surgeCapacity), ...actions.flatMap(leverVolumes).map(({ value }) => value)];
  return volumes.some((v) => v !== undefined && typeof v !== "number" && roundedWhenScaled.has(v.param));
}

/** True when x is 2^n for a whole n. */
function isPowerOfTwo(x: number): boolean {
  return x > 0 && Number.isFinite(x) && 2 ** Math.round(Math.log2(x)) === x;
}

/**
 * Invariant: **losses scale linearly with volumes.** The scenario is simulated as it is
 * and with every volume and GDP multiplied by k ({@link scaleVolumes}: output, capacity,
 * surge capacity, flows, capacity added; GDP; value added per unit, prices, shares and
 * months of cover unchanged). On the same draw of the policy, with its rules, GDP loss,
 * value added lost, output lost (units), export revenue lost and extra import cost are
 * multiplied by k, and shortfalls, prices and GDP loss in % of GDP are unchanged (so are
 * the standard trade outcomes' changes on the year before and stocks in months of use; the
 * volumes exported and leaked are multiplied by k).
 *
 * It holds **bit for bit** (the default check, tolerance 0) when
 *
 * 1. **k is a power of two** (1/4, 1/2, 2, 4, 1024, ...): multiplying by 2^n is exact in
 *    floating point and commutes with every sum, product and ratio the engine forms, as
 *    long as nothing overflows or becomes subnormal;
 * 2. **no volume is drawn from a lognormal**: scaling a distribution is exact for every
 *    family but the lognormal, whose `mu + ln k` is rounded (volumes drawn from
 *    uncertainties must also feed nothing else, or `scaleVolumes` refuses);
 * 3. **the engine's absolute rounding tolerance decides alike at both scales**: a producer
 *    counts as serving its orders in full when they exceed what it can make by at most
 *    1e-9 relative plus 1e-9 units (`exceedsWithTolerance`); the relative part scales,
 *    the 1e-9 units do not. An excess between 1e-9 / k and 1e-9 units (k > 1) is served
 *    at one scale and not the other: this needs orders within 1e-9 units of what can be
 *    made, that is volumes of about 1e-6 units or less. Scenario validation has the same
 *    absolute term (exports within output, inputs covering recipes): a world valid only
 *    thanks to it may not be valid at another scale.
 *
 * Price floors, price caps, stock draw limits, reserves and the GDP cap are ratios or
 * scale with the economy, so they do not break it. When 1 or 2 fails, each scaled number
 * is rounded and the check allows `tolerance` (default 1e-9) relative to the largest
 * value of the same kind of outcome plus `absoluteTolerance` (default 1e-6 k): results
 * agree to about 1e-12 relative, but a rounding-level difference can flip a decision with
 * a step in it (a gap of 1e-13 starting a good's shock clock, and with it the ramp-up of
 * surge capacity, a period early), which no tolerance covers.
 *
 * @param scenario - a valid scenario.
 * @param options - `{ factor = 2, tolerance, absoluteTolerance, seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the outcome, its value at both scales and what was expected.
 * @throws {InputError} for a factor that is not finite and > 0, a negative tolerance, or an
 *   uncertainty that feeds a volume and another number.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertLossesScaleWithVolumes, scenarioArbitrary } from "chokepoint/testing";
 *
 * const noLognormal = scenarioArbitrary({ distributionKinds: ["uniform", "triangular", "pert", "normal", "beta"] });
 * fc.assert(fc.property(noLognormal, fc.integer({ min: -10, max: 10 }), (scenario, n) =>
 *   assertLossesScaleWithVolumes(scenario, { factor: 2 ** n }))); // bit for bit
 * ```
 */
export function assertLossesScaleWithVolumes(scenario: ScenarioInput | Scenario, options: ScaleOptions = {}): true {
  const factor = options.factor ?? 2;
  if (!(Number.isFinite(factor) && factor > 0)) throw new InputError("options.factor", `expected a finite number > 0, found ${factor}`);
  if (options.tolerance !== undefined && !(options.tolerance >= 0)) throw new InputError("options.tolerance", `expected a number >= 0, found ${options.tolerance}`);
  if (options.absoluteTolerance !== undefined && !(options.absoluteTolerance >= 0)) {
    throw new InputError("options.absoluteTolerance", `expected a number >= 0, found ${options.absoluteTolerance}`);
  }
  const { scenario: parsed, draw } = subject(scenario, options);
  const original = withStandardOutcomes(parsed);
  const exact = isPowerOfTwo(factor) && !drawsVolumesFromLognormal(parsed);
  const tolerance = options.tolerance ?? (exact ? 0 : 1e-9);
  const absoluteTolerance = options.absoluteTolerance ?? (exact ? 0 : 1e-6 * Math.max(1, factor));
  const base = simulateDraw(original, draw).outcomes;
  const scaled = simulateDraw(scaleVolumes(original, factor), draw).outcomes;
  const kindOf = (name: string) => name.slice(0, name.indexOf(":") + 1);
  const expectedOf = (name: string, value: number) => (LINEAR.includes(kindOf(name)) ? value * factor : value);
  const largest = new Map<string, number>();
  for (const [name, value] of Object.entries(base)) {
    const kind = kindOf(name);
    largest.set(kind, Math.max(largest.get(kind) ?? 0, Math.abs(expectedOf(name, value))));
  }
  for (const [name, value] of Object.entries(base)) {
    const linear = LINEAR.includes(kindOf(name));
    const expected = expectedOf(name, value);
    const actual = scaled[name]!;
    if (!(Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(actual), Math.abs(expected), largest.get(kindOf(name))!) + absoluteTolerance)) {
      throw new InvariantError(
        INVARIANT,
        draw,
        `${name} is ${show(value)}; with volumes times ${show(factor)} it is ${show(actual)}, expected ${show(expected)}${linear ? ` (${show(factor)} times as much)` : " (unchanged)"}${tolerance > 0 || absoluteTolerance > 0 ? ` within ${show(tolerance)} relative and ${show(absoluteTolerance)} absolute` : " exactly"}`,
      );
    }
  }
  return true;
}
