// The structure of a shard file, checked before anything in it is used: a file that is not
// a shard, or a shard cut short or edited by hand, is reported with the path of what is
// wrong rather than failing somewhere inside the merge. The summaries inside are checked
// by their own `fromJSON` (src/stats), with their paths.
import { z } from "zod";
import { InputError } from "../errors.js";
import { problemsFromZodIssues } from "../schema/zod-problems.js";
import { CHOKEPOINT_VERSION } from "../version.js";

const wholeNumber = z.number().int().nonnegative();
const records = z.array(z.array(z.unknown()));

/** A shard file as `runShard` writes it (summary records are checked later, by their `fromJSON`). */
export const shardDocumentSchema = z.object({
  format: z.literal("chokepoint-shard"),
  version: z.literal(1),
  chokepointVersion: z.string(),
  experiment: z.string(),
  scenario: z.record(z.string(), z.unknown()),
  scenarioSha256: z.string(),
  options: z.object({
    runs: z.number().int().positive(),
    seed: z.string(),
    sampler: z.enum(["monte-carlo", "latin-hypercube", "sobol"]),
    policies: z.array(z.string()).min(1),
  }),
  shard: z.object({ index: wholeNumber, of: z.number().int().positive(), runStart: wholeNumber, runEnd: wholeNumber }),
  data: z.object({
    summaries: z.literal("streaming"),
    runStart: wholeNumber,
    runEnd: wholeNumber,
    outcomes: records,
    comparisons: records,
    bands: records,
    gdpLossCapped: wholeNumber,
  }),
});

export type ShardDocumentShape = z.infer<typeof shardDocumentSchema>;

/**
 * Check that `value` is a shard document: its format tag, format version and the version of
 * chokepoint that wrote it first (with a message for a file of another kind or version),
 * then its whole structure.
 *
 * @param path - where the document is, for messages: `shards[2]`.
 * @throws InputError naming the first thing wrong, with its path inside the document.
 */
export function checkShardDocument(value: unknown, path: string): ShardDocumentShape {
  const format = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>).format : undefined;
  if (format !== "chokepoint-shard") throw new InputError(path, 'expected a shard written by `chokepoint shard` (format "chokepoint-shard")');
  const version = (value as Record<string, unknown>).version;
  if (version !== 1) throw new InputError(path, `expected shard format version 1, found ${JSON.stringify(version) ?? "none"}`);
  const written = (value as Record<string, unknown>).chokepointVersion;
  if (written !== CHOKEPOINT_VERSION) {
    const by = typeof written === "string" ? `chokepoint ${written}` : "a chokepoint older than 0.1.0 (no chokepointVersion)";
    throw new InputError(path, `was written by ${by}, and this is chokepoint ${CHOKEPOINT_VERSION}: merge shards with the version that wrote them`);
  }
  const parsed = shardDocumentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [problem] = problemsFromZodIssues(shardDocumentSchema, value, parsed.error.issues);
  throw new InputError(problem === undefined || problem.path === "" ? path : `${path}.${problem.path}`, problem?.message ?? "not a valid shard");
}
