// The scenario's public types (src/schema/scenario-types.ts, generated from the zod schemas
// by scripts/write-scenario-types.ts) against the schemas: each one is exactly its schema's
// output type (validated, defaults filled in) or input type (as written), checked by `tsc`
// (npm test type-checks tests); and the file is what the script writes now, descriptions
// included.
import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { SCENARIO_TYPES_FILE, scenarioTypeNames, scenarioTypesSource } from "../../scripts/write-scenario-types.js";
import type { paramRefSchema, sourceSchema, uncertainNumberSchema } from "../../src/schema/common.js";
import type { distributionSchema } from "../../src/schema/distribution.js";
import type { leverSchema, ruleActionSchema } from "../../src/schema/levers.js";
import type { outcomeSchema } from "../../src/schema/outcomes.js";
import type { conditionSchema, ruleSchema } from "../../src/schema/rules.js";
import type { policySchema, scenarioSchema, uncertaintySchema } from "../../src/schema/scenario.js";
import type * as T from "../../src/schema/scenario-types.js";
import type * as world from "../../src/schema/world.js";

/** True when the compiler takes A and B for the same type (it does not tell `a?: T` from `a?: T | undefined`). */
type Identical<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
/**
 * True when A and B are the same type, `| undefined` on optional fields included: identical,
 * and each assignable to the other (under exactOptionalPropertyTypes, `a?: T | undefined` is
 * not assignable to `a?: T`). expect-type's toEqualTypeOf tells neither apart.
 */
type Same<A, B> = Identical<A, B> extends true ? ([A] extends [B] ? ([B] extends [A] ? true : false) : false) : false;
/** Checks that the output and input types of `S` are `O` and `I`. */
type Matches<S extends z.ZodType, O, I> = [Same<z.output<S>, O>, Same<z.input<S>, I>];
type Member<U, Key extends string, Tag extends string> = Extract<U, { [K in Key]: Tag }>;

describe("scenario types", () => {
  it("are exactly the schemas' output and input types", () => {
    expectTypeOf<Matches<typeof scenarioSchema, T.Scenario, T.ScenarioInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.worldSchema, T.World, T.WorldInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.countrySchema, T.Country, T.Country>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.goodSchema, T.Good, T.GoodInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.productionSchema, T.Production, T.ProductionInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.flowSchema, T.Flow, T.Flow>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.recipeSchema, T.Recipe, T.RecipeInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.recipeInputSchema, T.RecipeIngredient, T.RecipeIngredientInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.stockSchema, T.Stock, T.StockInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.demandSchema, T.Demand, T.Demand>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof world.inputOutputTableSchema, T.InputOutputTable, T.InputOutputTableInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof uncertaintySchema, T.Uncertainty, T.Uncertainty>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof distributionSchema, T.DistributionSpec, T.DistributionSpec>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof policySchema, T.Policy, T.PolicyInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof leverSchema, T.Lever, T.LeverInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof ruleSchema, T.Rule, T.RuleInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof conditionSchema, T.Condition, T.ConditionInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof ruleActionSchema, T.RuleAction, T.RuleActionInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof outcomeSchema, T.OutcomeDefinition, T.OutcomeDefinitionInput>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof uncertainNumberSchema, T.UncertainNumber, T.UncertainNumber>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof paramRefSchema, T.ParamRef, T.ParamRef>>().toEqualTypeOf<[true, true]>();
    expectTypeOf<Matches<typeof sourceSchema, T.Source, T.Source>>().toEqualTypeOf<[true, true]>();
  });

  it("name each kind of a union: each member is exactly the schema's", () => {
    type L = z.output<typeof leverSchema>;
    expectTypeOf<Same<Member<L, "type", "exportRestriction">, T.ExportRestriction>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Member<L, "type", "importTariff">, T.ImportTariff>>().toEqualTypeOf<true>();
    type A = z.input<typeof ruleActionSchema>;
    expectTypeOf<Same<Member<A, "type", "stockpileRelease">, T.StockpileReleaseActionInput>>().toEqualTypeOf<true>();
    type C = z.output<typeof conditionSchema>;
    expectTypeOf<Same<Member<C, "kind", "restriction">, T.RestrictionCondition>>().toEqualTypeOf<true>();
    type O = z.output<typeof outcomeSchema>;
    expectTypeOf<Same<Member<O, "kind", "gdpLoss">, T.GdpLossOutcome>>().toEqualTypeOf<true>();
    type D = z.output<typeof distributionSchema>;
    expectTypeOf<Same<Member<D, "type", "pert">, T.PertSpec>>().toEqualTypeOf<true>();
  });

  it("are what scripts/write-scenario-types.ts writes from the schemas now", () => {
    const committed = readFileSync(new URL(`../../${SCENARIO_TYPES_FILE}`, import.meta.url), "utf8");
    expect(committed === scenarioTypesSource(), `${SCENARIO_TYPES_FILE} is out of date: run npx tsx scripts/write-scenario-types.ts`).toBe(true);
    expect(scenarioTypeNames()).toEqual(expect.arrayContaining(["Scenario", "ScenarioInput", "World", "Lever", "ExportRestriction", "OutcomeDefinition", "DistributionSpec"]));
  });
});
