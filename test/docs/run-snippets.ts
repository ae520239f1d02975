// Every shell command and TypeScript program in README.md and docs/*.md runs, as a reader
// in a clone would run it after `npm install`, and every file a guide shows is the file
// committed (conventions: test/docs/snippets.ts and CONTRIBUTING.md, "Documentation").
//
// The commands run in a scratch folder at the repository root that holds links to
// examples/, scenarios/, observations/ and docs/, so relative paths work as written and the files the
// commands write land in the scratch folder, not among the sources.
// One change is made to what is written: run counts are capped at RUN_CAP (`--runs N`,
// `runs: N` and CHOKEPOINT_RUNS), so that a command shown with 200,000 runs checks its
// arguments, files and output in a second rather than in minutes. And `npx chokepoint`
// runs the package's bin as npx finds it (node_modules/.bin/chokepoint) without starting
// npm first, which took 1.4 s of every command; one test runs the real npx. Everything
// else runs exactly as the docs show it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandFromSources } from "../../scripts/command-from-sources.mjs";
import { capRuns, readSnippets, typescriptPrograms, type Program } from "./snippets.js";

const RUN_CAP = 100;
const repo = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const bin = join(repo, "node_modules", ".bin", "chokepoint");
/** Put before each shell block: `npx chokepoint ...` as npx would run it, minus npm's start-up. */
const SHELL_PRELUDE = `npx() { if [ "$1" = chokepoint ]; then shift; ${JSON.stringify(bin)} "$@"; else command npx "$@"; fi; }\n`;

/** docs/*.md, relative to the repository root. */
export function guides(): string[] {
  return readdirSync(join(repo, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`);
}

/**
 * The tests of the given documents' code blocks. Each test file calls it for a share of
 * the documents, so that vitest runs the shares side by side.
 */
export function documentationTests(name: string, documents: readonly string[]): void {
  const scratch = join(repo, `.doc-test-${name}-${process.pid}`);
  const snippets = readSnippets(repo, documents);
  const programs = typescriptPrograms(snippets);
  const programFile = (program: Program) => `${program.file.replace(/[^a-z0-9]+/gi, "-")}-${program.line}.ts`;
  const run = (command: string, args: readonly string[], timeout: number) => {
    const child = spawnSync(command, args, {
      cwd: scratch,
      encoding: "utf8",
      timeout,
      env: { ...process.env, CHOKEPOINT_RUNS: String(RUN_CAP), FORCE_COLOR: "0" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: child.status, output: `${child.stdout ?? ""}${child.stderr ?? ""}${child.error ? String(child.error) : ""}` };
  };

  beforeAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch);
    for (const folder of ["examples", "scenarios", "observations", "docs"]) symlinkSync(join(repo, folder), join(scratch, folder));
    // the programs are type-checked as the repository's own code is, "chokepoint" being src/
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.json", include: ["*.ts"] }));
    for (const program of programs) writeFileSync(join(scratch, programFile(program)), `${capRuns(program.code, RUN_CAP)}\nexport {};\n`);
    await commandFromSources(); // bundled once here, rather than by the first commands at once
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  describe(`code blocks of ${documents.join(", ")}`, () => {
    it("`npx chokepoint` finds the command, as a reader's shell does", () => {
      const { status, output } = run("npx", ["chokepoint", "--version"], 60_000);
      expect(status, output).toBe(0);
      expect(output.trim()).toMatch(/^\d+\.\d+\.\d+/);
    });

    it("include shell commands and TypeScript programs", () => {
      expect(snippets.filter((s) => s.kind === "shell").length).toBeGreaterThan(1);
      expect(programs.length).toBeGreaterThan(0);
    });

    it("TypeScript programs type-check", () => {
      const { status, output } = run(process.execPath, [join(repo, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"], 180_000);
      expect(output, `tsc over ${programs.map((p) => p.where).join("; ")}`).toBe("");
      expect(status).toBe(0);
    }, 200_000);

    for (const snippet of snippets) {
      const where = `${snippet.file}:${snippet.line}`;
      if (snippet.skip !== undefined) {
        if (snippet.kind === "shell" || snippet.kind === "typescript") it.skip(`${where} (${snippet.skip})`, () => {});
        continue;
      }
      if (snippet.kind === "file") {
        it(`${where} shows ${snippet.path} as committed`, () => {
          expect(snippet.code).toBe(readFileSync(join(repo, snippet.path!), "utf8"));
        });
      } else if (snippet.kind === "shell") {
        it(`${where} runs`, () => {
          const { status, output } = run("bash", ["-e", "-o", "pipefail", "-c", SHELL_PRELUDE + capRuns(snippet.code, RUN_CAP)], 240_000);
          expect(status, `${where}:\n${snippet.code}\n${output}`).toBe(snippet.exitCode);
        }, 300_000);
      }
    }

    for (const program of programs) {
      it(`${program.where} runs (TypeScript)`, () => {
        const { status, output } = run(join(repo, "node_modules/.bin/tsx"), [programFile(program)], 240_000);
        expect(status, `${program.where}:\n${output}`).toBe(0);
      }, 300_000);
    }
  });
}
