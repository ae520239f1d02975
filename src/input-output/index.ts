/**
 * Input-output toolkit: the Leontief (demand-driven) and Ghosh (supply-driven) models and
 * the inoperability input-output model, static and dynamic. Plain `number[][]` /
 * `number[]` in and out; inputs are never modified; every precondition failure throws an
 * `InputError` naming the argument or element at fault.
 */

// Coefficients from a transactions table
export { technicalCoefficients } from "./technical-coefficients.js";
export { allocationCoefficients } from "./allocation-coefficients.js";

// Demand-driven (Leontief) model
export { leontiefInverse } from "./leontief-inverse.js";
export { totalOutput } from "./total-output.js";
export { outputMultipliers } from "./output-multipliers.js";
export { valueAddedMultipliers } from "./value-added-multipliers.js";

// Supply-driven (Ghosh) model
export { ghoshInverse } from "./ghosh-inverse.js";

// Inoperability input-output model (IIM), static and dynamic
export { interdependencyMatrix } from "./interdependency-matrix.js";
export { inoperability } from "./inoperability.js";
export { dynamicInoperability, type DynamicInoperabilityInput } from "./dynamic-inoperability.js";
export { resilienceCoefficient, type ResilienceCoefficientInput } from "./resilience-coefficient.js";

// Productivity
export { spectralRadius } from "./spectral-radius.js";
