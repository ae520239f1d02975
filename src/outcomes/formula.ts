// An outcome computed from outcomes listed before it, by an allow-listed formula:
// `jp / (jp + cn)` with `variables: { jp: "gdpLoss:JP", cn: "gdpLoss:CN" }`, checked and
// compiled once (SECURITY.md), evaluated per run; a value that is not finite is an error
// naming the run.
import type { z } from "zod";
import { FORMULA_LIMITS, FORMULA_NAME, reservedFormulaName } from "../formula/vocabulary.js";
import type { SchemaKit } from "../schema/kit.js";
import { commonFields, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("formula"),
    expression: z.string().min(1).max(FORMULA_LIMITS.length, `expected a formula of at most ${FORMULA_LIMITS.length} characters`),
    variables: z
      .record(z.string().regex(FORMULA_NAME, { message: "expected a formula name of letters, digits and _, starting with a letter or _" }), kit.identifier)
      .describe("Names the formula uses, each standing for an outcome listed earlier."),
    unit: kit.freeText().min(1).max(80).default("formula"),
    ...commonFields(kit),
  });
}

export type FormulaOutcome = z.output<ReturnType<typeof schema>>;

export const formula = {
  kind: "formula",
  summary: "An allow-listed formula of outcomes listed before it.",
  schema,
  check(outcome, at, context) {
    const variables = Object.keys(outcome.variables);
    if (variables.length > FORMULA_LIMITS.nodes) {
      context.report([...at, "variables"], `expected at most ${FORMULA_LIMITS.nodes} variables (a formula has at most ${FORMULA_LIMITS.nodes} terms), found ${variables.length}`);
      return;
    }
    for (const [name, target] of Object.entries(outcome.variables)) {
      if (reservedFormulaName(name)) context.report([...at, "variables", name], `"${name}" is a function or constant of formulas; choose another name`);
      context.outcomeBefore([...at, "variables", name], target);
    }
    for (const problem of context.formulaProblems(outcome.expression, variables)) context.report([...at, "expression"], problem);
  },
  compile(outcome, context) {
    const names = Object.keys(outcome.variables);
    return {
      formula: {
        program: context.formula(outcome.expression, names),
        inputs: Int32Array.from(names, (name) => context.outcomeIndex(outcome.variables[name]!)),
      },
      unitText: outcome.unit,
      description: `${outcome.expression} (${Object.entries(outcome.variables)
        .map(([variable, name]) => `${variable} = ${name}`)
        .join(", ")})`,
    };
  },
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: () => [],
} satisfies OutcomeKindModule<"formula", FormulaOutcome>;
