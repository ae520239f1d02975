// What a formula may say: functions, operators, constants, names and size limits. Kept apart
// from compile-formula.ts so that the schema and the compiled model can use them without
// loading mathjs (worker threads never parse a formula: they get the compiled programs).
//
// The allow-lists are Maps, never plain objects: a name from a formula or a scenario must
// not find `constructor`, `toString` or `__proto__` through Object.prototype.
import { OP } from "./program.js";

/** Functions a formula may call, with how many arguments they take. */
export const FUNCTIONS: ReadonlyMap<string, { readonly op: number; readonly arity: readonly [number, number] }> = new Map([
  ["min", { op: OP.min, arity: [1, 100] }],
  ["max", { op: OP.max, arity: [1, 100] }],
  ["abs", { op: OP.abs, arity: [1, 1] }],
  ["sqrt", { op: OP.sqrt, arity: [1, 1] }],
  ["log", { op: OP.log, arity: [1, 1] }],
  ["exp", { op: OP.exp, arity: [1, 1] }],
  ["log10", { op: OP.log10, arity: [1, 1] }],
  ["floor", { op: OP.floor, arity: [1, 1] }],
  ["ceil", { op: OP.ceil, arity: [1, 1] }],
  ["round", { op: OP.round, arity: [1, 1] }],
  ["pow", { op: OP.pow, arity: [2, 2] }],
]);

/** Operators a formula may use (mathjs operator function names). */
export const OPERATORS: ReadonlyMap<string, { readonly op: number; readonly arity: number }> = new Map([
  ["add", { op: OP.add, arity: 2 }],
  ["subtract", { op: OP.subtract, arity: 2 }],
  ["multiply", { op: OP.multiply, arity: 2 }],
  ["divide", { op: OP.divide, arity: 2 }],
  ["pow", { op: OP.pow, arity: 2 }],
  ["mod", { op: OP.mod, arity: 2 }],
  ["unaryMinus", { op: OP.negate, arity: 1 }],
  ["smaller", { op: OP.smaller, arity: 2 }],
  ["larger", { op: OP.larger, arity: 2 }],
  ["smallerEq", { op: OP.smallerEq, arity: 2 }],
  ["largerEq", { op: OP.largerEq, arity: 2 }],
  ["equal", { op: OP.equal, arity: 2 }],
  ["unequal", { op: OP.unequal, arity: 2 }],
  ["and", { op: OP.and, arity: 2 }],
  ["or", { op: OP.or, arity: 2 }],
  ["not", { op: OP.not, arity: 1 }],
]);

/** Named constants a formula may use. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ["pi", Math.PI],
  ["e", Math.E],
  ["true", 1],
  ["false", 0],
]);

/** Longest formula, in characters; most syntax-tree nodes; deepest brackets. */
export const FORMULA_LIMITS = { length: 1_000, nodes: 200, nesting: 32 } as const;

/** A formula's names: letters, digits and `_`, not a function or constant name. */
export const FORMULA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names a formula variable may not take. */
export function reservedFormulaName(name: string): boolean {
  return FUNCTIONS.has(name) || CONSTANTS.has(name);
}
