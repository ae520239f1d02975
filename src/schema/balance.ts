/**
 * Tolerance of balance checks (exports within output): user data summed in floating
 * point may overshoot by rounding. The engine serves demand within the same tolerance
 * in full, so a world that passes validation shows no shortfall when undisturbed.
 */
export const BALANCE_TOLERANCE = 1e-9;

/** True when `amount` exceeds `limit` by more than rounding (relative 1e-9, absolute 1e-9). */
export function exceedsWithTolerance(amount: number, limit: number): boolean {
  return amount > limit * (1 + BALANCE_TOLERANCE) + BALANCE_TOLERANCE;
}
