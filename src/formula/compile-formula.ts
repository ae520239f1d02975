// The number-only build: formulas are on plain numbers, and it loads in half the time.
import { create, parseDependencies, type MathNode } from "mathjs/number";
import { CONSTANTS, FORMULA_LIMITS, FUNCTIONS, OPERATORS } from "./vocabulary.js";
import { OP, type FormulaProgram } from "./program.js";

let parser: ((expression: string) => MathNode) | undefined;

/** mathjs's expression parser alone (no evaluation functions), created on first use. */
function parse(expression: string): MathNode {
  parser ??= create({ parseDependencies: parseDependencies! }, { number: "number" }).parse as (expression: string) => MathNode;
  return parser(expression);
}

/** What a formula may not contain, by mathjs node type. */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ["AccessorNode", "property access (a.b, a[b]) is not allowed in formulas"],
  ["ArrayNode", "lists and matrices are not allowed in formulas"],
  ["AssignmentNode", "assignments are not allowed in formulas"],
  ["BlockNode", "several statements are not allowed in formulas"],
  ["FunctionAssignmentNode", "function definitions are not allowed in formulas"],
  ["IndexNode", "indexing is not allowed in formulas"],
  ["ObjectNode", "objects are not allowed in formulas"],
  ["RangeNode", "ranges (a:b) are not allowed in formulas"],
  ["RelationalNode", "chained comparisons (a < b < c) are not allowed in formulas; use and"],
]);

/** Deepest nesting of brackets (mathjs parses them recursively; bound it before parsing). */
function nesting(expression: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of expression) {
    if (ch === "(" || ch === "[" || ch === "{") deepest = Math.max(deepest, ++depth);
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
  }
  return deepest;
}

/**
 * Compile a formula for a derived outcome. It is parsed with mathjs, every node of its
 * syntax tree is checked against an allow-list (numbers, the given variables, the constants
 * pi and e, arithmetic, comparison and logical operators, `c ? a : b`, and the functions
 * min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow), and it is turned into a
 * small program evaluated per run without mathjs. Anything else — property access,
 * assignments, function definitions, matrices, ranges, strings, unknown names such as
 * `import`, `evaluate`, `parse` or `createUnit` — is refused.
 *
 * @returns the program, or the problems found (messages for the `expression` field).
 */
export function compileFormula(expression: string, variables: readonly string[]): { program: FormulaProgram } | { problems: string[] } {
  if (expression.trim() === "") return { problems: ["expected a formula, found an empty text"] };
  if (expression.length > FORMULA_LIMITS.length) return { problems: [`expected a formula of at most ${FORMULA_LIMITS.length} characters, found ${expression.length}`] };
  if (nesting(expression) > FORMULA_LIMITS.nesting) {
    return { problems: [`expected brackets nested at most ${FORMULA_LIMITS.nesting} deep, found ${nesting(expression)}`] };
  }
  let root: MathNode;
  try {
    root = parse(expression);
  } catch (error) {
    return { problems: [`cannot read the formula: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const problems: string[] = [];
  const ops: number[] = [];
  const args: number[] = [];
  let depth = 0;
  let deepest = 0;
  let nodes = 0;
  const emit = (op: number, arg: number, pops: number, pushes: number) => {
    ops.push(op);
    args.push(arg);
    depth += pushes - pops;
    if (depth > deepest) deepest = depth;
  };
  const visit = (node: MathNode): void => {
    if (++nodes > FORMULA_LIMITS.nodes) {
      if (nodes === FORMULA_LIMITS.nodes + 1) problems.push(`expected a formula of at most ${FORMULA_LIMITS.nodes} terms`);
      return;
    }
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case "ConstantNode": {
        const value = n.value;
        if (value === undefined) problems.push("expected a formula, found none (only spaces or a comment)");
        else if (typeof value === "number" && Number.isFinite(value)) emit(OP.constant, value, 0, 1);
        else if (typeof value === "boolean") emit(OP.constant, value ? 1 : 0, 0, 1);
        else problems.push(`only numbers are allowed as constants, found ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
        return;
      }
      case "SymbolNode": {
        const name = String(n.name);
        const index = variables.indexOf(name);
        const constant = CONSTANTS.get(name);
        if (index >= 0) emit(OP.variable, index, 0, 1);
        else if (constant !== undefined) emit(OP.constant, constant, 0, 1);
        else problems.push(`unknown name "${name}"; the formula may use ${[...variables, "pi", "e"].map((v) => `"${v}"`).join(", ")}`);
        return;
      }
      case "ParenthesisNode":
        visit(n.content as MathNode);
        return;
      case "OperatorNode": {
        const fn = String(n.fn);
        const operands = n.args as MathNode[];
        if (fn === "unaryPlus" && operands.length === 1) {
          visit(operands[0]!);
          return;
        }
        const operator = OPERATORS.get(fn);
        if (operator === undefined || operands.length !== operator.arity) {
          problems.push(`the operator "${String(n.op)}" is not allowed`);
          return;
        }
        for (const operand of operands) visit(operand);
        emit(operator.op, 0, operator.arity, 1);
        return;
      }
      case "ConditionalNode":
        visit(n.condition as MathNode);
        visit(n.trueExpr as MathNode);
        visit(n.falseExpr as MathNode);
        emit(OP.select, 0, 3, 1);
        return;
      case "FunctionNode": {
        const callee = n.fn as MathNode & { name?: unknown };
        const name = callee.type === "SymbolNode" ? String(callee.name) : undefined;
        const fn = name === undefined ? undefined : FUNCTIONS.get(name);
        if (name === undefined || fn === undefined) {
          problems.push(
            `the function ${name === undefined ? "call" : `"${name}"`} is not allowed; the formula may call ${[...FUNCTIONS.keys()].join(", ")}`,
          );
          return;
        }
        const operands = n.args as MathNode[];
        if (operands.length < fn.arity[0] || operands.length > fn.arity[1]) {
          problems.push(`${name} takes ${fn.arity[0] === fn.arity[1] ? fn.arity[0] : `${fn.arity[0]} to ${fn.arity[1]}`} argument${fn.arity[1] === 1 ? "" : "s"}, found ${operands.length}`);
          return;
        }
        for (const operand of operands) visit(operand);
        emit(fn.op, operands.length, operands.length, 1);
        return;
      }
      default:
        problems.push(REFUSED.get(node.type) ?? `${node.type} is not allowed in formulas`);
    }
  };
  visit(root);
  if (problems.length > 0) return { problems: [...new Set(problems)] };
  return { program: { ops: Int32Array.from(ops), args: Float64Array.from(args), stackSize: Math.max(1, deepest) } };
}
