// What a lever kind's module provides: everything about one kind of lever (its schema,
// validation, compilation for the engine, description and test-kit generator) in one file,
// registered in src/levers/index.ts. CONTRIBUTING.md walks through adding one.
import type fc from "fast-check";
import type { z } from "zod";
import type { CompileContext } from "../compile/compile-context.js";
import type { DescribeContext } from "../report/describe-context.js";
import type { CheckContext, Path } from "../schema/check-context.js";
import type { UncertainNumber } from "../schema/common.js";
import type { SchemaKit } from "../schema/kit.js";
import type { BuildKit, DrawKit } from "../testing/generator-kit.js";

/** What the engine reads of a lever's slot; every number is a number-table reference (CompileContext.number). */
export interface SlotSpec {
  /** Goods the lever covers. */
  readonly goods: readonly number[];
  /** How many periods it acts; without it, until the horizon. */
  readonly durationRef?: number;
  readonly severityRef?: number;
  readonly leakageRef?: number;
  readonly premiumRef?: number;
  /** Periods from the start before leaked volume arrives. */
  readonly leakageLagRef?: number;
  /** Time constant of the leakage channel's opening, and its capacity as a share of the baseline flow. */
  readonly leakageRampRef?: number;
  readonly leakageCapacityRef?: number;
  /** A restriction's notice, in periods (announced that long before it takes effect). */
  readonly announcedRef?: number;
  /** A restriction's severity steps: from `after` periods after it takes effect, the severity at `severityRef`. */
  readonly schedule?: readonly { readonly after: number; readonly severityRef: number }[];
  /** A restriction's licensing process (restriction-terms.ts). */
  readonly licensing?: {
    readonly reviewMinRef: number;
    readonly reviewMaxRef: number;
    readonly initialApprovalRef: number;
    readonly finalApprovalRef: number;
    readonly approvalRecoveryRef: number;
  };
  /** Export restriction: share of the blocked volume its state reserve buys. */
  readonly stockpileShareRef?: number;
  /** The kind's quantity: a reserve's months of use, capacity added, a tariff's rate. */
  readonly amountRef?: number;
  /** The kind's rate: a reserve's largest release per period, a capacity's ramp time constant. */
  readonly rateRef?: number;
}

/**
 * Trade a lever acts on: the actor's exports to, or imports from, some partners. The
 * compiler lists the flows it covers. When it `restricts`, reports mark those flows and
 * restriction conditions of rules see the lever, reading its severity (a restricting kind
 * must have `severity` and `leakage`); the state reserve's purchase of blocked volume is the
 * export restriction's own, in its engine case.
 */
export interface TradeSide<Lever> {
  readonly side: "exports" | "imports";
  /** Whether it blocks volume (a restriction), as opposed to pricing it (a tariff). */
  readonly restricts: boolean;
  /** The field that names the partners (`targets`, `sources`), for messages. */
  readonly partnersField: string;
  /** The partners it aims at: names, `all`, or `triggering` (a rule's action: the countries that set the rule off). */
  partners(lever: Lever): "all" | "triggering" | readonly string[];
}

/**
 * One kind of lever. `Lever` is the policy lever (with `actor` and `start`), `Action` the
 * same lever as a rule's action (the rule's agent acts, from firing plus delay), `Draw`
 * what the test kit draws to build one.
 */
export interface LeverKindModule<Type extends string, Lever extends { readonly type: Type; readonly actor: string }, Action extends { readonly type: Type }, Draw> {
  readonly type: Type;
  /** What it does, in one sentence (the JSON Schema's description of the kind). */
  readonly summary: string;
  /** What it is called in a sentence: `an export restriction`. */
  readonly noun: string;
  /** Its zod schemas, built from the kit (see SchemaKit for why it is handed over). */
  schemas(kit: SchemaKit): { readonly lever: z.ZodType<Lever>; readonly action: z.ZodType<Action> };
  /** Problems the schema cannot see: names that must exist, numbers out of range. `actor` is the lever's actor or the rule's agent. */
  check(lever: Lever | Action, at: Path, actor: string, context: CheckContext): void;
  /** The trade it acts on, if any. */
  readonly trade?: TradeSide<Lever | Action>;
  /**
   * True when the lever changes nothing while its goods are in balance (a reserve or added
   * capacity, drawn on only when buyers are short): the engine then lets a good it covers
   * skip its clearing while nothing else disturbs it (docs/model.md, "Engine rules"). Leave
   * it out unless that is so: a wrong `true` silently turns the lever off (a good that was
   * calm stays calm); a missing one only costs time.
   */
  readonly actsOnlyInShortage?: boolean;
  /** A good the actor makes once it may pull the lever (capacity expansion), if any. */
  produces?(lever: Lever | Action): string | undefined;
  /** Its slot for the engine. */
  compile(lever: Lever | Action, context: CompileContext): SlotSpec;
  /** What it does, in words, after the actor's name: `restricts exports of x to B (severity 1)`. */
  describe(lever: Lever | Action, context: DescribeContext): string;
  /** Fields that are volumes (in the good's unit per period), scaled with the world by the test kit. */
  readonly volumes: readonly (keyof Action & string)[];
  /** Test-kit generator: what is drawn, and the rule action built from it (undefined when it cannot exist in this world). */
  draw(kit: DrawKit): fc.Arbitrary<Draw>;
  build(draw: Draw, kit: BuildKit): Action | undefined;
}

/** A lever kind of any type (for the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLeverKindModule = LeverKindModule<string, any, any, any>;

/** Fields shared by export and import restrictions (severity, leakage, premium, duration). */
export interface RestrictionTerms {
  readonly goods: readonly string[];
  readonly severity: UncertainNumber;
  readonly leakage: UncertainNumber;
  readonly leakagePremium: UncertainNumber;
  readonly leakageLag: UncertainNumber;
  readonly leakageRamp: UncertainNumber;
  readonly leakageCapacity: UncertainNumber;
  readonly duration?: UncertainNumber | undefined;
  readonly announced: UncertainNumber;
  readonly schedule?: readonly { readonly after: number; readonly severity: UncertainNumber }[] | undefined;
  readonly licensing?:
    | {
        readonly reviewMin: UncertainNumber;
        readonly reviewMax: UncertainNumber;
        readonly finalApproval: UncertainNumber;
        readonly initialApproval?: UncertainNumber | undefined;
        readonly approvalRecovery: UncertainNumber;
      }
    | undefined;
}
