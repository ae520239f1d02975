import type { DistributionSpec } from "../../schema/distribution.js";
import { distributionKind } from "../distributions/index.js";
import { formatNumber } from "./format.js";

/** The spec's short human form without its truncation: `triangular(0.1, 0.3, 0.6)` (its kind's module says it). */
export function describeUntruncated(spec: DistributionSpec): string {
  const kind = distributionKind((spec as { type?: unknown }).type);
  if (kind === undefined) return `unknown distribution ${JSON.stringify((spec as { type?: unknown }).type) ?? "without a type"}`;
  return kind.describe(spec, formatNumber);
}
