import { InputError } from "../../errors.js";
import { CONDITION_KINDS, LEVER_KINDS, type ConditionKind, type DrawLimits, type LeverKind } from "./policy-draw.js";
import type { DistributionKind } from "../distribution-arbitrary.js";
import { UncertaintySink } from "./uncertain.js";

/** The parts of a world that levers, rules and policies refer to. */
export interface WorldNames {
  readonly countries: readonly { readonly id: string }[];
  readonly goods: readonly { readonly id: string }[];
}

/** A build context over a given world, with every number fixed. */
export function fixedContext(world: WorldNames) {
  if (world.countries.length < 2) throw new InputError("world.countries", `expected at least 2 countries, found ${world.countries.length}`);
  if (world.goods.length < 1) throw new InputError("world.goods", "expected at least 1 good, found 0");
  return { countries: world.countries.map((c) => c.id), goods: world.goods.map((g) => g.id), sink: new UncertaintySink(false) };
}

/** Check and fill in the lever and condition kinds and the horizon. */
export function drawLimits(
  constraints: { horizon?: number | undefined; leverKinds?: readonly LeverKind[] | undefined; conditionKinds?: readonly ConditionKind[] | undefined },
  drawn: readonly DistributionKind[],
): DrawLimits {
  const horizon = constraints.horizon ?? 12;
  if (!Number.isInteger(horizon) || horizon < 1) throw new InputError("constraints.horizon", `expected a whole number of periods >= 1, found ${horizon}`);
  const leverKinds = constraints.leverKinds ?? LEVER_KINDS;
  const conditionKinds = constraints.conditionKinds ?? CONDITION_KINDS;
  leverKinds.forEach((kind, i) => {
    if (!LEVER_KINDS.includes(kind)) throw new InputError(`constraints.leverKinds[${i}]`, `expected one of ${LEVER_KINDS.join(", ")}, found ${String(kind)}`);
  });
  conditionKinds.forEach((kind, i) => {
    if (!CONDITION_KINDS.includes(kind)) throw new InputError(`constraints.conditionKinds[${i}]`, `expected one of ${CONDITION_KINDS.join(", ")}, found ${String(kind)}`);
  });
  if (leverKinds.length === 0) throw new InputError("constraints.leverKinds", "expected at least one kind of lever");
  if (conditionKinds.length === 0) throw new InputError("constraints.conditionKinds", "expected at least one kind of condition");
  return { horizon, leverKinds, conditionKinds, drawn };
}
