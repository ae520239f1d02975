// The input-output toolkit on Miller & Blair's two-sector example (Input-Output Analysis,
// 2nd ed., 2009, ch. 2): coefficients, the Leontief inverse, multipliers, a demand shock,
// the Ghosh supply-side view, and how inoperability spreads (Haimes & Jiang's IIM).
//   npx tsx examples/io-multipliers.ts
import {
  dynamicInoperability,
  ghoshInverse,
  allocationCoefficients,
  inoperability,
  interdependencyMatrix,
  leontiefInverse,
  outputMultipliers,
  technicalCoefficients,
  totalOutput,
  valueAddedMultipliers,
} from "chokepoint";

const sectors = ["manufacturing", "services"];
const Z = [
  [150, 500],
  [200, 100],
]; // sales of row sector to column sector
const x = [1000, 2000]; // gross output
const valueAdded = x.map((xj, j) => xj - Z[0]![j]! - Z[1]![j]!); // [650, 1400]

const A = technicalCoefficients(Z, x);
const L = leontiefInverse(A);
const show = (m: number[][]) => m.map((row) => row.map((v) => v.toFixed(4)).join("  ")).join("\n  ");
console.log(`A (inputs per unit of output):\n  ${show(A)}`);
console.log(`L = (I - A)^-1:\n  ${show(L)}`);

const multipliers = outputMultipliers(A);
const vaMultipliers = valueAddedMultipliers(A, valueAdded.map((v, j) => v / x[j]!));
sectors.forEach((name, j) =>
  console.log(`${name}: output multiplier ${multipliers[j]!.toFixed(4)}, value-added multiplier ${vaMultipliers[j]!.toFixed(4)}`),
);

// A new final demand: how much must each sector produce?
const newOutput = totalOutput(A, [600, 1500]);
console.log(`final demand [600, 1500] needs output [${newOutput.map((v) => v.toFixed(2)).join(", ")}]`);

// Supply side: Ghosh's allocation coefficients reproduce output from value added
const G = ghoshInverse(allocationCoefficients(Z, x));
const fromSupply = [0, 1].map((j) => valueAdded[0]! * G[0]![j]! + valueAdded[1]! * G[1]![j]!);
console.log(`Ghosh: value added [650, 1400] supports output [${fromSupply.map((v) => v.toFixed(2)).join(", ")}]`);

// Inoperability: services lose 10% of final demand; how inoperable does each sector become?
const Astar = interdependencyMatrix(A, x);
const q = inoperability(Astar, [0, 0.1]);
console.log(`static inoperability with c* = [0, 0.1]: [${q.map((v) => v.toFixed(4)).join(", ")}]`);
const path = dynamicInoperability({ Astar, K: [0.3, 0.3], cstar: [0, 0.1], q0: [0, 0], steps: 12 });
console.log(`dynamic path (resilience 0.3): ${path.map((qt) => qt[1]!.toFixed(3)).join(" ")}`);
