import type { UncertainNumber } from "../schema/common.js";
import type { Scenario } from "../schema/scenario.js";
import { formatValue } from "./format-number.js";
import { numberText, uncertainNumber } from "./_internals/provenance.js";
import { listInWords } from "./text.js";

/**
 * What a kind's module describes a scenario entry in words with (`chokepoint explain`, the
 * report). It holds no Scenario: the scenario's type is built from the kinds' schemas.
 */
export interface DescribeContext {
  /** The scenario's period: `month`, `quarter` or `year`. */
  readonly period: string;
  /** `a, b and c` (or `or`). */
  list(items: readonly string[], conjunction?: "and" | "or"): string;
  /** `every country` or a list of names. */
  countries(list: "all" | readonly string[]): string;
  /** A fixed number, or the uncertainty it is drawn from with its distribution. */
  number(value: UncertainNumber): string;
  /** A plain number, briefly. */
  plain(value: number): string;
  /** A share as a percentage. */
  share(value: number): string;
  /** The unit of a good. */
  unitOf(good: string): string;
}

/** The words a kind's module describes an entry of `scenario` with. */
export function describeContext(scenario: Scenario): DescribeContext {
  return {
    period: scenario.period,
    list: (items, conjunction = "and") => listInWords(items, conjunction),
    countries: (list) => (list === "all" ? "every country" : listInWords(list)),
    number: (value) => uncertainNumber(value, scenario),
    plain: numberText,
    share: (value) => formatValue(value, "share"),
    unitOf: (good) => scenario.world.goods.find((g) => g.id === good)?.unit ?? "",
  };
}
