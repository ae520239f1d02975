import type { InputProblem } from "../../errors.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import { formatFound } from "./format.js";

const TYPES = [
  "uniform",
  "triangular",
  "pert",
  "normal",
  "lognormal",
  "beta",
  "bernoulli",
  "categorical",
  "constant",
] as const;

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

  switch (spec.type) {
    case "uniform": {
      checkOrdered(read("min"), read("max"));
      checkTruncation();
      break;
    }
    case "triangular": {
      const min = read("min");
      const mode = read("mode");
      const max = read("max");
      checkOrdered(min, max);
      checkMode(min, mode, max);
      checkTruncation();
      break;
    }
    case "pert": {
      const min = read("min");
      const mode = read("mode");
      const max = read("max");
      const lambda = read("lambda", 4);
      checkOrdered(min, max);
      checkMode(min, mode, max);
      if (finite(lambda) && !(lambda > 0)) add("lambda", `expected lambda > 0 (4 gives the classic PERT), found ${lambda}`);
      checkTruncation();
      break;
    }
    case "normal": {
      read("mean");
      checkPositive("sd", read("sd"));
      checkTruncation();
      break;
    }
    case "lognormal": {
      read("mu");
      checkPositive("sigma", read("sigma"));
      checkTruncation();
      break;
    }
    case "beta": {
      checkPositive("alpha", read("alpha"));
      checkPositive("beta", read("beta"));
      const min = read("min", 0);
      const max = read("max", 1);
      if (finite(min, max) && !(max > min)) {
        if (fields["max"] === undefined) add("min", `expected min < max (1, the default), found ${min}`);
        else add("max", `expected max > min (${min}${fields["min"] === undefined ? ", the default" : ""}), found ${max}`);
      }
      checkTruncation();
      break;
    }
    case "bernoulli": {
      const p = read("p");
      if (finite(p) && !(p >= 0 && p <= 1)) add("p", `expected a probability in [0, 1], found ${p}`);
      break;
    }
    case "categorical": {
      const values = checkNumberList("values", fields["values"]);
      const weights = checkNumberList("weights", fields["weights"]);
      if (weights === undefined) break;
      let negative = false;
      weights.forEach((weight, index) => {
        if (weight < 0) {
          add(`weights[${index}]`, `expected a weight >= 0, found ${weight}`);
          negative = true;
        }
      });
      if (values !== undefined && weights.length !== values.length) {
        add("weights", `expected one weight per value (${values.length}), found ${weights.length}`);
      }
      const sum = weights.reduce((total, weight) => total + weight, 0);
      if (!negative && !(sum > 0)) add("weights", "expected weights with a positive sum, found all 0");
      else if (!negative && sum === Infinity) add("weights", "expected weights with a finite sum, found a sum of Infinity");
      break;
    }
    case "constant": {
      read("value");
      break;
    }
    default: {
      const type = (spec as { type?: unknown }).type;
      add("type", `expected one of ${TYPES.join(", ")}; found ${formatFound(type)}`);
    }
  }
  return problems;
}
