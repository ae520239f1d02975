// What a condition kind's module provides: everything about one kind of rule condition
// (its schema, validation, compilation for the engine, words and test-kit generator) in one
// file, registered in src/conditions/index.ts. CONTRIBUTING.md walks through adding one.
import type fc from "fast-check";
import type { z } from "zod";
import type { CompileContext } from "../compile/compile-context.js";
import type { DescribeContext } from "../report/describe-context.js";
import type { CheckContext, Path } from "../schema/check-context.js";
import type { SchemaKit } from "../schema/kit.js";
import type { BuildKit, DrawKit } from "../testing/generator-kit.js";

/** Countries or goods a condition looks at: indices, or every one. */
export type Selection = readonly number[] | "all";

/**
 * What the engine reads of a condition (src/compile/model.ts, RuleTable); left out, a
 * field takes the value that makes it no constraint.
 */
export interface ConditionSpec {
  /** Restriction: the SLOT_KIND it looks at, or -1 for any lever that restricts trade. */
  readonly lever?: number;
  readonly minSeverity?: number;
  /** A threshold (shortfall, price); a draw's lower bound (exclusive). */
  readonly value?: number;
  /** A draw's upper bound (exclusive). */
  readonly upper?: number;
  /** A draw: the uncertainty's position among the run's draws. */
  readonly param?: number;
  /** A price: the good. */
  readonly good?: number;
  /** A window of periods, `from <= t < until`. */
  readonly from?: number;
  readonly until?: number;
  /** Countries acting (`by`), aimed at (`against`), goods looked at. */
  readonly by?: Selection;
  readonly against?: Selection;
  readonly goods?: Selection;
}

/** What a condition compiles with: the model's names, its rule instance's agent and trigger. */
export interface ConditionCompileContext extends CompileContext {
  /** The rule's agent. */
  readonly agent: number;
  /** The country this rule instance answers, for its first restriction condition when the rule aims at `triggering`. */
  readonly trigger: number | undefined;
  /** An uncertainty's position among a run's draws. */
  uncertainty(name: string): number;
}

/** One kind of condition; `Draw` is what the test kit draws to build one. */
export interface ConditionKindModule<Kind extends string, Condition extends { readonly kind: Kind }, Draw> {
  readonly kind: Kind;
  /** What it is, in one sentence (the JSON Schema's description of the kind). */
  readonly summary: string;
  schema(kit: SchemaKit): z.ZodType<Condition>;
  /** Problems the schema cannot see: names that must exist, bounds in order. */
  check(condition: Condition, at: Path, context: CheckContext): void;
  compile(condition: Condition, context: ConditionCompileContext): ConditionSpec;
  /** When it holds, in words: `its shortfall of x exceeds 10%`. `agent` is the rule's agent. */
  describe(condition: Condition, agent: string, context: DescribeContext): string;
  /** Test kit: whether the condition refers to an uncertainty (a rule alone cannot declare one). */
  readonly needsUncertainty: boolean;
  draw(kit: DrawKit): fc.Arbitrary<Draw>;
  build(draw: Draw, kit: BuildKit): Condition;
}

/** A condition kind of any type (for the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyConditionKindModule = ConditionKindModule<string, any, any>;
