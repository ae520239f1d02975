import type { Scenario } from "../../schema/scenario.js";
import type { DescribeContext } from "../describe-context.js";
import { formatValue } from "../format-number.js";
import { numberText, uncertainNumber } from "./provenance.js";
import { listInWords } from "./text.js";

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
