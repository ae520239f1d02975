// The code blocks of README.md and docs/*.md, for the documentation tests: every shell
// command and TypeScript program a reader is shown is run, and every file a guide shows is
// compared with the committed file, so a broken example fails CI.
//
// How a block is read (the conventions are in CONTRIBUTING.md, "Documentation"):
// - ```sh (or bash, shell): commands run in order from the repository root of a clone.
// - ```ts (or typescript): a complete program, type-checked and run; or, after the
//   directive <!-- doc-test: continue -->, more of the program of the block before it, as
//   a reader follows a guide (the names it defined are in scope).
// - ```yaml file=PATH (any language with file=PATH): the committed file PATH holds exactly
//   the block's text.
// - other blocks (text, output, jsonc, ...) are not run.
// - an HTML comment on the line before a fence directs the test:
//   <!-- doc-test: skip (why) -->   not run, with the reason said;
//   <!-- doc-test: exit N -->       the block's last command is expected to exit with N;
//   <!-- doc-test: continue -->     a TypeScript block continues the program before it.
import { readFileSync } from "node:fs";

export type SnippetKind = "shell" | "typescript" | "file" | "other";

export interface Snippet {
  /** File the block is in, relative to the repository root. */
  readonly file: string;
  /** Line of the opening fence, 1-based. */
  readonly line: number;
  readonly language: string;
  readonly kind: SnippetKind;
  readonly code: string;
  /** For `file=PATH` blocks: the path of the file the block shows. */
  readonly path?: string;
  /** Why the block is not run, when a directive says so. */
  readonly skip?: string;
  /** Exit code the block's last command is expected to give (0 unless a directive says). */
  readonly exitCode: number;
  /** A TypeScript block that continues the program of the block before it. */
  readonly continues: boolean;
}

const FENCE = /^```(\S*)(.*)$/;
const DIRECTIVE = /^<!--\s*doc-test:\s*(.*?)\s*-->$/;
const SHELL = new Set(["sh", "bash", "shell", "console"]);
const TYPESCRIPT = new Set(["ts", "typescript", "mts"]);

/** The fenced code blocks of a Markdown text, with the directives that precede them. */
export function parseSnippets(markdown: string, file: string): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]!);
    if (!fence) continue;
    const [, language = "", info = ""] = fence;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith("```"); i++) body.push(lines[i]!);
    if (i >= lines.length) throw new Error(`${file}:${start + 1}: a code block is not closed`);
    const directive = DIRECTIVE.exec(lines[start - 1]?.trim() ?? "")?.[1];
    const path = /\bfile=(\S+)/.exec(info)?.[1];
    const kind: SnippetKind =
      path !== undefined ? "file" : SHELL.has(language) ? "shell" : TYPESCRIPT.has(language) ? "typescript" : "other";
    const skip = directive?.startsWith("skip") ? directive.slice(4).trim().replace(/^\((.*)\)$/, "$1") || "no reason given" : undefined;
    const exit = directive === undefined ? undefined : /^exit\s+(\d+)$/.exec(directive)?.[1];
    const continues = directive === "continue";
    if (directive !== undefined && skip === undefined && exit === undefined && !continues) {
      throw new Error(`${file}:${start}: unknown doc-test directive "${directive}" (expected "skip (why)", "exit N" or "continue")`);
    }
    snippets.push({
      file,
      line: start + 1,
      language,
      kind,
      code: body.join("\n") + "\n",
      ...(path === undefined ? {} : { path }),
      ...(skip === undefined ? {} : { skip }),
      exitCode: exit === undefined ? 0 : Number(exit),
      continues,
    });
  }
  return snippets;
}

/** One TypeScript program: a block, and the blocks that continue it. */
export interface Program {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  /** Lines of the blocks it is made of ("README.md:41, 47"), for messages. */
  readonly where: string;
}

/** The TypeScript programs of one file's snippets (skipped blocks left out). */
export function typescriptPrograms(snippets: readonly Snippet[]): Program[] {
  const programs: Program[] = [];
  let current: { file: string; line: number; parts: string[]; lines: number[] } | undefined;
  const close = () => {
    if (current) programs.push({ file: current.file, line: current.line, code: current.parts.join("\n"), where: `${current.file}:${current.lines.join(", ")}` });
  };
  for (const snippet of snippets) {
    if (snippet.kind !== "typescript" || snippet.skip !== undefined) continue;
    if (snippet.continues && current?.file !== snippet.file) {
      throw new Error(`${snippet.file}:${snippet.line}: "doc-test: continue", but no TypeScript block before it`);
    }
    if (!snippet.continues || current === undefined) {
      close();
      current = { file: snippet.file, line: snippet.line, parts: [], lines: [] };
    }
    current.parts.push(snippet.code);
    current.lines.push(snippet.line);
  }
  close();
  return programs;
}

/** Snippets of the given Markdown files, relative to `root`. */
export function readSnippets(root: string, files: readonly string[]): Snippet[] {
  return files.flatMap((file) => parseSnippets(readFileSync(`${root}/${file}`, "utf8"), file));
}

/** `--runs 20000`, `--runs 2,000,000`, `runs: 10_000`: each at most `cap`. */
export function capRuns(code: string, cap: number): string {
  const capped = (digits: string) => String(Math.min(Number(digits.replace(/[_,]/g, "")), cap));
  return code
    .replace(/(--runs[ =])(\d[\d_,]*)/g, (_, flag: string, n: string) => flag + capped(n))
    .replace(/(\bruns: )(\d[\d_]*)/g, (_, key: string, n: string) => key + capped(n));
}
