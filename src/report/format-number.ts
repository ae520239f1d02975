// Numbers for people: in the outcome's unit, never in scientific notation, and with enough
// digits that an interval never reads as a single value.
//
// The rule:
// - Money gets a scale word (`$1.23 bn`), shares and probabilities are percentages,
//   ratios to a base price end in `x`, `% of ...` units end in `%`.
// - A single value has 3 significant digits (whole numbers of 100 or more keep all their
//   digits, with thousands separators: `15,000`; trailing zeros after the point are
//   dropped; ratios keep at least 2 decimals: `2.50x`, `0.0531x`).
// - Fixed notation always: no `e-6`. A single value smaller in size than 0.0001 of the unit
//   shown (0.0001%, $0.0001, 0.0001x) reads `≈ 0%`, `≈ $0`, `≈ 0x`: a difference too small
//   to read, not an exact zero (an exact zero reads `0%`).
// - A mean with its interval (`formatInterval`) is written with the same number of
//   significant digits for the three numbers, 3 or more: as many as it takes for numbers
//   that differ to read differently (up to 17, which tells any two doubles apart), and
//   without the `≈ 0` floor, so `-0.00000842%` rather than `≈ 0%`.

/** Options of {@link formatValue}. */
export interface FormatValueOptions {
  /** Significant digits; default 3. */
  readonly digits?: number;
}

/** How values of a unit are written. */
interface Display {
  readonly kind: "money" | "ratio" | "plain";
  /** What the value is multiplied by before it is written (100 for shares). */
  readonly factor: number;
  readonly suffix: string;
}

function displayOf(unit: string): Display {
  if (unit === "USD") return { kind: "money", factor: 1, suffix: "" };
  if (unit.startsWith("share") || unit === "probability") return { kind: "plain", factor: 100, suffix: "%" };
  if (unit.startsWith("x ")) return { kind: "ratio", factor: 1, suffix: "x" };
  if (unit.startsWith("% of")) return { kind: "plain", factor: 1, suffix: "%" };
  return { kind: "plain", factor: 1, suffix: "" };
}

/** Sizes below this (in the unit shown) read `≈ 0` as single values. */
const READABLE = 1e-4;
const DEFAULT_DIGITS = 3;
/** 17 significant digits tell any two doubles apart. */
const MAX_DIGITS = 17;

const SCALES: readonly (readonly [number, string])[] = [
  [1e12, "tn"],
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
];

/**
 * Format a value for a table or a chart in the outcome's unit: money with a scale word
 * (`$1.23 bn`), shares as percentages, ratios with `x`, other values with 3 significant
 * digits; never in scientific notation (sizes below 0.0001 of the unit shown read `≈ 0`).
 * The rule in full is at the top of src/report/format-number.ts.
 *
 * @param value - the value, in the outcome's unit (a share as a fraction: 0.0412).
 * @param unit - the outcome's unit: `USD`, `share of ...`, `probability`, `x base price`, `% of annual GDP`, or any other.
 * @param options - significant digits (default 3).
 * @returns the text.
 * @example
 * ```ts
 * formatValue(1.234e9, "USD");                  // "$1.23 bn"
 * formatValue(0.0412, "share of baseline output"); // "4.12%"
 * formatValue(2.5, "x base price");              // "2.50x"
 * formatValue(-8.4e-8, "share of baseline output"); // "≈ 0%"
 * ```
 */
export function formatValue(value: number, unit: string, options: FormatValueOptions = {}): string {
  const digits = Math.min(MAX_DIGITS, Math.max(1, Math.round(options.digits ?? DEFAULT_DIGITS)));
  return written(value, displayOf(unit), digits, true);
}

/** A mean and its interval, formatted alike by {@link formatInterval}. */
export interface FormattedInterval {
  readonly mean: string;
  readonly low: string;
  readonly high: string;
}

/**
 * Format a mean and the two ends of its interval in the outcome's unit, with the same
 * number of significant digits, as many as it takes (3 at least, 17 at most) for numbers
 * that differ to read differently: `-0.00312x (-0.00451x .. -0.00173x)`, never
 * `-0.01x (-0.01x .. -0.01x)`. Fixed notation, no `≈ 0` floor, no scientific notation.
 *
 * @param interval - `{ mean, low, high }`, e.g. a paired difference's `mean`, `ci95Low` and `ci95High`.
 * @param unit - the outcome's unit, as for {@link formatValue}.
 * @returns the three texts.
 * @example
 * ```ts
 * formatInterval({ mean: -0.0031, low: -0.0045, high: -0.0017 }, "x base price");
 * // { mean: "-0.00310x", low: "-0.00450x", high: "-0.00170x" }
 * formatInterval({ mean: 6.72e8, low: 6.5e8, high: 6.94e8 }, "USD");
 * // { mean: "$672 m", low: "$650 m", high: "$694 m" }
 * ```
 */
export function formatInterval(interval: { readonly mean: number; readonly low: number; readonly high: number }, unit: string): FormattedInterval {
  const display = displayOf(unit);
  const values = [interval.mean, interval.low, interval.high];
  let texts: string[] = [];
  for (let digits = DEFAULT_DIGITS; digits <= MAX_DIGITS; digits++) {
    texts = values.map((value) => written(value, display, digits, false));
    if (distinctWhereDifferent(values, texts)) break;
  }
  return { mean: texts[0]!, low: texts[1]!, high: texts[2]! };
}

/**
 * A paired difference in words, its mean signed and its 95% interval in digits that tell
 * the three numbers apart: `+$3.41 bn ($3.35 bn to $3.47 bn)`; `+$300 in every run` when
 * it does not vary; `same in every run` when it is 0 in each.
 */
export function differenceText(
  d: { readonly mean: number; readonly sd: number; readonly ci95Low: number; readonly ci95High: number },
  unit: string,
  between = " to ",
  label = "",
): string {
  if (d.mean === 0 && d.sd === 0) return "same in every run";
  const t = formatInterval({ mean: d.mean, low: d.ci95Low, high: d.ci95High }, unit);
  const mean = `${d.mean > 0 && !t.mean.startsWith("-") && !t.mean.startsWith("≈") ? "+" : ""}${t.mean}`;
  return d.sd === 0 ? `${mean} in every run` : `${mean} (${label}${t.low}${between}${t.high})`;
}

/**
 * A number as data is written in a table for people (a scenario's volumes and recipe
 * coefficients): whole numbers with thousands separators, others with `digits` significant
 * digits, in fixed notation however small (`0.0000039`) or large.
 */
export function plainNumber(value: number, digits = 4): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) {
    return (value < 0 ? "-" : "") + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  return written(value, displayOf(""), digits, false);
}

function distinctWhereDifferent(values: readonly number[], texts: readonly string[]): boolean {
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      if (values[i] !== values[j] && texts[i] === texts[j]) return false;
    }
  }
  return true;
}

function written(value: number, display: Display, digits: number, floor: boolean): string {
  if (!Number.isFinite(value)) return String(value);
  const scaled = value * display.factor;
  const size = Math.abs(scaled);
  const minDecimals = display.kind === "ratio" ? 2 : 0;
  if (size === 0) return unitText("", display.kind === "ratio" ? "0.00" : "0", display);
  if (floor && size < READABLE) return `≈ ${unitText("", "0", display)}`;
  const sign = scaled < 0 ? "-" : "";
  if (display.kind === "money") {
    // the scale of the value as rounded, so that 999.96 m reads $1 bn, not $1000 m
    const rounded = Number(size.toPrecision(digits));
    for (const [scale, word] of SCALES) {
      if (rounded >= scale) return `${sign}$${fixedNotation(size / scale, digits, 0, true)} ${word}`;
    }
    return `${sign}$${fixedNotation(size, digits, 0, true)}`;
  }
  return unitText(sign, fixedNotation(size, digits, minDecimals, display.kind !== "ratio"), display);
}

function unitText(sign: string, digits: string, display: Display): string {
  return display.kind === "money" ? `${sign}$${digits}` : `${sign}${digits}${display.suffix}`;
}

/**
 * A positive number in fixed notation with `digits` significant digits (all the digits of
 * its whole part when it has more), at least `minDecimals` decimals, trailing zeros after
 * the point dropped with `strip` (down to `minDecimals`). Any size: 1e-300 gets its
 * zeros, 1e300 its digits.
 */
function fixedNotation(size: number, digits: number, minDecimals: number, strip: boolean): string {
  const [mantissa, exponentText] = size.toExponential(digits - 1).split("e");
  const exponent = Number(exponentText);
  const significant = mantissa!.replace(".", "");
  let whole: string;
  let fraction: string;
  if (exponent >= significant.length - 1) {
    // every significant digit is in the whole part: write the whole part exactly
    whole = size < 1e21 ? size.toFixed(0) : significant + "0".repeat(exponent - significant.length + 1);
    fraction = "";
  } else if (exponent >= 0) {
    whole = significant.slice(0, exponent + 1);
    fraction = significant.slice(exponent + 1);
  } else {
    whole = "0";
    fraction = "0".repeat(-exponent - 1) + significant;
  }
  if (strip) fraction = fraction.replace(/0+$/, "");
  if (fraction.length < minDecimals) {
    // more decimals than the significant digits give: round there (2.5 -> 2.50, 12.345 -> 12.35)
    if (size < 1e21 && minDecimals <= 100) [whole, fraction] = size.toFixed(minDecimals).split(".") as [string, string];
    else fraction = fraction.padEnd(minDecimals, "0");
  }
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}
