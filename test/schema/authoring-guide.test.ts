// docs/authoring.md cannot fall behind the code: the files it shows are the files in
// examples/authoring/, the output it quotes for `validate` and `explain` is what they
// print, each broken file gives the exit code the guide says, and its reference lists every
// field the scenario schema accepts, under the heading of the object that has it.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONSTANTS, FORMULA_LIMITS, FUNCTIONS } from "../../src/formula/vocabulary.js";
import { scenarioJsonSchema } from "../../src/index.js";
import { runInProcess } from "../cli/_helpers.js";

const GUIDE = "docs/authoring.md";
const guide = readFileSync(GUIDE, "utf8");

interface Block {
  readonly info: string;
  readonly body: string;
  /** The comment line just before the fence, if any (`<!-- doc-test: exit 1 -->`). */
  readonly note: string | undefined;
  /** The next fenced block, if any. */
  next?: Block;
}

/** The guide's fenced blocks, in order. */
function blocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]!);
    if (open === null) continue;
    const end = lines.indexOf("```", i + 1);
    const before = lines.slice(0, i).reverse().find((line) => line.trim() !== "");
    const block: Block = { info: open[1]!.trim(), body: lines.slice(i + 1, end).join("\n") + "\n", note: before?.startsWith("<!--") === true ? before : undefined };
    if (found.length > 0) found[found.length - 1]!.next = block;
    found.push(block);
    i = end;
  }
  return found;
}

const all = blocks(guide);
const commands = all.filter((block) => block.info === "sh").flatMap((block) => block.body.trimEnd().split("\n").map((line) => ({ line, block })));

describe("docs/authoring.md", () => {
  it.each(all.filter((block) => / file=/.test(block.info)).map((block) => [block.info.split("file=")[1]!, block] as const))("shows %s exactly as it is", (file, block) => {
    expect(block.body).toBe(readFileSync(file, "utf8"));
  });

  const checked = commands.filter(({ line }) => /^npx chokepoint (validate|explain) \S+$/.test(line));
  it.each(checked.map(({ line, block }) => [line, block] as const))("%s: exit code and output as the guide says", async (line, block) => {
    const { code, out, err } = await runInProcess(line.split(" ").slice(2));
    const expected = Number(/doc-test: exit (\d+)/.exec(block.note ?? "")?.[1] ?? 0);
    expect(code).toBe(expected);
    // a one-command block followed by a text block quotes its output
    if (block.body.trimEnd() === line && block.next?.info === "text") expect(`${out}${err}`).toBe(block.next.body);
  });

  it("gives the formula grammar: every function and constant a formula may use, and its limits", () => {
    const section = guide.slice(guide.indexOf("## 7. Formulas"), guide.indexOf("## 8. Reference")).replace(/\s+/g, " ");
    for (const name of [...FUNCTIONS.keys(), ...CONSTANTS.keys()]) expect(section).toMatch(new RegExp(`\`${name}[(\`]`));
    const number = (n: number) => n.toLocaleString("en-US");
    expect(section).toContain(`at most ${number(FORMULA_LIMITS.length)} characters and ${number(FORMULA_LIMITS.nodes)} terms`);
    expect(section).toContain(`at most ${FORMULA_LIMITS.nesting} deep`);
  });

  it("shows what validate says about every broken file in examples/authoring/mistakes", () => {
    const shown = new Set(checked.map(({ line }) => line.split(" ").at(-1)));
    const files = readdirSync("examples/authoring/mistakes").map((file) => `examples/authoring/mistakes/${file}`);
    expect(files.filter((file) => !shown.has(file))).toEqual([]);
  });
});

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The objects of the scenario JSON Schema, each with a key naming its heading in the
 * guide's reference, its fields, and where else its fields may be listed: a union's
 * members may leave the fields they all share to the union's table; a small nested
 * object (`market: { inside }`) may be described in its parent's row.
 */
interface SchemaSection {
  readonly fields: Set<string>;
  /** The fields' defaults, where the schema gives one. */
  readonly defaults: Map<string, unknown>;
  readonly elsewhere: string[];
}

function schemaSections(schema: Json): Map<string, SchemaSection> {
  const defs = schema.$defs as Record<string, Json>;
  const sections = new Map<string, SchemaSection>();
  const add = (key: string, properties: Record<string, unknown>, elsewhere: string[]) => {
    const section = sections.get(key) ?? { fields: new Set<string>(), defaults: new Map(), elsewhere };
    for (const [field, property] of Object.entries(properties)) {
      section.fields.add(field);
      if (isObject(property) && "default" in property) section.defaults.set(field, property.default);
    }
    sections.set(key, section);
  };
  // objects that stand in several places, documented once: a rule's action is a lever
  const ALIAS: Record<string, string> = { "rules[].action": "policies[].levers[]" };
  const SHARED = new Set(["truncate", "licensing", "schedule[]"]);
  const walk = (node: unknown, key: string, elsewhere: string[], union?: string): void => {
    if (!isObject(node)) return;
    if (typeof node.$ref === "string") {
      const name = node.$ref.replace("#/$defs/", "");
      if (name === "param") return; // `{ param }`: explained once, at the top of the reference
      return walk(defs[name], name === "rule" ? "rules[]" : name === "lever" ? "policies[].levers[]" : name === "uncertainty" ? "uncertainties[]" : name, [], undefined);
    }
    for (const branch of ["then", "else"]) if (isObject(node[branch]) && !Array.isArray(node.allOf)) walk(node[branch], key, elsewhere, union);
    if (node.type === "array") return walk(node.items, `${key}[]`, elsewhere, union);
    if (!isObject(node.properties)) return;
    const unionKey = ALIAS[key] ?? key;
    if (Array.isArray(node.allOf)) {
      // a tagged union: the tag in the union's table, each member under its own heading
      const tag = Object.keys(node.properties)[0]!;
      add(unionKey, { [tag]: node.properties[tag] }, []);
      for (const { then } of node.allOf as { then: Json }[]) {
        const properties = then.properties as Record<string, Json>;
        const member = `${unionKey} ${properties[tag]!.const as string}`;
        add(member, Object.fromEntries(Object.entries(properties).filter(([field]) => field !== tag)), [unionKey]);
        for (const [field, value] of Object.entries(properties)) walk(value, `${member}.${field}`, [member], unionKey);
      }
      return;
    }
    const last = key.slice(key.lastIndexOf(".") + 1);
    const sectionKey = union !== undefined && SHARED.has(last) ? `${union} ${last}` : key;
    add(sectionKey, node.properties, elsewhere);
    for (const [field, value] of Object.entries(node.properties)) walk(value, sectionKey === "" ? field : `${sectionKey}.${field}`, [sectionKey], union);
  };
  walk(schema, "", []);
  return sections;
}

/**
 * The guide's reference tables: for each heading, the fields its table lists (first
 * column) and the code it mentions. A level-4 heading that is not a path (`uniform`)
 * belongs to the level-3 heading above it (`uncertainties[].distribution uniform`).
 */
function guideSections(markdown: string): Map<string, { fields: Set<string>; defaults: Map<string, string>; code: string }> {
  const reference = markdown.slice(markdown.indexOf("## 8. Reference"));
  const sections = new Map<string, { fields: Set<string>; defaults: Map<string, string>; code: string }>();
  let h3 = "";
  let current = { fields: new Set<string>(), defaults: new Map<string, string>(), code: "" };
  for (const line of reference.split("\n")) {
    const heading = /^(###|####) (.*)$/.exec(line);
    if (heading !== null) {
      const title = heading[2]!.replace(/`/g, "");
      const key = title === "Top level" ? "" : heading[1] === "###" || title.includes(".") ? title : `${h3} ${title}`;
      if (heading[1] === "###") h3 = key;
      current = { fields: new Set(), defaults: new Map(), code: "" };
      sections.set(key, current);
      continue;
    }
    const field = /^\| `([^`]+)` \|/.exec(line);
    if (field !== null) {
      current.fields.add(field[1]!);
      current.defaults.set(field[1]!, line.split(" | ")[2] ?? "");
    }
    current.code += [...line.matchAll(/`([^`]*)`/g)].map((match) => match[1]).join(" ") + " ";
  }
  return sections;
}

describe("the reference of docs/authoring.md", () => {
  const schema = scenarioJsonSchema();
  const documented = guideSections(guide);
  const sections = [...schemaSections(schema)];

  it("has a table for each kind of object a scenario holds", () => {
    expect(sections.length).toBeGreaterThan(50);
    expect(documented.size).toBeGreaterThan(50);
  });

  it.each(sections.map(([key, section]) => [key === "" ? "the top level" : key, key, section] as const))("lists every field of %s", (_, key, section) => {
    const missing = [...section.fields].filter((field) => {
      if (key !== "source" && (field === "source" || field === "assumption")) return false; // section 6
      if (documented.get(key)?.fields.has(field) === true) return false;
      return !section.elsewhere.some((other) => documented.get(other)?.fields.has(field) === true || new RegExp(`\\b${field}\\b`).test(documented.get(other)?.code ?? ""));
    });
    expect(missing).toEqual([]);
  });

  it("gives every default the schema gives, in the field's row", () => {
    const wrong: string[] = [];
    for (const [key, section] of sections) {
      for (const [field, value] of section.defaults) {
        if (field === "source" || field === "assumption") continue;
        const cell = [key, ...section.elsewhere].map((where) => documented.get(where)?.defaults.get(field)).find((found) => found !== undefined) ?? "";
        const shown = Array.isArray(value) ? "`[]`" : typeof value === "string" || typeof value === "boolean" ? `\`${String(value)}\`` : String(value);
        if (!cell.includes(shown)) wrong.push(`${key} ${field}: the schema's default is ${JSON.stringify(value)}, the guide says "${cell}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("lists no field or object the schema does not have", () => {
    // a field may stand in its object's table, or in the table of a union all of whose members have it
    const known = new Map<string, Set<string>>();
    for (const [key, section] of sections) {
      for (const where of [key, ...section.elsewhere]) known.set(where, new Set([...(known.get(where) ?? []), ...section.fields]));
    }
    const stale = [...documented].flatMap(([key, section]) => [...section.fields].filter((field) => !(known.get(key)?.has(field) ?? false)).map((field) => `${key}: ${field}`));
    expect(stale).toEqual([]);
  });
});
