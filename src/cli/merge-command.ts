// `chokepoint merge`: combine shard files into the experiment's result: the summary table,
// the full result as JSON with --json, and a report with --html.
import { InputError } from "../errors.js";
import { MAX_SHARD_FILE_BYTES, mergeShards } from "../parallel/shards.js";
import { FileReadError, readTextFile } from "../read-text-file.js";
import { renderHtmlReport } from "../report/html-report.js";
import { formatSummaryTable } from "../report/summary-table.js";
import { parseScenario } from "../schema/parse.js";
import type { CliEnvironment } from "./environment.js";
import { CommandFailure, UsageError } from "./errors.js";
import { checkNames } from "./names.js";
import { formatResultDocument } from "./result-document.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint merge`, as parsed from the command line. */
export interface MergeCommandOptions {
  readonly json?: string;
  readonly outcome?: readonly string[];
  readonly allOutcomes?: boolean;
  /** A self-contained HTML report with charts. */
  readonly html?: string;
  /** No notes on stderr (errors still). */
  readonly quiet?: boolean;
}

/** Read a shard file: a regular file of at most MAX_SHARD_FILE_BYTES, holding JSON. */
async function readShard(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readTextFile(file, MAX_SHARD_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    // a wrong name or kind of file is a bad command line; a file too large or unreadable, a failure
    if (error.kind === "missing" || error.kind === "kind") throw new UsageError(`${file}: ${error.reason}`);
    throw new CommandFailure([`${file}: ${error.reason}`]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CommandFailure([`${file}: not a shard file (not JSON)`]);
  }
}

/**
 * A message of mergeShards with the files named instead of their positions in the list:
 * `shards[1].data.bands[0][0]: ...` becomes `b.json: data.bands[0][0]: ...`.
 */
export function withFileNames(message: string, files: readonly string[]): string {
  const file = (i: string) => files[Number(i)] ?? `shard ${i}`;
  return message.replace(/^shards\[(\d+)\]\.(\S+): /, (_, i: string, path: string) => `${file(i)}: ${path}: `).replace(/shards\[(\d+)\]/g, (_, i: string) => file(i));
}

export async function mergeCommand(files: readonly string[], options: MergeCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
  ]);
  checkOutputFiles(
    outputs,
    files.map((file) => ({ what: "a shard being merged", file })),
  );
  const shards = await Promise.all(files.map(readShard));
  let result;
  try {
    result = mergeShards(shards);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new CommandFailure([withFileNames(error.message, files)]);
  }
  const scenario = (shards[0] as { scenario: { headlineOutcomes?: string[] } }).scenario;
  const shown =
    options.outcome !== undefined
      ? checkNames("outcome", options.outcome, result.outcomes.map((o) => o.name))
      : options.allOutcomes
        ? undefined
        : scenario.headlineOutcomes;
  env.out(terminalText(`merged ${files.length} shard${files.length === 1 ? "" : "s"}\n\n${formatSummaryTable(result, shown === undefined ? {} : { outcomes: shown })}`));
  const featured = options.outcome !== undefined ? shown : options.allOutcomes ? result.outcomes.map((o) => o.name) : undefined;
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => formatResultDocument(result) }]),
      // the shards carry the scenario they were run on (mergeShards has checked it)
      ...(options.html === undefined
        ? []
        : [{ file: options.html, text: () => renderHtmlReport(result, parseScenario((shards[0] as { scenario: unknown }).scenario), featured === undefined ? {} : { outcomes: featured }) }]),
    ],
    env,
  );
  if (options.quiet) return;
  for (const { file } of outputs) env.err(`wrote ${file}\n`);
}
