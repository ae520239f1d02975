// The built package, tested as a user gets it: built, packed with `npm pack`, extracted
// into a scratch directory outside the repository (dependencies linked from this repo's
// node_modules, no network), then loaded with `import` and `require` in child processes
// and bundled for the browser. The build goes to a staging directory in the OS temp
// directory, not to dist/, so that test runs in parallel with each other or with
// `npm run build` never clean each other's output.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const tinyScenario = {
  name: "tiny",
  horizon: 3,
  world: {
    countries: [
      { id: "A", gdp: 1e9 },
      { id: "B", gdp: 1e9 },
    ],
    goods: [{ id: "x", unit: "t", basePrice: 10, demandElasticity: 0.5 }],
    production: [{ country: "A", good: "x", output: 100, valueAddedPerUnit: 5 }],
    flows: [{ exporter: "A", importer: "B", good: "x", volume: 40 }],
  },
  policies: [{ name: "none" }, { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] }] }],
};

// Miller & Blair (2009), section 2.3: A = [[.15, .25], [.2, .05]].
const millerBlairA = [
  [0.15, 0.25],
  [0.2, 0.05],
];
const millerBlairL = [
  [1.2541, 0.3300],
  [0.2640, 1.1221],
];

/** What the usage scripts print: the same for the ESM and the CommonJS build. */
interface UsageReport {
  scenarioName: string;
  /** The result's `chokepointVersion` and `scenario.sha256`. */
  chokepointVersion: string;
  scenarioSha256: string;
  leontief: number[][];
  runs: number;
  policies: string[];
  outcomes: { name: string; mean: number; p95: number }[][];
}

// The body shared by the ESM and CommonJS usage scripts; `api` is the package's root.
const usageBody = `
  const scenario = api.parseScenario(${JSON.stringify(tinyScenario)});
  const leontief = api.leontiefInverse(${JSON.stringify(millerBlairA)});
  const result = await api.runExperiment(scenario, { runs: 50, seed: "package-test" });
  console.log(JSON.stringify({
    scenarioName: scenario.name,
    chokepointVersion: result.chokepointVersion,
    scenarioSha256: result.scenario.sha256,
    leontief,
    runs: result.runs,
    policies: result.policies.map((p) => p.name),
    outcomes: result.policies.map((p) => p.outcomes.map((o) => ({ name: o.name, mean: o.mean, p95: o.p95 }))),
  }));
`;

// Loads chokepoint/node and checks that its errors are the root entry's ScenarioError.
const nodeEntryBody = `
  let error;
  try { await node.loadScenarioFile("does-not-exist.json"); } catch (e) { error = e; }
  console.log(JSON.stringify({
    loadScenarioFile: typeof node.loadScenarioFile,
    sameErrorClass: error instanceof api.ScenarioError,
    message: String(error && error.message),
  }));
`;

let work = "";
let scratch = "";
let packed = "";
let packedFiles: string[] = [];

function run(command: string, args: readonly string[], cwd: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS; // no loaders from the test runner in the child processes
  const child: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.error) throw child.error;
  if (child.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed with status ${String(child.status)} in ${cwd}\n${child.stdout}\n${child.stderr}`);
  }
  return child.stdout;
}

function runNode(file: string): string {
  return run(process.execPath, [file], scratch);
}

function npm(args: readonly string[], cwd: string): string {
  // Under `npm test`, npm_execpath is npm's own CLI script: no shell and no PATH lookup.
  const npmCli = process.env.npm_execpath;
  return npmCli && /npm-cli\.[cm]?js$/.test(npmCli) ? run(process.execPath, [npmCli, ...args], cwd) : run("npm", args, cwd);
}

/** The version in the packed package.json. */
function packedVersion(): string {
  return (JSON.parse(readFileSync(join(packed, "package.json"), "utf8")) as { version: string }).version;
}

function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null") as T;
}

/** Relative link targets of a Markdown text (inline links and images, reference definitions), outside code. */
function relativeLinks(text: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  let fence: string | undefined;
  text.split("\n").forEach((raw, index) => {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      return;
    }
    if (opening !== undefined) {
      fence = opening;
      return;
    }
    const line = raw.replace(/(`+)[^`]*?\1/g, "");
    const targets = [
      ...[...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? ""),
      ...[...line.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1] ?? ""),
      ...[...line.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? ""),
    ];
    for (const target of targets) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ target, line: index + 1 });
    }
  });
  return links;
}

/** The anchors of a Markdown text's headings, as GitHub makes them (lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats). */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const words = (heading[1] ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = words.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
    const seen = counts.get(slug) ?? 0;
    counts.set(slug, seen + 1);
    anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
  }
  return anchors;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "chokepoint-package-"));

  // 1. Build into a staging copy of the package: package.json, and what its `files` lists
  //    (but dist/) as far as it exists here; `npm pack` applies the list, exclusions included.
  const stage = join(work, "stage");
  mkdirSync(stage, { recursive: true });
  copyFileSync(join(repo, "package.json"), join(stage, "package.json"));
  const { files } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { files: string[] };
  for (const entry of files) {
    const path = entry.includes("*") ? entry.slice(0, entry.indexOf("/*")) : entry; // docs/*.md: docs/
    if (entry === "dist" || entry.startsWith("!") || !existsSync(join(repo, path))) continue;
    cpSync(join(repo, path), join(stage, path), { recursive: true });
  }
  // `npm run build`'s steps: tsup, the bundled command, the JSON Schemas.
  const tsupCli = join(repo, "node_modules", "tsup", "dist", "cli-default.js");
  run(process.execPath, [tsupCli, "--out-dir", join(stage, "dist"), "--silent"], repo);
  run(process.execPath, [join(repo, "scripts", "bundle-cli.mjs"), join(stage, "dist")], repo);
  // The schema script imports the built dist/index.js, whose dependencies must resolve
  // (npm pack never packs node_modules/).
  symlinkSync(join(repo, "node_modules"), join(stage, "node_modules"), "junction");
  run(process.execPath, [join(repo, "scripts", "write-json-schema.mjs"), join(stage, "dist")], repo);

  // 2. Pack it as `npm publish` would.
  const [info] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], stage)) as {
    filename: string;
    files: { path: string }[];
  }[];
  if (!info) throw new Error("npm pack reported no tarball");
  packedFiles = info.files.map((f) => f.path);

  // 3. Extract into scratch/node_modules/chokepoint; link its dependencies from this repo.
  scratch = join(work, "scratch");
  mkdirSync(join(scratch, "node_modules"), { recursive: true });
  run("tar", ["-xzf", join(work, info.filename), "-C", work], work);
  packed = join(scratch, "node_modules", "chokepoint");
  renameSync(join(work, "package"), packed);
  const manifest = JSON.parse(readFileSync(join(packed, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  // Peer dependencies (fast-check, for chokepoint/testing) as a user installs them next to chokepoint.
  // @types/node, as a TypeScript user of chokepoint/node has it, for the consumer projects below.
  for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), "@types/node"]) {
    const link = join(scratch, "node_modules", dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(repo, "node_modules", dependency), link, "junction");
  }
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true }));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("packed tarball", () => {
  it("ships the builds, both kinds of declarations for both entries, the JSON Schema and the licence", () => {
    for (const file of [
      "package.json",
      "LICENSE",
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/node.js",
      "dist/node.cjs",
      "dist/node.d.ts",
      "dist/node.d.cts",
      "dist/testing.js",
      "dist/testing.cjs",
      "dist/testing.d.ts",
      "dist/testing.d.cts",
      "dist/scenario.schema.json",
      "dist/result.schema.json",
      "dist/cli.js",
      "scenarios/us-japan-chip-controls-2024.json",
      "scenarios/china-gallium-germanium-ban.json",
    ]) {
      expect(packedFiles, file).toContain(file);
      expect(existsSync(join(packed, file)), file).toBe(true);
    }
  });

  it("ships no sources, tests or scratch files: builds, scenarios, the documents and the examples", () => {
    const shipped = /^(dist\/|bin\/chokepoint\.js$|scenarios\/(calibrated\/)?[a-z0-9-]+\.json$|observations\/[a-z0-9-]+\.json$|examples\/calibration\/[a-z0-9-]+\.yaml$|examples\/game\/[a-z0-9-]+\.json$|docs\/[a-z0-9-]+\.md$|examples\/[a-z0-9-]+(\.test)?\.ts$|examples\/kubernetes\/[a-z0-9-]+\.yaml$|examples\/authoring\/(mistakes\/)?[a-z0-9-]+\.(yaml|json)$|bench\/README\.md$|[A-Z]+\.md$|CITATION\.cff$|LICENSE$|package\.json$)/;
    expect(packedFiles.filter((f) => !shipped.test(f))).toEqual([]);
    // the examples run against the installed package; demo.ts runs the CLI from src/
    expect(packedFiles).not.toContain("examples/demo.ts");
    for (const file of ["docs/model.md", "docs/scenarios.md", "docs/property-testing.md", "docs/scaling.md", "SECURITY.md", "CONTRIBUTING.md", "examples/quickstart.ts"]) {
      expect(packedFiles, file).toContain(file);
    }
  });

  it("resolves every relative link of its Markdown files (README.md, docs/, ...) to a file in the package, anchors included", () => {
    const markdown = packedFiles.filter((f) => f.endsWith(".md"));
    expect(markdown).toEqual(expect.arrayContaining(["README.md", "docs/model.md"]));
    const broken: string[] = [];
    let checked = 0;
    for (const file of markdown) {
      const text = readFileSync(join(packed, file), "utf8");
      for (const { target, line } of relativeLinks(text)) {
        checked++;
        const [path = "", anchor] = target.split("#", 2);
        const resolved = path === "" ? join(packed, file) : resolve(dirname(join(packed, file)), decodeURIComponent(path));
        const inside = relative(packed, resolved);
        const where = `${file}:${line}: ${target}`;
        if (inside.startsWith("..") || !existsSync(resolved)) broken.push(`${where} (no such file in the package)`);
        else if (anchor !== undefined && anchor !== "" && resolved.endsWith(".md") && !headingAnchors(readFileSync(resolved, "utf8")).has(anchor)) {
          broken.push(`${where} (no heading with that anchor)`);
        } else if (statSync(resolved).isFile() && !packedFiles.includes(inside.split(sep).join("/"))) broken.push(`${where} (not packed)`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it("ships the documents its code refers readers to (docs/model.md in the HTML report, ...)", () => {
    const code = packedFiles.filter((f) => /^dist\/.*\.c?js$/.test(f)).map((f) => readFileSync(join(packed, f), "utf8"));
    const mentioned = new Set(code.flatMap((text) => [...text.matchAll(/\bdocs\/[a-z0-9-]+\.md\b/g)].map((match) => match[0])));
    expect(mentioned).toContain("docs/model.md");
    for (const document of mentioned) expect(packedFiles, document).toContain(document);
  });

  it("installs a working `chokepoint` command that runs a bundled scenario", () => {
    const bin = (JSON.parse(readFileSync(join(packed, "package.json"), "utf8")) as { bin: Record<string, string> }).bin.chokepoint!;
    const out = run(process.execPath, [join(packed, bin), "run", "china-gallium-germanium-ban", "--runs", "50", "--outcome", "gdpLoss:US"], scratch);
    expect(out).toMatch(/gdpLoss:US \[USD\]/);
    expect(run(process.execPath, [join(packed, bin), "list"], scratch)).toMatch(/us-japan-chip-controls-2024/);
  });

  it("writes result files that carry the package's version and the scenario's SHA-256, the same from the command and the library", () => {
    const bin = join(packed, "dist", "cli.js");
    const file = join(scratch, "tiny.json");
    writeFileSync(file, JSON.stringify(tinyScenario));
    const written = (name: string) => {
      run(process.execPath, [bin, "run", file, "--runs", "20", "--quiet", "--json", join(scratch, name)], scratch);
      return readFileSync(join(scratch, name), "utf8");
    };
    const text = written("result-a.json");
    expect(written("result-b.json")).toBe(text);
    const document = JSON.parse(text) as { format: string; version: number; chokepointVersion: string; scenario: { sha256: string } };
    expect(Object.keys(document).slice(0, 4)).toEqual(["format", "version", "chokepointVersion", "scenario"]);
    expect(document.chokepointVersion).toBe(packedVersion());
    const library = join(scratch, "hash.mjs");
    writeFileSync(library, `import * as api from "chokepoint";\nconst r = await api.runExperiment(${JSON.stringify(tinyScenario)}, { runs: 5, seed: 1 });\nconsole.log(JSON.stringify(r.scenario.sha256));\n`);
    expect(lastJsonLine<string>(runNode(library))).toBe(document.scenario.sha256);
  });

  it("has no Node built-in imports in the ESM main and testing entries or the chunks they load", () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(packed, "dist", file), "utf8");
      expect(text, file).not.toMatch(/\bfrom\s*["']node:|\bimport\s*\(\s*["']node:|\brequire\(\s*["']node:/);
      expect(text, file).not.toMatch(/\bfrom\s*["'](fs|path|os|url|worker_threads|child_process|crypto)(\/[a-z]+)?["']/);
      for (const match of text.matchAll(/\bfrom\s*["']\.\/([^"']+)["']/g)) visit(match[1] ?? "");
    };
    visit("index.js");
    visit("testing.js");
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("root entry `chokepoint`", () => {
  let esm: UsageReport;
  let cjs: UsageReport;

  it("works with import from ESM", () => {
    const file = join(scratch, "use-import.mjs");
    writeFileSync(file, `import * as api from "chokepoint";\n${usageBody}`);
    esm = lastJsonLine<UsageReport>(runNode(file));
    checkUsage(esm);
  });

  it("works with require from CommonJS", () => {
    const file = join(scratch, "use-require.cjs");
    writeFileSync(file, `const api = require("chokepoint");\n(async () => {${usageBody}})().catch((e) => { console.error(e); process.exit(1); });\n`);
    cjs = lastJsonLine<UsageReport>(runNode(file));
    checkUsage(cjs);
  });

  it("gives bit-identical results from the ESM and CommonJS builds", () => {
    expect(cjs).toEqual(esm);
  });
});

function checkUsage(report: UsageReport): void {
  expect(report.scenarioName).toBe("tiny");
  expect(report.chokepointVersion).toBe(packedVersion());
  expect(report.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(report.runs).toBe(50);
  expect(report.policies).toEqual(["none", "ban"]);
  report.leontief.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(millerBlairL[i]?.[j] ?? NaN, 4)));
  expect(report.outcomes).toHaveLength(2);
  for (const outcomes of report.outcomes) {
    expect(outcomes.length).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect(Number.isFinite(outcome.mean), outcome.name).toBe(true);
      expect(Number.isFinite(outcome.p95), outcome.name).toBe(true);
    }
  }
}

describe("Node entry `chokepoint/node`", () => {
  interface NodeReport {
    loadScenarioFile: string;
    sameErrorClass: boolean;
    message: string;
  }
  const check = (report: NodeReport): void => {
    expect(report.loadScenarioFile).toBe("function");
    expect(report.sameErrorClass).toBe(true);
    expect(report.message).toContain("does-not-exist.json");
  };

  it("works with import from ESM", () => {
    const file = join(scratch, "node-import.mjs");
    writeFileSync(file, `import * as api from "chokepoint";\nimport * as node from "chokepoint/node";\n${nodeEntryBody}`);
    check(lastJsonLine<NodeReport>(runNode(file)));
  });

  it("works with require from CommonJS", () => {
    const file = join(scratch, "node-require.cjs");
    writeFileSync(
      file,
      `const api = require("chokepoint");\nconst node = require("chokepoint/node");\n(async () => {${nodeEntryBody}})().catch((e) => { console.error(e); process.exit(1); });\n`,
    );
    check(lastJsonLine<NodeReport>(runNode(file)));
  });
});

describe("class names", () => {
  interface NamesReport {
    /** `entry:export` -> the class's `name`, for every class the three entries export. */
    classes: Record<string, string>;
    /** The exported classes that are Error subclasses. */
    errorClasses: string[];
    /** error class -> [error.name, error.constructor.name, instanceof its class] of an error thrown or made. */
    errors: Record<string, [string, string, boolean]>;
  }
  // What a user sees of the errors: `error.name` and `error.constructor.name` (CommonJS once gave "_class").
  const namesBody = `
    const entries = { chokepoint: api, "chokepoint/node": node, "chokepoint/testing": testing };
    const classes = {};
    const errorClasses = [];
    for (const [entry, exports] of Object.entries(entries)) {
      for (const [key, value] of Object.entries(exports)) {
        if (typeof value !== "function" || !/^class\\b/.test(Function.prototype.toString.call(value))) continue;
        classes[entry + ":" + key] = value.name;
        if (value.prototype instanceof Error) errorClasses.push(key);
      }
    }
    const seen = (error, Class) => [error.name, error.constructor.name, error instanceof Class];
    const thrown = (f) => { try { f(); } catch (e) { return e; } throw new Error("nothing thrown"); };
    const errors = {
      ScenarioError: seen(thrown(() => api.parseScenario({})), api.ScenarioError),
      InputError: seen(thrown(() => api.quantile([], 0.5)), api.InputError),
      NonFiniteOutcomeError: seen(new api.NonFiniteOutcomeError({ outcome: "o", outcomeIndex: 0, formula: "a / b", policy: "p", run: 1, seed: "s" }), api.ScenarioError),
      InvariantError: seen(new testing.InvariantError("i", { seed: 1, run: 0, policy: "p" }, "broken"), testing.InvariantError),
    };
    console.log(JSON.stringify({ classes, errorClasses: [...new Set(errorClasses)].sort(), errors }));
  `;
  const check = (report: NamesReport): void => {
    expect(report.errorClasses).toEqual(["InputError", "InvariantError", "NonFiniteOutcomeError", "ObservationsError", "ScenarioError"]);
    expect(Object.keys(report.classes).length).toBeGreaterThan(report.errorClasses.length);
    for (const [key, name] of Object.entries(report.classes)) expect(name, key).toBe(key.slice(key.indexOf(":") + 1));
    for (const [name, [errorName, constructorName, isInstance]] of Object.entries(report.errors)) {
      expect({ errorName, constructorName, isInstance }, name).toEqual({ errorName: name, constructorName: name, isInstance: true });
    }
  };

  it("are as written under import", () => {
    const file = join(scratch, "names-import.mjs");
    writeFileSync(file, `import * as api from "chokepoint";\nimport * as node from "chokepoint/node";\nimport * as testing from "chokepoint/testing";\n${namesBody}`);
    check(lastJsonLine<NamesReport>(runNode(file)));
  });

  it("are as written under require", () => {
    const file = join(scratch, "names-require.cjs");
    writeFileSync(file, `const api = require("chokepoint");\nconst node = require("chokepoint/node");\nconst testing = require("chokepoint/testing");\n${namesBody}`);
    check(lastJsonLine<NamesReport>(runNode(file)));
  });

  it("are kept in the bundled command, which bundling may rename", () => {
    const bin = readFileSync(join(packed, "dist", "cli.js"), "utf8");
    for (const name of ["ScenarioError", "InputError", "NonFiniteOutcomeError", "UsageError", "CommandFailure"]) {
      expect(bin, name).toMatch(new RegExp(`class extends \\w*Error \\{\\s*static \\{\\s*__name\\(this, "${name}"\\)`));
    }
  });
});

describe("testing entry `chokepoint/testing`", () => {
  interface TestingReport {
    worlds: number;
    scenarioValid: boolean;
    zeroLoss: boolean;
    caught: string;
    sameInputError: boolean;
    sameAsSimulateOnce: boolean;
  }
  // Generates scenarios with the user's fast-check (a peer dependency), checks invariants,
  // catches a failing one, replays a draw; InputError is the root entry's class.
  const testingBody = `
    const worlds = fc.sample(testing.worldArbitrary({ maxCountries: 3 }), { seed: 1, numRuns: 5 });
    const scenario = fc.sample(testing.scenarioArbitrary({ maxCountries: 2, maxGoods: 2, horizon: 3 }), { seed: 2, numRuns: 1 })[0];
    const details = fc.check(fc.property(testing.scenarioArbitrary({ horizon: 3 }), (s) => testing.assertZeroLossWithoutRestrictions(s)), { seed: 3, numRuns: 20 });
    let caught = "";
    try { testing.assertSeverityNeverLowersShortfall(scenario, { weaker: 1, stronger: 0 }); } catch (e) { caught = e.name; }
    let inputError;
    try { testing.worldArbitrary({ minCountries: 1 }); } catch (e) { inputError = e; }
    const draw = testing.simulateDraw(${JSON.stringify(tinyScenario)}, { seed: 4, run: 2, policy: "ban" });
    const once = api.simulateOnce(${JSON.stringify(tinyScenario)}, { seed: 4, run: 2, policy: "ban" });
    console.log(JSON.stringify({
      worlds: worlds.filter((w) => api.safeParseScenario({ name: "w", horizon: 2, world: w, policies: [{ name: "none" }] }).success).length,
      scenarioValid: api.safeParseScenario(scenario).success,
      zeroLoss: !details.failed,
      caught,
      sameInputError: inputError instanceof api.InputError,
      sameAsSimulateOnce: JSON.stringify(draw.outcomes) === JSON.stringify(once.outcomes),
    }));
  `;
  const check = (report: TestingReport): void => {
    expect(report).toEqual({ worlds: 5, scenarioValid: true, zeroLoss: true, caught: "InputError", sameInputError: true, sameAsSimulateOnce: true });
  };

  it("works with import from ESM", () => {
    const file = join(scratch, "testing-import.mjs");
    writeFileSync(file, `import fc from "fast-check";\nimport * as api from "chokepoint";\nimport * as testing from "chokepoint/testing";\n${testingBody}`);
    check(lastJsonLine<TestingReport>(runNode(file)));
  });

  it("works with require from CommonJS", () => {
    const file = join(scratch, "testing-require.cjs");
    writeFileSync(file, `const fc = require("fast-check");\nconst api = require("chokepoint");\nconst testing = require("chokepoint/testing");\n${testingBody}`);
    check(lastJsonLine<TestingReport>(runNode(file)));
  });
});

describe("TypeScript consumers", () => {
  // A user's code against the published declarations, type-checked with the user's settings,
  // declarations of every package included (skipLibCheck false). The declarations must name
  // no zod type: zod's own need esModuleInterop, and would fail the CommonJS set-up.
  const core = `
    import { InputError, ScenarioError, parseScenario, runExperiment, scenarioSchema, type ExperimentResult, type Lever, type Scenario, type ScenarioInput } from "chokepoint";
    import { loadScenarioFile, mergeShards, runShard } from "chokepoint/node";
    const input: ScenarioInput = ${JSON.stringify(tinyScenario)};
    export async function core(): Promise<string> {
      const scenario: Scenario = parseScenario(input);
      const lever: Lever | undefined = scenario.policies[1]?.levers[0];
      const result: ExperimentResult = await runExperiment(scenario, { runs: 10, seed: 1, signal: new AbortController().signal });
      const shard = await runShard(await loadScenarioFile("s.json"), { runs: 10, seed: 1, index: 0, of: 1 });
      const merged: ExperimentResult = mergeShards([JSON.parse(JSON.stringify(shard))]);
      const checked = scenarioSchema["~standard"].validate(input);
      const names = [new InputError("p", "m"), new ScenarioError([])].map((e) => e.name);
      return [result.chokepointVersion, result.scenario.sha256, merged.runs, lever?.type, checked.issues?.length, ...names].join(" ");
    }
  `;
  const testing = `
    import { InvariantError, assertZeroLossWithoutRestrictions, scenarioArbitrary, worldArbitrary, type LeverKind, type WorldInput } from "chokepoint/testing";
    export function testing(): string {
      const countries = worldArbitrary({ maxCountries: 3 }).map((world: WorldInput) => world.countries.length);
      const kind: LeverKind = "exportRestriction";
      const holds: true = assertZeroLossWithoutRestrictions(${JSON.stringify(tinyScenario)});
      return [typeof countries.generate, scenarioArbitrary().canShrinkWithoutContext, kind, holds, new InvariantError("i", { seed: 1, run: 0, policy: "p" }, "d").name].join(" ");
    }
  `;
  const strict = { target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] };
  const setups: { name: string; options: Record<string, unknown>; files: Record<string, string>; packageType?: "module" }[] = [
    {
      name: "CommonJS, moduleResolution node10, no esModuleInterop: chokepoint, chokepoint/node and the JSON Schemas",
      options: { ...strict, module: "commonjs", moduleResolution: "node10", resolveJsonModule: true },
      files: { "core.ts": core, "schemas.ts": 'import s = require("chokepoint/scenario.schema.json");\nimport r = require("chokepoint/result.schema.json");\nexport const titles = [s.title, r.title];\n' },
    },
    {
      // fast-check 4's own declarations import pure-rand by subpaths that node10 resolution cannot find
      name: "CommonJS, moduleResolution node10, no esModuleInterop: chokepoint/testing (skipLibCheck, for fast-check's declarations)",
      options: { ...strict, module: "commonjs", moduleResolution: "node10", skipLibCheck: true },
      files: { "testing.ts": testing },
    },
    { name: "CommonJS, node16", options: { ...strict, module: "node16", moduleResolution: "node16" }, files: { "core.cts": core, "testing.cts": testing } },
    { name: "ESM, nodenext", options: { ...strict, module: "nodenext", moduleResolution: "nodenext" }, files: { "core.mts": core, "testing.mts": testing }, packageType: "module" },
    { name: "bundler", options: { ...strict, module: "esnext", moduleResolution: "bundler" }, files: { "core.ts": core, "testing.ts": testing } },
  ];

  it("declarations import no zod (nor any dependency but fast-check, the testing entry's peer)", () => {
    const declarations = packedFiles.filter((f) => /\.d\.c?ts$/.test(f));
    expect(declarations.length).toBeGreaterThan(6);
    for (const file of declarations) {
      const imports = [...readFileSync(join(packed, file), "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? "");
      expect(imports.filter((name) => !name.startsWith("./") && name !== "fast-check"), file).toEqual([]);
    }
  });

  it.each(setups)("type-check against the published declarations: $name", ({ name, options, files, packageType }) => {
    const dir = join(scratch, `types-${setups.findIndex((setup) => setup.name === name)}`);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, ...(packageType === undefined ? {} : { type: packageType }) }));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: Object.keys(files) }));
    run(process.execPath, [join(repo, "node_modules", "typescript", "bin", "tsc"), "-p", dir], dir);
  });
});

describe("`chokepoint/scenario.schema.json`", () => {
  it("resolves with require and is the scenario's JSON Schema", () => {
    const file = join(scratch, "schema.cjs");
    writeFileSync(file, `const s = require("chokepoint/scenario.schema.json");\nconsole.log(JSON.stringify({ title: s.title, schema: s.$schema, required: s.required }));\n`);
    const report = lastJsonLine<{ title: string; schema: string; required: string[] }>(runNode(file));
    expect(report.title).toBe("chokepoint scenario");
    expect(report.schema).toContain("json-schema.org");
    expect(report.required).toEqual(expect.arrayContaining(["name", "horizon", "world", "policies"]));
  });
});

describe("browser", () => {
  it("bundles the ESM main entry for the browser, with no Node built-ins, and runs it without Node globals", async () => {
    const entry = join(scratch, "browser-entry.mjs");
    writeFileSync(
      entry,
      `import { parseScenario, leontiefInverse, runExperiment } from "chokepoint";
       const scenario = parseScenario(${JSON.stringify(tinyScenario)});
       globalThis.report = runExperiment(scenario, { runs: 50, seed: "package-test" }).then((result) => ({
         leontief: leontiefInverse(${JSON.stringify(millerBlairA)}),
         runs: result.runs,
         policies: result.policies.map((p) => p.name),
       }));\n`,
    );
    const result = await build({
      entryPoints: [entry],
      absWorkingDir: scratch,
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).not.toMatch(/require\(\s*["']node:|from\s*["']node:/);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("chokepoint/dist/index.js"))).toBe(true);
    expect(inputs.filter((input) => input.includes("chokepoint/dist/node."))).toEqual([]);

    // A context with only what browsers also have: no process, require, Buffer or module.
    const context: Record<string, unknown> = { setTimeout, clearTimeout, queueMicrotask, console };
    runInNewContext(code, context);
    const report = (await context.report) as { leontief: number[][]; runs: number; policies: string[] };
    expect(report.runs).toBe(50);
    expect(report.policies).toEqual(["none", "ban"]);
    expect(report.leontief[0]?.[0]).toBeCloseTo(1.2541, 4);
  });
});
