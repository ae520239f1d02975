import { OP, type FormulaProgram } from "./program.js";

/**
 * Evaluate a compiled formula on the values of its variables, using `stack` (at least
 * `program.stackSize` long) as scratch: no allocation. The result may be non-finite (a
 * division by zero); callers check it.
 */
export function evaluateFormula(program: FormulaProgram, variables: Float64Array, stack: Float64Array): number {
  const { ops, args } = program;
  let top = -1;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op === OP.constant) {
      stack[++top] = args[i]!;
      continue;
    }
    if (op === OP.variable) {
      stack[++top] = variables[args[i]!]!;
      continue;
    }
    if (op === OP.min || op === OP.max) {
      const count = args[i]!;
      let value = stack[top - count + 1]!;
      for (let k = top - count + 2; k <= top; k++) value = op === OP.min ? Math.min(value, stack[k]!) : Math.max(value, stack[k]!);
      top -= count - 1;
      stack[top] = value;
      continue;
    }
    if (op === OP.select) {
      const otherwise = stack[top--]!;
      const then = stack[top--]!;
      stack[top] = stack[top] !== 0 ? then : otherwise;
      continue;
    }
    const b = stack[top]!;
    switch (op) {
      case OP.negate:
        stack[top] = -b;
        continue;
      case OP.not:
        stack[top] = b === 0 ? 1 : 0;
        continue;
      case OP.abs:
        stack[top] = Math.abs(b);
        continue;
      case OP.sqrt:
        stack[top] = Math.sqrt(b);
        continue;
      case OP.log:
        stack[top] = Math.log(b);
        continue;
      case OP.exp:
        stack[top] = Math.exp(b);
        continue;
      case OP.log10:
        stack[top] = Math.log10(b);
        continue;
      case OP.floor:
        stack[top] = Math.floor(b);
        continue;
      case OP.ceil:
        stack[top] = Math.ceil(b);
        continue;
      case OP.round:
        stack[top] = Math.round(b);
        continue;
    }
    // two operands: a op b
    const a = stack[--top]!;
    let value: number;
    switch (op) {
      case OP.add:
        value = a + b;
        break;
      case OP.subtract:
        value = a - b;
        break;
      case OP.multiply:
        value = a * b;
        break;
      case OP.divide:
        value = a / b;
        break;
      case OP.pow:
        value = Math.pow(a, b);
        break;
      case OP.mod:
        value = a % b;
        break;
      case OP.smaller:
        value = a < b ? 1 : 0;
        break;
      case OP.larger:
        value = a > b ? 1 : 0;
        break;
      case OP.smallerEq:
        value = a <= b ? 1 : 0;
        break;
      case OP.largerEq:
        value = a >= b ? 1 : 0;
        break;
      case OP.equal:
        value = a === b ? 1 : 0;
        break;
      case OP.unequal:
        value = a !== b ? 1 : 0;
        break;
      case OP.and:
        value = a !== 0 && b !== 0 ? 1 : 0;
        break;
      case OP.or:
        value = a !== 0 || b !== 0 ? 1 : 0;
        break;
      default:
        value = Number.NaN;
    }
    stack[top] = value;
  }
  return stack[0]!;
}
