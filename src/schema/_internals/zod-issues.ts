import type { z } from "zod";
import { formatPath } from "../../errors.js";
import { describeKey, describeValue, suggestionText, valueAt } from "../suggest.js";
import type { ValidationContext } from "./validation-context.js";

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  valueType?: AnySchema;
  in?: AnySchema;
  values?: unknown[];
}

export const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def;

/** Strip optional/default/pipe wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType !== undefined && ["optional", "default", "prefault", "nullable", "readonly", "catch", "nonoptional"].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === "pipe" && def.in !== undefined) {
      current = def.in;
    } else return current;
  }
}

/** The object schemas that could describe `value` (several for an undiscriminated union). */
export function objectSchemasFor(schema: AnySchema, value: unknown): AnySchema[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === "object") return [inner];
  if (def.type === "union" && def.options !== undefined) {
    if (def.discriminator !== undefined && value !== null && typeof value === "object") {
      const tag = (value as Record<string, unknown>)[def.discriminator];
      const matching = def.options.filter((option) => {
        const shape = defOf(unwrap(option)).shape;
        const literal = shape?.[def.discriminator!];
        return literal !== undefined && (defOf(literal).values ?? []).includes(tag);
      });
      if (matching.length > 0) return matching.flatMap((option) => objectSchemasFor(option, value));
    }
    return def.options.flatMap((option) => objectSchemasFor(option, value));
  }
  return [];
}

/** Walk `schema` along `path` (following `root` to pick union branches); the schemas found there. */
function schemasAt(schema: AnySchema, root: unknown, path: readonly PropertyKey[]): AnySchema[] {
  let current: AnySchema[] = [schema];
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth]!;
    const parentValue = valueAt(root, path.slice(0, depth));
    const next: AnySchema[] = [];
    for (const candidate of current) {
      const inner = unwrap(candidate);
      const def = defOf(inner);
      if (def.type === "array" && def.element !== undefined && typeof key === "number") next.push(def.element);
      else if (def.type === "record" && def.valueType !== undefined) next.push(def.valueType);
      else {
        for (const objectSchema of objectSchemasFor(inner, parentValue)) {
          const shape = defOf(objectSchema).shape;
          if (shape !== undefined && Object.hasOwn(shape, String(key))) next.push(shape[String(key)]!);
        }
      }
    }
    current = next;
  }
  return current;
}

function knownKeysAt(schema: AnySchema, root: unknown, path: readonly PropertyKey[]): string[] {
  const value = valueAt(root, path);
  const keys = new Set<string>();
  for (const candidate of schemasAt(schema, root, path)) {
    for (const objectSchema of objectSchemasFor(candidate, value)) {
      for (const key of Object.keys(defOf(objectSchema).shape ?? {})) keys.add(key);
    }
  }
  return [...keys];
}

const TYPE_NAMES: Record<string, string> = {
  array: "a list",
  object: "an object",
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
};

function describeExpected(issue: Issue): string[] {
  switch (issue.code) {
    case "invalid_type":
      return [TYPE_NAMES[issue.expected] ?? String(issue.expected)];
    case "invalid_value":
      return issue.values.map((v) => JSON.stringify(v));
    case "invalid_union":
      return issue.errors.flatMap((branch) => (branch[0] !== undefined && branch[0].path.length === 0 ? describeExpected(branch[0]) : []));
    default:
      return [];
  }
}

function joinAlternatives(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? "a valid value";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

/** Fields model v2 removed, and what replaces them (docs/model.md). */
const REMOVED_FIELDS: Readonly<Record<string, string>> = {
  marketIntegration:
    "buyers now trade with every origin at its own price, substituting between origins as the good's substitutionElasticity allows; delete the field (and set substitutionElasticity, default 4)",
  diversion:
    "what a restricting exporter cannot sell to its targets now goes, at its lower price, to the buyers it does not restrict and to its home market; delete the field (stockpileShare buys part of it into a state reserve)",
};

/** True when zod's message is its generic default rather than one written in our schemas. */
const isDefaultMessage = (message: string) => /^(Invalid|Too (small|big)|Unrecognized)/.test(message);

/**
 * Turn zod issues into problems a user can act on: the path, what was expected,
 * what was found, and a "did you mean" for misspelt keys and values. Problems go to
 * `context`; once it lists no more, the rest are only counted.
 */
export function reportZodIssues(schema: AnySchema, input: unknown, issues: readonly Issue[], context: ValidationContext): void {
  const didYouMean = (name: string, known: Iterable<string>) => context.didYouMean(name, known);
  for (const issue of issues) {
    context.tick();
    if (context.full) {
      // listed enough: count the rest without describing them
      context.count(issue.code === "unrecognized_keys" ? issue.keys.length : 1);
      continue;
    }
    const path = issue.path;
    const found = valueAt(input, path);
    switch (issue.code) {
      case "unrecognized_keys": {
        const known = knownKeysAt(schema, input, path);
        for (const key of issue.keys) {
          const removed = Object.hasOwn(REMOVED_FIELDS, key) ? REMOVED_FIELDS[key] : undefined;
          if (removed !== undefined) {
            context.report({ path: formatPath([...path, key]), message: `"${key}" was removed in model v2: ${removed}` });
            continue;
          }
          const suggestion = context.closestName(key, known);
          context.report({
            path: formatPath([...path, key]),
            message: `unknown field "${describeKey(key)}"${suggestionText(suggestion)}${known.length > 0 && suggestion === undefined ? ` (expected one of: ${known.join(", ")})` : ""}`,
          });
        }
        break;
      }
      case "invalid_type": {
        const expected = TYPE_NAMES[issue.expected] ?? String(issue.expected);
        const message =
          found === undefined
            ? `missing (expected ${expected})`
            : isDefaultMessage(issue.message)
              ? `expected ${expected}, found ${describeValue(found)}`
              : `${issue.message}, found ${describeValue(found)}`;
        context.report({ path: formatPath(path), message });
        break;
      }
      case "invalid_union": {
        const discriminator = "discriminator" in issue ? issue.discriminator : undefined;
        if (discriminator !== undefined && "options" in issue && issue.options !== undefined) {
          const options = issue.options.map(String);
          const tag = valueAt(input, [...path, discriminator]);
          const atPath = path[path.length - 1] === discriminator ? path : [...path, discriminator];
          const tagFound = valueAt(input, atPath);
          context.report({
            path: formatPath(atPath),
            message: `expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}, found ${describeValue(tagFound ?? tag)}${typeof tagFound === "string" ? didYouMean(tagFound, options) : ""}`,
          });
          break;
        }
        const expected = describeExpected(issue);
        const literals = expected.filter((e) => e.startsWith('"')).map((e) => JSON.parse(e) as string);
        context.report({
          path: formatPath(path),
          message: `expected ${joinAlternatives(expected)}, found ${describeValue(found)}${typeof found === "string" ? didYouMean(found, literals) : ""}`,
        });
        break;
      }
      case "invalid_value": {
        const options = issue.values.map(String);
        context.report({
          path: formatPath(path),
          message: `expected ${joinAlternatives(issue.values.map((v) => JSON.stringify(v)))}, found ${describeValue(found)}${typeof found === "string" ? didYouMean(found, options) : ""}`,
        });
        break;
      }
      case "too_small":
      case "too_big": {
        const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
        const relation = issue.code === "too_small" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
        let message: string;
        if (!isDefaultMessage(issue.message)) message = issue.message;
        else if (issue.origin === "array") message = `expected ${relation === ">=" ? "at least" : "at most"} ${String(bound)} entries`;
        else if (issue.origin === "string") message = `expected a text of ${relation === ">=" ? "at least" : "at most"} ${String(bound)} characters`;
        else message = `expected a value ${relation} ${String(bound)}`;
        const shown = Array.isArray(found) ? `${found.length} entries` : describeValue(found);
        context.report({ path: formatPath(path), message: `${message}, found ${shown}` });
        break;
      }
      default: {
        const message = isDefaultMessage(issue.message) ? `invalid value ${describeValue(found)}` : `${issue.message}, found ${describeValue(found)}`;
        context.report({ path: formatPath(path), message });
      }
    }
  }
}
