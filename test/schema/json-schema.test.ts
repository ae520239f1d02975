// The JSON Schema that editors use (src/schema/json-schema.ts), checked with the code editors
// run: vscode-json-languageservice computes VS Code's diagnostics, completions and hovers
// for JSON files (the Red Hat YAML extension runs a fork of it), and ajv is the common
// validator of other tools. It must accept every scenario that `parseScenario` accepts, and
// report a typo once or twice, where it is.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CONDITION_KINDS } from "../../src/conditions/index.js";
import { LEVER_TYPES } from "../../src/levers/index.js";
import { OUTCOME_KINDS } from "../../src/outcomes/index.js";
import { DISTRIBUTION_KINDS } from "../../src/random/distributions/index.js";
import { scenarioJsonSchema } from "../../src/index.js";
import { scenarioArbitrary } from "../../src/testing/index.js";

// both packages are CommonJS (UMD) without named exports that Node can see: required
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js").default;
const jsonService = require("vscode-json-languageservice") as typeof import("vscode-json-languageservice");

const schema = scenarioJsonSchema();
const SCHEMA_URI = "file:///chokepoint/scenario.schema.json";

/** ajv in strict mode, where an unknown keyword or a loose type in the schema is an error. */
function strictAjv() {
  const complaints: string[] = [];
  const complain = (...parts: unknown[]) => void complaints.push(parts.join(" "));
  const ajv = new Ajv2020({ allErrors: true, strict: true, logger: { log: () => {}, warn: complain, error: complain } });
  return { validate: ajv.compile(schema), complaints };
}
const ajv = strictAjv();

/** ajv's errors for `value`, less the `if` keyword's summaries (each repeats a `then` error below it). */
function ajvErrors(value: unknown): { path: string; message: string }[] {
  if (ajv.validate(value)) return [];
  return (ajv.validate.errors ?? []).filter((error) => error.keyword !== "if").map((error) => ({ path: error.instancePath, message: error.message ?? "" }));
}

const service = jsonService.getLanguageService({
  // no network: a schema other than ours is a failure of the test
  schemaRequestService: (uri) => Promise.reject(new Error(`no schema at ${uri} in tests`)),
});
service.configure({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ["*.json"], schema }] });

/** A JSON scenario as VS Code opens it: without its `$schema` (which points at dist/, not built in tests), with ours. */
function openJson(text: string) {
  const document = jsonService.TextDocument.create("file:///work/scenario.json", "json", 1, text.replace(/^\s*"\$schema": "[^"]*",\n/m, ""));
  return { document, json: service.parseJSONDocument(document) };
}

/** The path of a node of the language service's syntax tree, keys and indices. */
function pathOf(node: import("vscode-json-languageservice").ASTNode): string[] {
  const path: string[] = [];
  for (let at = node; at.parent !== undefined; at = at.parent) {
    const parent = at.parent;
    if (parent.type === "property") path.unshift(parent.keyNode.value);
    else if (parent.type === "array") path.unshift(String(parent.items.indexOf(at)));
  }
  return path;
}

/** VS Code's diagnostics of a JSON scenario, each with the path of the value it points at. */
async function editorDiagnostics(text: string): Promise<{ path: string; message: string }[]> {
  const { document, json } = openJson(text);
  const diagnostics = await service.doValidation(document, json, { schemaValidation: "error" });
  return diagnostics.map((diagnostic) => {
    const node = json.getNodeFromOffset(document.offsetAt(diagnostic.range.start), true);
    const path = node === undefined ? [] : pathOf(node);
    return { path: path.join("."), message: typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value };
  });
}

const examples = readdirSync("examples/authoring").filter((file) => /\.(json|ya?ml)$/.test(file)).map((file) => `examples/authoring/${file}`);
const bundled = readdirSync("scenarios").filter((file) => file.endsWith(".json")).map((file) => `scenarios/${file}`);
const read = (file: string): unknown => (file.endsWith(".json") ? JSON.parse(readFileSync(file, "utf8")) : parseYaml(readFileSync(file, "utf8")));

describe("the scenario JSON Schema", () => {
  it("is a valid draft 2020-12 schema that ajv compiles in strict mode without a complaint", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(ajv.complaints).toEqual([]);
  });

  it("has no untagged unions left (each would make editors report a typo once per branch)", () => {
    const text = JSON.stringify(schema);
    expect(text).not.toContain('"oneOf"');
    expect(text).not.toContain('"anyOf"');
  });

  it.each([...bundled, ...examples])("accepts %s (ajv), and VS Code shows no problem in it", async (file) => {
    expect(ajvErrors(read(file))).toEqual([]);
    if (file.endsWith(".json")) expect(await editorDiagnostics(readFileSync(file, "utf8"))).toEqual([]);
  });

  it("accepts every scenario the test kit generates", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        expect(ajvErrors(JSON.parse(JSON.stringify(scenario)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("editor diagnostics of typos", () => {
  const three = readFileSync("examples/authoring/mistakes/three-typos.json", "utf8");

  it("three typos: one or two diagnostics each, at the typo (VS Code)", async () => {
    expect(await editorDiagnostics(three)).toEqual([
      { path: "uncertainties.1.distribution.max", message: 'Incorrect type. Expected "number".' },
      { path: "policies.1.levers.0.type", message: expect.stringContaining('Valid values: "exportRestriction", "importRestriction"') },
      // the misspelt `contry`: `country` is missing, and `contry` is unknown
      { path: "outcomes.1", message: 'Missing property "country".' },
      { path: "outcomes.1.contry", message: "Property contry is not allowed." },
    ]);
  });

  it("three typos: one or two errors each, at the typo (ajv)", () => {
    expect(ajvErrors(JSON.parse(three))).toEqual([
      { path: "/uncertainties/1/distribution/max", message: "must be number" },
      { path: "/policies/1/levers/0/type", message: "must be equal to one of the allowed values" },
      { path: "/outcomes/1", message: "must have required property 'country'" },
      { path: "/outcomes/1", message: "must NOT have additional properties" },
    ]);
  });

  const scenario = () => JSON.parse(readFileSync("examples/authoring/first-scenario.json", "utf8")) as Record<string, never> & {
    rules: { when: Record<string, unknown>[]; action: Record<string, unknown> }[];
    policies: { levers: Record<string, unknown>[] }[];
    uncertainties: { distribution: Record<string, unknown> }[];
    outcomes: Record<string, unknown>[];
    world: { countries: Record<string, unknown>[] };
  };
  const diagnosticsOf = (edit: (s: ReturnType<typeof scenario>) => void) => {
    const edited = scenario();
    edit(edited);
    return editorDiagnostics(JSON.stringify(edited, null, 2));
  };

  it.each([
    ["a lever", (s: ReturnType<typeof scenario>) => void (s.policies[1]!.levers[0]!.type = "exportRestrictio"), "policies.1.levers.0.type", LEVER_TYPES],
    ["a rule's action", (s: ReturnType<typeof scenario>) => void (s.rules[0]!.action.type = "stockpile"), "rules.0.action.type", LEVER_TYPES],
    ["a condition", (s: ReturnType<typeof scenario>) => void (s.rules[0]!.when[0]!.kind = "shortage"), "rules.0.when.0.kind", CONDITION_KINDS.map((kind) => kind.kind)],
    ["an outcome", (s: ReturnType<typeof scenario>) => void (s.outcomes[0]!.kind = "gdp"), "outcomes.0.kind", OUTCOME_KINDS.map((kind) => kind.kind)],
    ["a distribution", (s: ReturnType<typeof scenario>) => void (s.uncertainties[0]!.distribution.type = "triangle"), "uncertainties.0.distribution.type", DISTRIBUTION_KINDS.map((kind) => kind.type)],
  ])("a misspelt tag of %s is one diagnostic that lists every valid tag", async (_, edit, path, tags) => {
    const diagnostics = await diagnosticsOf(edit);
    expect(diagnostics).toEqual([{ path, message: `Value is not accepted. Valid values: ${tags.map((tag) => JSON.stringify(tag)).join(", ")}.` }]);
  });

  it("a misspelt `param` is the unknown property it is, not 'expected a number'", async () => {
    const diagnostics = await diagnosticsOf((s) => void (s.policies[1]!.levers[0]!.leakage = { parm: "banLeakage" }));
    expect(diagnostics).toEqual([
      { path: "policies.1.levers.0.leakage", message: 'Missing property "param".' },
      { path: "policies.1.levers.0.leakage.parm", message: "Property parm is not allowed." },
    ]);
  });

  it("a misspelt word is told every word it may be", async () => {
    const diagnostics = await diagnosticsOf((s) => void (s.rules[0]!.action = { type: "exportRestriction", targets: "trigering", goods: ["graphite"] }));
    expect(diagnostics).toEqual([{ path: "rules.0.action.targets", message: 'Value is not accepted. Valid values: "all", "triggering".' }]);
  });

  it("a misspelt field of a source is caught, in one source or a list", async () => {
    expect(await diagnosticsOf((s) => void (s.world.countries[0]!.source = { publicaton: "x" }))).toEqual([
      { path: "world.countries.0.source", message: 'Missing property "publication".' },
      { path: "world.countries.0.source.publicaton", message: "Property publicaton is not allowed." },
    ]);
    expect(await diagnosticsOf((s) => void (s.world.countries[0]!.source = [{ publication: "x", yr: 2023 }]))).toEqual([
      { path: "world.countries.0.source.0.yr", message: "Property yr is not allowed." },
    ]);
  });
});

describe("editor completion and hover", () => {
  /** Completions at `|` in `text`. */
  async function completions(text: string): Promise<string[]> {
    const offset = text.indexOf("|");
    const { document, json } = openJson(text.replace("|", ""));
    const list = await service.doComplete(document, document.positionAt(offset), json);
    return (list?.items ?? []).map((item) => item.label);
  }

  it("offers the fields of the lever, outcome or distribution its tag names", async () => {
    expect(await completions('{ "policies": [{ "name": "p", "levers": [{ "type": "stockpileRelease", | }] }] }')).toEqual(["actor", "start", "goods", "coverMonths", "maxReleaseShare", "source", "assumption"]);
    expect(await completions('{ "outcomes": [{ "kind": "stock", | }] }')).toEqual(expect.arrayContaining(["country", "good", "holder", "unit", "stat"]));
    expect(await completions('{ "uncertainties": [{ "name": "u", "distribution": { "type": "pert", | } }] }')).toEqual(expect.arrayContaining(["min", "mode", "max", "lambda"]));
  });

  it("offers every tag", async () => {
    expect(await completions('{ "policies": [{ "name": "p", "levers": [{ "type": | }] }] }')).toEqual(LEVER_TYPES.map((type) => JSON.stringify(type)));
  });

  it("says what a kind does when the pointer is on its tag", async () => {
    const { document, json } = openJson('{ "outcomes": [{ "kind": "price" }] }');
    const hover = await service.doHover(document, document.positionAt(27), json);
    expect(JSON.stringify(hover?.contents)).toContain("The peak, mean or final price of a good");
  });
});
