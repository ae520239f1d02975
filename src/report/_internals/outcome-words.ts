// An outcome as a report says it in a sentence, whether it is a loss (so that a negative
// value is a gain), and the cap its values may hit (a good's price cap).
import type { OutcomeDefinition } from "../../schema/outcomes.js";
import type { Scenario } from "../../schema/scenario.js";

/**
 * The outcome's description as a phrase, countries by name: `GDP loss of Japan over the
 * horizon` for `GDP loss of JP over the horizon (direct value added; ...)`.
 */
export function outcomePhrase(description: string, scenario: Scenario): string {
  const cut = description.indexOf(" (");
  let phrase = (cut > 0 ? description.slice(0, cut) : description).replace(/[.;:]\s*$/, "");
  for (const country of scenario.world.countries) {
    if (country.name === undefined) continue;
    phrase = phrase.replace(new RegExp(`(^|[^A-Za-z0-9_-])${country.id.replace(/[^A-Za-z0-9]/g, "\\$&")}(?![A-Za-z0-9_-])`, "g"), `$1${country.name}`);
  }
  return phrase;
}

/** Kinds whose value is a loss: below 0, a gain. */
export function isLoss(definition: OutcomeDefinition | undefined): boolean {
  return definition !== undefined && (definition.kind.endsWith("Loss") || definition.kind === "importCostIncrease");
}

/** The cap a price outcome's values cannot pass, in its unit: the good's price cap (times its base price in USD). */
export function capOf(definition: OutcomeDefinition | undefined, scenario: Scenario): number | undefined {
  if (definition === undefined || definition.kind !== "price") return undefined;
  const good = scenario.world.goods.find((g) => g.id === definition.good);
  if (good === undefined) return undefined;
  return definition.unit === "USD" ? good.priceCap * good.basePrice : good.priceCap;
}
