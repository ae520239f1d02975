/** Operations of a compiled formula, evaluated on a stack (reverse Polish order). */
export const OP = {
  constant: 0,
  variable: 1,
  add: 2,
  subtract: 3,
  multiply: 4,
  divide: 5,
  pow: 6,
  negate: 7,
  smaller: 8,
  larger: 9,
  smallerEq: 10,
  largerEq: 11,
  equal: 12,
  unequal: 13,
  and: 14,
  or: 15,
  not: 16,
  select: 17,
  min: 18,
  max: 19,
  abs: 20,
  sqrt: 21,
  log: 22,
  exp: 23,
  log10: 24,
  floor: 25,
  ceil: 26,
  round: 27,
  mod: 28,
} as const;

/**
 * A formula compiled once, at scenario load: operations in reverse Polish order with one
 * argument each (a constant, a variable's index, or an argument count), evaluated per run
 * without allocating and without mathjs.
 */
export interface FormulaProgram {
  readonly ops: Int32Array;
  readonly args: Float64Array;
  /** Deepest stack the program needs. */
  readonly stackSize: number;
}
