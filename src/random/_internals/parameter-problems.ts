import type { InputProblem } from "../../errors.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import { DISTRIBUTION_TYPES, distributionKind } from "../distributions/index.js";
import { formatFound } from "./format.js";

/**
 * Every problem with the parameters of a distribution spec, in the order of its fields,
 * each with a path relative to the spec. Relations between parameters (min < max) are
 * checked only when the parameters involved are finite numbers. The probability left by
 * a truncation is checked later, by `analyseDistribution`, once the parameters are valid.
 */
export function parameterProblems(spec: DistributionSpec): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    add("", `expected a distribution object with a type, found ${formatFound(spec)}`);
    return problems;
  }
  const fields = spec as unknown as Record<string, unknown>;

  /** The finite number at `key`, or NaN after recording a problem; `fallback` if absent and optional. */
  function read(key: string, fallback?: number): number {
    const value = fields[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    add(key, `expected a finite number, found ${formatFound(value)}`);
    return Number.NaN;
  }
  const finite = (...xs: number[]): boolean => xs.every(Number.isFinite);

  function checkOrdered(min: number, max: number): void {
    if (finite(min, max) && !(max > min)) add("max", `expected max > min (${min}), found ${max}`);
  }
  function checkMode(min: number, mode: number, max: number): void {
    if (finite(min, mode, max) && max > min && !(mode >= min && mode <= max)) {
      add("mode", `expected min <= mode <= max, i.e. a mode in [${min}, ${max}], found ${mode}`);
    }
  }
  function checkPositive(key: string, value: number): void {
    if (finite(value) && !(value > 0)) add(key, `expected ${key} > 0, found ${value}`);
  }
  function checkTruncation(): void {
    const truncate = fields["truncate"];
    if (truncate === undefined) return;
    if (typeof truncate !== "object" || truncate === null || Array.isArray(truncate)) {
      add("truncate", `expected an object with min and/or max, found ${formatFound(truncate)}`);
      return;
    }
    const bounds = truncate as Record<string, unknown>;
    const bound = (key: "min" | "max"): number | undefined => {
      const value = bounds[key];
      if (value === undefined) return undefined;
      if (typeof value === "number" && Number.isFinite(value)) return value;
      add(`truncate.${key}`, `expected a finite number, found ${formatFound(value)}`);
      return undefined;
    };
    const min = bound("min");
    const max = bound("max");
    if (min !== undefined && max !== undefined && !(max > min)) {
      add("truncate.max", `expected truncate.max > truncate.min (${min}), found ${max}`);
    }
  }
  function checkNumberList(key: string, value: unknown): number[] | undefined {
    if (!Array.isArray(value)) {
      add(key, `expected an array of numbers, found ${formatFound(value)}`);
      return undefined;
    }
    if (value.length === 0) {
      add(key, "expected at least one entry, found an empty array");
      return undefined;
    }
    let ok = true;
    value.forEach((entry: unknown, index) => {
      if (typeof entry !== "number" || !Number.isFinite(entry)) {
        add(`${key}[${index}]`, `expected a finite number, found ${formatFound(entry)}`);
        ok = false;
      }
    });
    return ok ? (value as number[]) : undefined;
  }

  const kind = distributionKind(fields["type"]);
  if (kind === undefined) {
    add("type", `expected one of ${DISTRIBUTION_TYPES.join(", ")}; found ${formatFound(fields["type"])}`);
    return problems;
  }
  kind.problems({
    read,
    field: (key) => fields[key],
    add,
    ordered: checkOrdered,
    mode: checkMode,
    positive: checkPositive,
    numbers: (key) => checkNumberList(key, fields[key]),
  });
  if (kind.truncatable) checkTruncation();
  return problems;
}
