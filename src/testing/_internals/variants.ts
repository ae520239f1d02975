import { leverKind } from "../../levers/index.js";
import { InputError } from "../../errors.js";
import type { Lever } from "../../schema/levers.js";
import { parseScenario } from "../../schema/parse.js";
import type { Policy, Scenario, ScenarioInput } from "../../schema/scenario.js";
import { closestName } from "../../schema/suggest.js";
import { standardOutcomes } from "../standard-outcomes.js";

/** The draw an invariant is checked on: seed (default 1), run (default 0) and policy (default the baseline). */
export interface InvariantDrawOptions {
  /** Seed of the draw; default 1. */
  readonly seed?: string | number;
  /** Run index of the draw; default 0. */
  readonly run?: number;
  /** Policy whose levers are used; default the scenario's baseline policy. */
  readonly policy?: string;
}

/** The scenario, validated, and the policy the invariant looks at. */
export function subject(scenario: ScenarioInput | Scenario, options: InvariantDrawOptions) {
  const parsed = parseScenario(scenario);
  const names = parsed.policies.map((p) => p.name);
  const name = options.policy ?? parsed.baselinePolicy ?? names[0]!;
  const policy = parsed.policies.find((p) => p.name === name);
  if (policy === undefined) {
    const suggestion = closestName(name, names);
    throw new InputError("options.policy", `unknown policy "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
  const run = options.run ?? 0;
  const seed = options.seed ?? 1;
  return { scenario: parsed, policy, draw: { seed, run, policy: name } };
}

/**
 * The scenario recording {@link standardOutcomes} instead of its own outcomes (its outcomes may
 * name rules that a variant drops), and without its game (whose objectives name its outcomes
 * and whose options may switch off rules a variant drops; the kit never plays it).
 */
export function withStandardOutcomes(scenario: Scenario): Scenario {
  const { headlineOutcomes: _headline, game: _game, ...rest } = scenario;
  return { ...rest, outcomes: standardOutcomes(scenario.world) };
}

/**
 * The scenario with only the given policies (levers as given, no rules) and no
 * scenario-wide rules, recording the standard outcomes.
 */
export function withPoliciesOnly(scenario: Scenario, policies: readonly { name: string; levers: Lever[] }[]): Scenario {
  const { baselinePolicy: _baseline, ...rest } = withStandardOutcomes(scenario);
  return {
    ...rest,
    rules: [],
    policies: policies.map((p): Policy => ({ name: p.name, levers: p.levers, rules: [], disableRules: [] })),
  };
}

/** True for the kinds of lever that restrict trade (src/levers: `trade.restricts`) and have a severity and a leakage. */
export function isRestriction(lever: Lever): lever is Extract<Lever, { severity: unknown; leakage: unknown }> {
  return leverKind(lever.type).trade?.restricts === true && "severity" in lever && "leakage" in lever;
}

/** The policy's restriction lever at `index` (default: its first restriction). */
export function restrictionLever(policy: Policy, index: number | undefined) {
  const at = index ?? policy.levers.findIndex(isRestriction);
  const lever = policy.levers[at];
  if (lever === undefined || !isRestriction(lever)) {
    throw new InputError(
      "options.lever",
      index === undefined
        ? `policy "${policy.name}" has no export or import restriction`
        : `expected the index of an export or import restriction in policy "${policy.name}", found ${index}${lever === undefined ? " (no such lever)" : ` (a ${lever.type})`}`,
    );
  }
  return { index: at, lever };
}

/** Readable number for messages. */
export function show(x: number): string {
  return Number.isInteger(x) || !Number.isFinite(x) ? String(x) : String(Number(x.toPrecision(12)));
}

/** Equal numbers, NaN equal to NaN (0 and -0 count as equal). */
export function same(a: number | undefined, b: number | undefined): boolean {
  return a === b || (a !== a && b !== b);
}
