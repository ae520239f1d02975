// Writes src/schema/scenario-types.ts: the scenario's types (Scenario, World, Lever, ...) as
// plain TypeScript, generated from the zod schemas, so that the published declarations
// name no zod type (a consumer without esModuleInterop, or type-checking libraries, could
// not compile zod's own declarations; and zod's types in signatures are unreadable).
// The schemas stay the one truth: test/schema/scenario-types.test.ts checks that each
// generated type is exactly the zod schema's output (or input) type, and that the file is
// what this script writes now.
//
//   npx tsx scripts/write-scenario-types.ts           # rewrite the file
//   npx tsx scripts/write-scenario-types.ts --check   # exit 1 if it is out of date
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { paramRefSchema, sourceSchema, uncertainNumberSchema } from "../src/schema/common.js";
import { distributionSchema } from "../src/schema/distribution.js";
import { leverSchema, ruleActionSchema } from "../src/schema/levers.js";
import { outcomeSchema } from "../src/schema/outcomes.js";
import { conditionSchema, ruleSchema } from "../src/schema/rules.js";
import { policySchema, scenarioSchema, uncertaintySchema } from "../src/schema/scenario.js";
import {
  countrySchema,
  demandSchema,
  flowSchema,
  goodSchema,
  inputOutputTableSchema,
  productionSchema,
  recipeInputSchema,
  recipeSchema,
  stockSchema,
  worldSchema,
} from "../src/schema/world.js";

type Schema = z.core.$ZodType;
type Def = Schema["_zod"]["def"] & Record<string, unknown>;

/** The file this script writes, from the repository's root. */
export const SCENARIO_TYPES_FILE = "src/schema/scenario-types.ts";

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** What a union's options are tagged by, and how a member's type is named from its tag. */
function members(union: Schema, tag: "type" | "kind", name: (value: string) => string): [Schema, string][] {
  return (def(union).options as Schema[]).map((option) => {
    const literal = def((def(option).shape as Record<string, Schema>)[tag]!).values as unknown[];
    return [option, name(String(literal[0]))];
  });
}

function def(schema: Schema): Def {
  return schema._zod.def as Def;
}

/**
 * The named types, in the order the file lists them: every schema a public type is made
 * of, and the members of each union of kinds. A schema met anywhere is written as its name.
 */
function namedSchemas(): [Schema, string][] {
  return [
    [scenarioSchema, "Scenario"],
    [worldSchema, "World"],
    [countrySchema, "Country"],
    [goodSchema, "Good"],
    [productionSchema, "Production"],
    [flowSchema, "Flow"],
    [recipeSchema, "Recipe"],
    [recipeInputSchema, "RecipeIngredient"],
    [stockSchema, "Stock"],
    [demandSchema, "Demand"],
    [inputOutputTableSchema, "InputOutputTable"],
    [uncertaintySchema, "Uncertainty"],
    [distributionSchema, "DistributionSpec"],
    ...members(distributionSchema, "type", (type) => `${pascal(type)}Spec`),
    [policySchema, "Policy"],
    [leverSchema, "Lever"],
    ...members(leverSchema, "type", pascal),
    [ruleSchema, "Rule"],
    [conditionSchema, "Condition"],
    ...members(conditionSchema, "kind", (kind) => `${pascal(kind)}Condition`),
    [ruleActionSchema, "RuleAction"],
    ...members(ruleActionSchema, "type", (type) => `${pascal(type)}Action`),
    [outcomeSchema, "OutcomeDefinition"],
    ...members(outcomeSchema, "kind", (kind) => `${pascal(kind)}Outcome`),
    [uncertainNumberSchema, "UncertainNumber"],
    [paramRefSchema, "ParamRef"],
    [sourceSchema, "Source"],
  ];
}

/** What a named type is, where its schema carries no description. */
const TYPE_DOCS: Readonly<Record<string, string>> = {
  Scenario: "A validated scenario, with defaults filled in: what `parseScenario` returns. World, agents' rules, uncertainties, policies, horizon and outcomes to record.",
  World: "The baseline economy: countries, goods, production, trade flows, recipes, stocks, buyers' own demand and input-output tables. Data, no behaviour.",
  Country: "A country: an agent with a GDP.",
  Good: "A traded good: its unit, base price and elasticities.",
  Production: "A country's baseline output of a good: capacity, value added, surge capacity and supply response.",
  Flow: "The baseline volume of a good from an exporter to an importer per period.",
  Recipe: "Units of each input good needed per unit of an output good, for every producer or one country's.",
  RecipeIngredient: "One input of a recipe: the good, units per unit of output, and whether it is critical.",
  Stock: "A country's commercial stock of a good: cover at the start, target and restocking.",
  Demand: "A country's own price elasticity of demand for a good.",
  InputOutputTable: "A national input-output table, for indirect (Leontief) and forward (Ghosh) losses.",
  Uncertainty: "A named uncertain parameter: drawn once per run from its distribution, referred to as `{ \"param\": name }`.",
  Policy: "A named set of levers and rules under test, e.g. \"US only\" or \"aligned + JP stockpiles\".",
  DistributionSpec: "One of the supported probability distributions, as written in a scenario (which one: `type`).",
  Lever: "A lever pulled by a policy: who acts, on what, from when (which kind: `type`).",
  Rule: "An agent's response: when every condition holds, the rule fires with `probability` (one draw per run) and its action starts `delay` periods later.",
  Condition: "A condition of a rule (which kind: `kind`).",
  RuleAction:
    "What a rule does when it fires: a lever without `actor` (the rule's agent acts) and without `start` (the firing period plus the delay); its partners may be `triggering`, the countries that set the rule off.",
  OutcomeDefinition: "An outcome to record (which kind: `kind`).",
  UncertainNumber: "A fixed number, or `{ \"param\": name }`: drawn once per run from the named uncertainty.",
};

/** The description a schema carries (`.describe`, `.meta`), looking through optional and default. */
function description(schema: Schema): string | undefined {
  for (let s: Schema | undefined = schema; s !== undefined; ) {
    const text = z.globalRegistry.get(s)?.description;
    if (text !== undefined) return text;
    const d = def(s);
    s = d.type === "optional" || d.type === "default" ? (d.innerType as Schema) : undefined;
  }
  return undefined;
}

function docComment(text: string | undefined, indent: string): string {
  if (text === undefined || text === "") return "";
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((line) => `${indent} * ${line}`).join("\n")}\n${indent} */\n`;
}

class Writer {
  private readonly names: Map<Schema, string>;
  /** Named schemas whose input type differs from their output type (they hold a default). */
  private readonly differs = new Map<Schema, boolean>();

  constructor(named: readonly [Schema, string][]) {
    this.names = new Map(named);
  }

  /** Whether the input type of `schema` differs from its output type: a default somewhere inside. */
  hasDefault(schema: Schema, stack: Set<Schema> = new Set()): boolean {
    const known = this.differs.get(schema);
    if (known !== undefined) return known;
    if (stack.has(schema)) return false;
    stack.add(schema);
    const d = def(schema);
    const inner: Schema[] = [];
    if (d.type === "default") return this.remember(schema, true);
    if (d.type === "object") inner.push(...Object.values(d.shape as Record<string, Schema>));
    if (d.type === "optional" || d.type === "array" || d.type === "record") inner.push((d.innerType ?? d.element ?? d.valueType) as Schema);
    if (d.type === "union") inner.push(...(d.options as Schema[]));
    const result = inner.some((s) => this.hasDefault(s, stack));
    stack.delete(schema);
    return this.remember(schema, result);
  }

  private remember(schema: Schema, value: boolean): boolean {
    if (this.names.has(schema)) this.differs.set(schema, value);
    return value;
  }

  /** The name of a named schema's type, for output or for input. */
  nameOf(schema: Schema, io: "output" | "input"): string | undefined {
    const name = this.names.get(schema);
    if (name === undefined) return undefined;
    return io === "input" && this.hasDefault(schema) ? `${name}Input` : name;
  }

  /** A type expression for `schema`; named schemas by name unless `inline`. */
  type(schema: Schema, io: "output" | "input", indent: string, inline = false): string {
    const name = inline ? undefined : this.nameOf(schema, io);
    if (name !== undefined) return name;
    const d = def(schema);
    switch (d.type) {
      case "string":
      case "number":
      case "boolean":
        return d.type;
      case "literal":
        return (d.values as unknown[]).map((value) => JSON.stringify(value)).join(" | ");
      case "enum":
        return Object.values(d.entries as Record<string, string | number>)
          .map((value) => JSON.stringify(value))
          .join(" | ");
      case "array": {
        const element = this.type(d.element as Schema, io, indent);
        return /[|&]/.test(element) && !element.startsWith("{") ? `(${element})[]` : `${element}[]`;
      }
      case "record":
        if (def(d.keyType as Schema).type !== "string") throw new Error(`a record keyed by ${def(d.keyType as Schema).type}: not written yet`);
        return `Record<string, ${this.type(d.valueType as Schema, io, indent)}>`;
      case "union":
        return (d.options as Schema[]).map((option) => this.type(option, io, indent)).join(" | ");
      case "optional":
        return `${this.type(d.innerType as Schema, io, indent)} | undefined`;
      case "default":
        return io === "input" ? `${this.type(d.innerType as Schema, io, indent)} | undefined` : this.type(d.innerType as Schema, io, indent);
      case "object":
        return this.objectBody(schema, io, indent);
      default:
        throw new Error(`zod type "${d.type}" is not written by scripts/write-scenario-types.ts yet`);
    }
  }

  /** `{ ... }` with one documented member per line. */
  objectBody(schema: Schema, io: "output" | "input", indent: string): string {
    const d = def(schema);
    if (d.catchall !== undefined && def(d.catchall as Schema).type !== "never") throw new Error("an object that is not strict: not written yet");
    const inner = `${indent}  `;
    const lines = Object.entries(d.shape as Record<string, Schema>).map(([key, field]) => {
      const kind = def(field).type;
      const optional = kind === "optional" || (kind === "default" && io === "input");
      const property = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      return `${docComment(fieldDescription(field), inner)}${inner}${property}${optional ? "?" : ""}: ${this.type(field, io, inner)};`;
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  }

  /** The declaration of a named type (for output or input). */
  declaration(schema: Schema, io: "output" | "input"): string {
    const name = this.nameOf(schema, io)!;
    const output = this.nameOf(schema, "output")!;
    const what = docComment(io === "input" ? `{@link ${output}} as written in a file or in code, before defaults are filled in.` : (description(schema) ?? TYPE_DOCS[output]), "");
    return def(schema).type === "object" ? `${what}export interface ${name} ${this.objectBody(schema, io, "")}\n` : `${what}export type ${name} = ${this.type(schema, io, "", true)};\n`;
  }
}

/** A field's description, and its default when it has one. */
function fieldDescription(field: Schema): string | undefined {
  const text = description(field);
  const d = def(field);
  if (d.type !== "default") return text;
  const value = JSON.stringify(typeof d.defaultValue === "function" ? (d.defaultValue as () => unknown)() : d.defaultValue);
  return `${text === undefined ? "" : `${text}\n`}@defaultValue \`${value}\``;
}

/** The text of src/schema/scenario-types.ts. */
export function scenarioTypesSource(): string {
  const named = namedSchemas();
  const writer = new Writer(named);
  const parts = [
    "// Generated by scripts/write-scenario-types.ts from the zod schemas of src/schema/: do not edit.\n" +
      "// After changing a schema, run `npx tsx scripts/write-scenario-types.ts`; test/schema/scenario-types.test.ts\n" +
      "// checks that every type here is exactly its schema's output (or input) type.\n",
  ];
  for (const [schema] of named) {
    parts.push(writer.declaration(schema, "output"));
    if (writer.hasDefault(schema)) parts.push(writer.declaration(schema, "input"));
  }
  return parts.join("\n");
}

/** Names of the generated types, output and input, in order (for the tests). */
export function scenarioTypeNames(): string[] {
  const named = namedSchemas();
  const writer = new Writer(named);
  return named.flatMap(([schema, name]) => (writer.hasDefault(schema) ? [name, `${name}Input`] : [name]));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = fileURLToPath(new URL(`../${SCENARIO_TYPES_FILE}`, import.meta.url));
  const text = scenarioTypesSource();
  if (process.argv.includes("--check")) {
    const current = readFileSync(file, "utf8");
    if (current !== text) {
      console.error(`${SCENARIO_TYPES_FILE} is out of date: run npx tsx scripts/write-scenario-types.ts`);
      process.exit(1);
    }
    console.log(`${SCENARIO_TYPES_FILE} is up to date`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${SCENARIO_TYPES_FILE}`);
  }
}
