// The distribution kinds: one module each, listed here once. Everything that handles
// distribution specs (the schema, parameter checks, createDistribution, their short form,
// the test kit's generator and scaling) goes through this list. Adding one: CONTRIBUTING.md.
import { bernoulli } from "./bernoulli.js";
import { beta } from "./beta.js";
import { categorical } from "./categorical.js";
import { constant } from "./constant.js";
import type { AnyDistributionKindModule } from "./distribution-kind.js";
import { lognormal } from "./lognormal.js";
import { normal } from "./normal.js";
import { pert } from "./pert.js";
import { triangular } from "./triangular.js";
import { uniform } from "./uniform.js";

/** Every distribution kind, in the order the schema lists them. */
export const DISTRIBUTION_KINDS = [uniform, triangular, pert, normal, lognormal, beta, bernoulli, categorical, constant] as const;

type Kinds = (typeof DISTRIBUTION_KINDS)[number];
/** The name of a distribution kind: `"uniform"`, ... */
export type DistributionType = Kinds["type"];

const byType = new Map<string, AnyDistributionKindModule>(DISTRIBUTION_KINDS.map((kind) => [kind.type, kind]));

/** The module of a distribution kind, or undefined for a type that is none (specs may come unchecked). */
export function distributionKind(type: unknown): AnyDistributionKindModule | undefined {
  return typeof type === "string" ? byType.get(type) : undefined;
}

/** The names of every distribution kind. */
export const DISTRIBUTION_TYPES: readonly DistributionType[] = DISTRIBUTION_KINDS.map((kind) => kind.type);

export type { AnyDistributionKindModule, Built, DistributionDrawKit, DistributionKindModule, ParameterCheck } from "./distribution-kind.js";
