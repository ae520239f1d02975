import { z } from "zod";
import { paramRefSchema } from "./common.js";
import { ruleSchema } from "./rules.js";
import { leverSchema } from "./levers.js";
import { scenarioSchema, uncertaintySchema } from "./scenario.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the same zod schemas
 * that validate them, for editor completion and validation in other tools. Fields with
 * defaults are optional, as in files. Cross-reference checks (names that must exist,
 * balances, recipe cycles) are beyond JSON Schema: `parseScenario` makes them.
 *
 * Unions are written so that editors report a typo once, where it is (see
 * `focusUnions`): a lever, condition, rule action, outcome or distribution is
 * checked against the one shape its tag (`type` or `kind`) selects, and a misspelt tag
 * gets a single problem that lists the valid ones.
 *
 * @returns a plain JSON object; the package also ships it as `chokepoint/scenario.schema.json`.
 * @example
 * ```ts
 * const schema = scenarioJsonSchema();
 * schema.required; // ["name", "horizon", "world", "policies"]
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const options = { io: "input", unrepresentable: "any" } as const;
  const piece = (schema: z.ZodType) => Object.fromEntries(Object.entries(focusUnions(z.toJSONSchema(schema, options)) as Json).filter(([key]) => key !== "$schema" && key !== "$defs"));
  let schema = focusUnions(z.toJSONSchema(scenarioSchema, options)) as Json;
  // written once under $defs and referred to: rules (scenario-wide, a policy's and a game
  // option's), levers (a policy's and a game option's), uncertainties (the scenario's and
  // the game's) and `{ "param": name }`
  schema = hoist(schema, "rule", piece(ruleSchema));
  schema = hoist(schema, "uncertainty", piece(uncertaintySchema));
  schema = hoist(schema, "lever", piece(leverSchema));
  schema = hoist(schema, "param", piece(paramRefSchema));
  return {
    $schema: schema.$schema,
    title: "chokepoint scenario",
    description: "A supply-chain risk scenario: world, agents' rules, uncertainties, policies and outcomes.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}

/**
 * Rewrites the unions zod emits into forms that validators and editors can report on
 * precisely, without changing what the schema accepts:
 *
 * - A `oneOf` of objects that all carry a distinct `const` under the same required
 *   property (a zod discriminated union: `type` of levers, rule actions and
 *   distributions, `kind` of conditions and outcomes) becomes an object whose tag is an
 *   `enum` of the tags, plus one `if` (tag is X) / `then` (X's shape) per tag. An
 *   untagged `oneOf` leaves a validator to report every branch's failures (ajv lists
 *   over a hundred for three typos); here a misspelt tag is one problem naming the valid
 *   tags, and a typo inside a lever is checked against that lever's shape alone. Each
 *   shape keeps `additionalProperties: false`, so misspelt property names are still caught.
 * - A number or `{ "param": name }` (an `anyOf` of the two) becomes `if` it is an object
 *   `then` the `{ param }` shape `else` a number, so that `{ "parm": "x" }` is reported as
 *   the unknown property it is rather than as "expected a number"; likewise a source or a
 *   list of sources.
 * - Some words or something else (`"all"`, `"triggering"` or a list of names; `"outside"`
 *   or `{ "inside": country }`), an `anyOf` of `const` strings and one other shape, becomes
 *   `if` it is a string `then` one of the words `else` the other shape, so that a misspelt
 *   word is told every word it may be, not only the first.
 *
 * Applied bottom-up to every node.
 */
export function focusUnions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(focusUnions);
  if (!isObject(node)) return node;
  const focused = Object.fromEntries(Object.entries(flattenAnyOf(node)).map(([key, value]) => [key, focusUnions(value)]));
  return taggedUnion(focused) ?? wordsOrOther(focused) ?? oneOfTwoTypes(focused) ?? focused;
}

/** The property every member of `members` tags with a distinct string `const`, if any. */
function tagOf(members: readonly Json[]): string | undefined {
  const first = members[0]?.properties;
  if (!isObject(first)) return undefined;
  for (const candidate of Object.keys(first)) {
    const tags = members.map((member) => {
      const property = isObject(member.properties) ? member.properties[candidate] : undefined;
      const required = Array.isArray(member.required) && member.required.includes(candidate);
      return required && isObject(property) && typeof property.const === "string" ? property.const : undefined;
    });
    if (tags.every((tag) => tag !== undefined) && new Set(tags).size === tags.length) return candidate;
  }
  return undefined;
}

/** A discriminated `oneOf` rewritten as a tag `enum` and one `if`/`then` per tag (see {@link focusUnions}). */
function taggedUnion(node: Json): Json | undefined {
  const { oneOf, ...rest } = node;
  if (!Array.isArray(oneOf) || oneOf.length < 2 || !oneOf.every((member) => isObject(member) && member.type === "object")) return undefined;
  const members = oneOf as Json[];
  const tag = tagOf(members);
  if (tag === undefined) return undefined;
  const tags = members.map((member) => (member.properties as Record<string, Json>)[tag]!.const as string);
  return {
    ...rest,
    type: "object",
    properties: { [tag]: { type: "string", enum: tags, description: `Which kind of entry this is: ${tags.map((t) => `\`${t}\``).join(", ")}.` } },
    required: [tag],
    allOf: members.map((member, i) => {
      const properties = member.properties as Record<string, Json>;
      // the kind's summary on its tag too, so that hovering over `"type": "x"` says what x does
      const described = typeof member.description === "string" ? { ...properties, [tag]: { ...properties[tag], description: member.description } } : properties;
      return {
        if: { properties: { [tag]: { const: tags[i] } }, required: [tag] },
        then: { ...member, properties: described },
      };
    }),
  };
}

/**
 * `anyOf` of two shapes of different JSON types (a number or `{ param }`; a source or a
 * list of sources) rewritten as `if` the second's type `then` it `else` the first (see
 * {@link focusUnions}). A shape without a `type` (a `$ref`) goes in `else`.
 */
function oneOfTwoTypes(node: Json): Json | undefined {
  const { anyOf, ...rest } = node;
  if (!Array.isArray(anyOf) || anyOf.length !== 2 || !anyOf.every(isObject)) return undefined;
  const typed = anyOf.filter((member) => typeof member.type === "string");
  const untyped = anyOf.filter((member) => member.type === undefined && typeof member.$ref === "string");
  if (typed.length === 2 && typed[0]!.type !== typed[1]!.type) {
    // the structured shape in `if`, so that a wrong scalar is told the scalar type it needs
    const [other, structured] = typed[0]!.type === "object" || typed[0]!.type === "array" ? [typed[1]!, typed[0]!] : [typed[0]!, typed[1]!];
    return { ...rest, if: { type: structured.type }, then: structured, else: other };
  }
  if (typed.length === 1 && untyped.length === 1) return { ...rest, if: { type: typed[0]!.type }, then: typed[0], else: untyped[0] };
  return undefined;
}

/** `node` with the members of an `anyOf` that are bare `anyOf`s themselves taken into it (`"all"` or names, or `"triggering"`: one union). */
function flattenAnyOf(node: Json): Json {
  if (!Array.isArray(node.anyOf)) return node;
  const flatten = (member: unknown): unknown[] => (isObject(member) && Array.isArray(member.anyOf) && Object.keys(member).length === 1 ? member.anyOf.flatMap(flatten) : [member]);
  return { ...node, anyOf: node.anyOf.flatMap(flatten) };
}

/** The strings a subschema allows, when it allows only some strings (`const` or `enum`). */
function words(member: Json): string[] | undefined {
  if (member.type !== "string") return undefined;
  if (typeof member.const === "string") return [member.const];
  if (Array.isArray(member.enum) && member.enum.every((value) => typeof value === "string")) return member.enum as string[];
  return undefined;
}

/** `anyOf` of words and one other shape rewritten as `if` string `then` the words `else` the shape (see {@link focusUnions}). */
function wordsOrOther(node: Json): Json | undefined {
  const { anyOf: members, ...rest } = node;
  if (!Array.isArray(members) || !members.every(isObject)) return undefined;
  const allowed = members.map(words);
  const others = members.filter((_, i) => allowed[i] === undefined);
  if (others.length !== 1 || others[0]!.type === undefined || others[0]!.type === "string" || Array.isArray(others[0]!.type)) return undefined;
  return { ...rest, if: { type: "string" }, then: { type: "string", enum: allowed.flatMap((some) => some ?? []) }, else: others[0] };
}

/**
 * `schema` with every subschema equal to `piece` (its `$defs` included) replaced by a
 * reference to `$defs[name]`, which holds it once.
 */
function hoist(schema: Json, name: string, piece: Json): Json {
  const text = JSON.stringify(piece);
  const ref = { $ref: `#/$defs/${name}` };
  const replace = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(replace);
    if (!isObject(node)) return node;
    if (JSON.stringify(node) === text) return ref;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, replace(value)]));
  };
  const replaced = replace(schema) as Json;
  if (JSON.stringify(replaced) === JSON.stringify(schema)) throw new Error(`internal error: no subschema of the scenario's JSON Schema is the ${name}`);
  return { ...replaced, $defs: { ...(isObject(replaced.$defs) ? replaced.$defs : {}), [name]: piece } };
}
