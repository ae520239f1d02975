// Parsers of option values. They throw UsageError with the option's name, which `main`
// prints as it is (commander's own messages for these would be longer and less precise).
import { UsageError } from "./errors.js";

/** Most runs an experiment accepts: `MAX_RUNS` of src/experiment/run-experiment.ts (a test keeps them equal; not imported, so that parsing the command line does not load the engine). */
export const MAX_RUNS = 100_000_000;

/**
 * `--runs N`: a whole number from 1 to 100,000,000, in digits (`_` or `,` between groups
 * of three allowed) or in powers of ten that make a whole number (`1e4`, `2.5e5`).
 */
export function parseRuns(value: string): number {
  const digits = value.replace(/(?<=\d)[_,](?=\d{3})/g, "");
  const runs = /^\d+$/.test(digits) || /^\d+(\.\d+)?e\+?\d+$/i.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new UsageError(`--runs: expected a whole number from 1 to ${MAX_RUNS} (such as 20000, 20_000, 20,000 or 2e4), found ${JSON.stringify(value)}`);
  }
  return runs;
}

/** `--workers N`: worker threads, a whole number from 1 to 1024 (the library then uses at most the available cores). */
export function parseWorkers(value: string): number {
  const workers = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 1024) {
    throw new UsageError(`--workers: expected a whole number from 1 to 1024, found ${JSON.stringify(value)}`);
  }
  return workers;
}

/** `--index I`: a shard index, a whole number from 0. */
export function parseIndex(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`--index: expected a whole number from 0, found ${JSON.stringify(value)}`);
  return Number(value);
}

/** `--of K`: how many shards, a whole number from 1. */
export function parseShardCount(value: string): number {
  const count = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(`--of: expected a whole number from 1, found ${JSON.stringify(value)}`);
  return count;
}

/** `--seed S`: any text of 1 to 256 characters. */
export function parseSeed(value: string): string {
  if (value.length === 0 || value.length > 256) throw new UsageError(`--seed: expected 1 to 256 characters, found ${value.length}`);
  return value;
}

/** `--policies a,b,c`: names separated by commas (spaces around them ignored). */
export function parsePolicyList(value: string): string[] {
  const names = value.split(",").map((name) => name.trim());
  if (names.some((name) => name === "")) throw new UsageError(`--policies: expected names separated by commas, found ${JSON.stringify(value)}`);
  return names;
}

/** A whole number from `least` to `most`, for the option `name`. */
export function parseWhole(name: string, value: string, least: number, most: number): number {
  const digits = value.replace(/(?<=\d)[_,](?=\d{3})/g, "");
  const x = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(x) || x < least || x > most) throw new UsageError(`${name}: expected a whole number from ${least} to ${most}, found ${JSON.stringify(value)}`);
  return x;
}

/** A share in (0, 1), for the option `name`. */
export function parseShare(name: string, value: string): number {
  const x = /^(0?\.\d+|0|1)$/.test(value) ? Number(value) : NaN;
  if (!(x >= 0 && x < 1)) throw new UsageError(`${name}: expected a share from 0 to below 1 (such as 0.02), found ${JSON.stringify(value)}`);
  return x;
}

/** Names separated by commas, for the option `name`. */
export function parseNameList(name: string, value: string): string[] {
  const names = value.split(",").map((item) => item.trim());
  if (names.some((item) => item === "")) throw new UsageError(`${name}: expected names separated by commas, found ${JSON.stringify(value)}`);
  return names;
}

/** A finite number, for the option `name` (digits, a sign, a decimal point, an exponent). */
export function parseNumber(name: string, value: string): number {
  const plain = value.replace(/(?<=\d)[_,](?=\d{3})/g, "");
  const x = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(plain) ? Number(plain) : NaN;
  if (!Number.isFinite(x)) throw new UsageError(`${name}: expected a number (such as 5e9 or 5,000,000,000), found ${JSON.stringify(value)}`);
  return x;
}

/** A number greater than 0, for the option `name` (a precision target). */
export function parsePositive(name: string, value: string): number {
  const x = parseNumber(name, value);
  if (!(x > 0)) throw new UsageError(`${name}: expected a number greater than 0 (such as 0.01), found ${JSON.stringify(value)}`);
  return x;
}

/** A share strictly between 0 and `most`, for the option `name` (PRIM's alpha and minimum mass). */
export function parseOpenShare(name: string, value: string, most: number): number {
  const x = /^(0?\.\d+|\d+(\.\d*)?)$/.test(value) ? Number(value) : NaN;
  if (!(x > 0 && x < most)) throw new UsageError(`${name}: expected a share above 0 and below ${most} (such as 0.05), found ${JSON.stringify(value)}`);
  return x;
}

/** Most values of `--values`: `MAX_SWEEP_VALUES` of src/analysis/sweep-lever.ts (a test keeps them equal; not imported, so that parsing the command line does not load the engine). */
export const MAX_SWEEP_VALUES = 100;

/**
 * `--values`: numbers separated by commas (`0,0.25,0.5,1`) or a range `start:stop:step`
 * (`0:1:0.25`, both ends included; each value is start + k * step, rounded to 12
 * significant digits so that 0.1 steps read 0.3, not 0.30000000000000004).
 */
export function parseSweepValues(value: string, name: unknown = "--values"): number[] {
  // commander passes the option's previous value as the second argument: only a string names the option
  const option = typeof name === "string" ? name : "--values";
  const fail = (why: string) => new UsageError(`${option}: ${why}, found ${JSON.stringify(value)}`);
  const number = (text: string) => {
    const x = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text.trim()) : NaN;
    if (!Number.isFinite(x)) throw fail("expected numbers separated by commas (0,0.5,1) or a range start:stop:step (0:1:0.25)");
    return x;
  };
  let values: number[];
  if (value.includes(":")) {
    const parts = value.split(":");
    if (parts.length !== 3) throw fail("expected a range start:stop:step, such as 0:1:0.25");
    const [start, stop, step] = parts.map(number) as [number, number, number];
    if (!(step > 0) || stop < start) throw fail("expected a step above 0 and a stop at or above the start");
    const count = Math.floor((stop - start) / step + 1e-9) + 1;
    if (count > MAX_SWEEP_VALUES) throw fail(`expected at most ${MAX_SWEEP_VALUES} values`);
    values = Array.from({ length: count }, (_, k) => Number((start + k * step).toPrecision(12)));
  } else {
    values = value.split(",").map(number);
  }
  if (values.length > MAX_SWEEP_VALUES) throw fail(`expected at most ${MAX_SWEEP_VALUES} values`);
  return values;
}
