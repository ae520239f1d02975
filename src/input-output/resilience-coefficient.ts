import { InputError } from "../errors.js";
import { describeValue, readNumber } from "./_internals/input.js";

/** Arguments of {@link resilienceCoefficient}. */
export interface ResilienceCoefficientInput {
  /** `T_i`: periods for the sector to recover, > 0 (in the periods of the dynamic model). */
  readonly recoveryTime: number;
  /**
   * `lambda = q_i(T_i) / q_i(0)`: the share of its initial inoperability a sector still has
   * after `T_i` periods, in (0, 1). Default 0.01 (99% recovered).
   */
  readonly finalInoperabilityRatio?: number;
  /** `a*_ii`: the sector's dependence on itself, the diagonal entry of `A*`, in [0, 1). */
  readonly selfDependence: number;
}

/**
 * Resilience coefficient `k_i` of a sector in the dynamic inoperability input-output
 * model: how fast it recovers, calibrated from its recovery time.
 *
 * `k_i = -ln(lambda) / (T_i (1 - a*_ii))`. It follows from the recovery of a sector on its
 * own, `q_i(t) = exp(-k_i (1 - a*_ii) t) q_i(0)`, by asking that `q_i(T_i) = lambda q_i(0)`,
 * that is `k_i = ln(q_i(0) / q_i(T_i)) / (T_i (1 - a*_ii))`.
 *
 * `lambda` defaults to 0.01 (inoperability down to 1% of its initial value): this is the
 * usual choice in DIIM applications (e.g. Santos, Yu, Pagsuyoin & Tan 2014, *Economic
 * Systems Research* 26(1), 60-80). The formula does not fix it, so state the value with
 * the recovery times you use.
 *
 * The discrete model of {@link dynamicInoperability} needs `k_i <= 1`, i.e.
 * `T_i >= -ln(lambda) / (1 - a*_ii)` periods (about 4.6 periods for `lambda = 0.01`);
 * this function returns the formula's value and does not clip it.
 *
 * Definition: Lian & Haimes (2006), *Systems Engineering* 9(3), 241-258
 * (https://doi.org/10.1002/sys.20051); Haimes et al. (2005), *J. Infrastructure Systems*
 * 11(2), 67-79 (https://doi.org/10.1061/(ASCE)1076-0342(2005)11:2(67)).
 *
 * @param input `{ recoveryTime, finalInoperabilityRatio?, selfDependence }`, see
 * {@link ResilienceCoefficientInput}.
 * @returns `k_i` > 0.
 * @throws {InputError} if `recoveryTime` is not a finite number > 0,
 * `finalInoperabilityRatio` is not in (0, 1), or `selfDependence` is not in [0, 1).
 * @example
 * resilienceCoefficient({ recoveryTime: 30, selfDependence: 0.05 });
 * // => 0.1616
 */
export function resilienceCoefficient(input: ResilienceCoefficientInput): number {
  if (typeof input !== "object" || input === null) {
    throw new InputError("", `expected an object { recoveryTime, finalInoperabilityRatio?, selfDependence }, found ${describeValue(input)}`);
  }
  const recoveryTime = readNumber("recoveryTime", input.recoveryTime, "finite");
  if (!(recoveryTime > 0)) throw new InputError("recoveryTime", `expected a number > 0, found ${recoveryTime}`);
  const lambda = readNumber("finalInoperabilityRatio", input.finalInoperabilityRatio ?? 0.01, "finite");
  if (!(lambda > 0 && lambda < 1)) {
    throw new InputError("finalInoperabilityRatio", `expected a number in (0, 1), found ${lambda}`);
  }
  const selfDependence = readNumber("selfDependence", input.selfDependence, "finite");
  if (!(selfDependence >= 0 && selfDependence < 1)) {
    throw new InputError("selfDependence", `expected a number in [0, 1), found ${selfDependence}`);
  }
  return -Math.log(lambda) / (recoveryTime * (1 - selfDependence));
}
