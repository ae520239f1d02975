import { InputError } from "../errors.js";

// Method and coefficients: fdlibm `s_erf.c`, the implementation behind the C libraries
// of FreeBSD and musl and behind Go's math.Erf. Rational approximations on
// [0, 0.84375], [0.84375, 1.25], [1.25, 1/0.35] and [1/0.35, 28]; error below 1 ulp.
// The hexadecimal comments are the IEEE 754 bit patterns given in the original source
// (test/random/erf.test.ts checks every constant against them). Its notice:
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunPro, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================

const ERX = 8.45062911510467529297e-1; /* 0x3FEB0AC1, 0x60000000 */
// Coefficients for approximation to erf on [0, 0.84375].
const EFX = 1.28379167095512586316e-1; /* 0x3FC06EBA, 0x8214DB69 */
const EFX8 = 1.02703333676410069053e0; /* 0x3FF06EBA, 0x8214DB69 */
const PP0 = 1.28379167095512558561e-1; /* 0x3FC06EBA, 0x8214DB68 */
const PP1 = -3.25042107247001499370e-1; /* 0xBFD4CD7D, 0x691CB913 */
const PP2 = -2.84817495755985104766e-2; /* 0xBF9D2A51, 0xDBD7194F */
const PP3 = -5.77027029648944159157e-3; /* 0xBF77A291, 0x236668E4 */
const PP4 = -2.37630166566501626084e-5; /* 0xBEF8EAD6, 0x120016AC */
const QQ1 = 3.97917223959155352819e-1; /* 0x3FD97779, 0xCDDADC09 */
const QQ2 = 6.50222499887672944485e-2; /* 0x3FB0A54C, 0x5536CEBA */
const QQ3 = 5.08130628187576562776e-3; /* 0x3F74D022, 0xC4D36B0F */
const QQ4 = 1.32494738004321644526e-4; /* 0x3F215DC9, 0x221C1A10 */
const QQ5 = -3.96022827877536812320e-6; /* 0xBED09C43, 0x42A26120 */
// Coefficients for approximation to erf on [0.84375, 1.25].
const PA0 = -2.36211856075265944077e-3; /* 0xBF6359B8, 0xBEF77538 */
const PA1 = 4.14856118683748331666e-1; /* 0x3FDA8D00, 0xAD92B34D */
const PA2 = -3.72207876035701323847e-1; /* 0xBFD7D240, 0xFBB8C3F1 */
const PA3 = 3.18346619901161753674e-1; /* 0x3FD45FCA, 0x805120E4 */
const PA4 = -1.10894694282396677476e-1; /* 0xBFBC6398, 0x3D3E28EC */
const PA5 = 3.54783043256182359371e-2; /* 0x3FA22A36, 0x599795EB */
const PA6 = -2.16637559486879084300e-3; /* 0xBF61BF38, 0x0A96073F */
const QA1 = 1.06420880400844228286e-1; /* 0x3FBB3E66, 0x18EEE323 */
const QA2 = 5.40397917702171048937e-1; /* 0x3FE14AF0, 0x92EB6F33 */
const QA3 = 7.18286544141962662868e-2; /* 0x3FB2635C, 0xD99FE9A7 */
const QA4 = 1.26171219808761642112e-1; /* 0x3FC02660, 0xE763351F */
const QA5 = 1.36370839120290507362e-2; /* 0x3F8BEDC2, 0x6B51DD1C */
const QA6 = 1.19844998467991074170e-2; /* 0x3F888B54, 0x5735151D */
// Coefficients for approximation to erfc on [1.25, 1/0.35].
const RA0 = -9.86494403484714822705e-3; /* 0xBF843412, 0x600D6435 */
const RA1 = -6.93858572707181764372e-1; /* 0xBFE63416, 0xE4BA7360 */
const RA2 = -1.05586262253232909814e1; /* 0xC0251E04, 0x41B0E726 */
const RA3 = -6.23753324503260060396e1; /* 0xC04F300A, 0xE4CBA38D */
const RA4 = -1.62396669462573470355e2; /* 0xC0644CB1, 0x84282266 */
const RA5 = -1.84605092906711035994e2; /* 0xC067135C, 0xEBCCABB2 */
const RA6 = -8.12874355063065934246e1; /* 0xC0545265, 0x57E4D2F2 */
const RA7 = -9.81432934416914548592e0; /* 0xC023A0EF, 0xC69AC25C */
const SA1 = 1.96512716674392571292e1; /* 0x4033A6B9, 0xBD707687 */
const SA2 = 1.37657754143519042600e2; /* 0x4061350C, 0x526AE721 */
const SA3 = 4.34565877475229228821e2; /* 0x407B290D, 0xD58A1A71 */
const SA4 = 6.45387271733267880336e2; /* 0x40842B19, 0x21EC2868 */
const SA5 = 4.29008140027567833386e2; /* 0x407AD021, 0x57700314 */
const SA6 = 1.08635005541779435134e2; /* 0x405B28A3, 0xEE48AE2C */
const SA7 = 6.57024977031928170135e0; /* 0x401A47EF, 0x8E484A93 */
const SA8 = -6.04244152148580987438e-2; /* 0xBFAEEFF2, 0xEE749A62 */
// Coefficients for approximation to erfc on [1/0.35, 28].
const RB0 = -9.86494292470009928597e-3; /* 0xBF843412, 0x39E86F4A */
const RB1 = -7.99283237680523006574e-1; /* 0xBFE993BA, 0x70C285DE */
const RB2 = -1.77579549177547519889e1; /* 0xC031C209, 0x555F995A */
const RB3 = -1.60636384855821916062e2; /* 0xC064145D, 0x43C5ED98 */
const RB4 = -6.37566443368389627722e2; /* 0xC083EC88, 0x1375F228 */
const RB5 = -1.02509513161107724954e3; /* 0xC0900461, 0x6A2E5992 */
const RB6 = -4.83519191608651397019e2; /* 0xC07E384E, 0x9BDC383F */
const SB1 = 3.03380607434824582924e1; /* 0x403E568B, 0x261D5190 */
const SB2 = 3.25792512996573918826e2; /* 0x40745CAE, 0x221B9F0A */
const SB3 = 1.53672958608443695994e3; /* 0x409802EB, 0x189D5118 */
const SB4 = 3.19985821950859553908e3; /* 0x40A8FFB7, 0x688C246A */
const SB5 = 2.55305040643316442583e3; /* 0x40A3F219, 0xCEDF3BE6 */
const SB6 = 4.74528541206955367215e2; /* 0x407DA874, 0xE79FE763 */
const SB7 = -2.24409524465858183362e1; /* 0xC03670E2, 0x42712D62 */

/** 2^-28: below this |x|, erf(x) = x (1 + EFX) to double precision. */
const TINY_X = 3.725290298461914e-9;
/** 2^-56: below this |x|, erfc(x) = 1 - x to double precision. */
const TINIER_X = 1.3877787807814457e-17;
/** 16 times the smallest normal double: below this, scale to avoid underflow. */
const UNDERFLOW_GUARD = 3.5601181736115222e-307;

/**
 * `exp(-x^2 - 0.5625 + R/S) / x` for x in [1.25, 28), the common tail of erf and erfc.
 * `z = fround(x)` has 24 significant bits, so `z * z` is exact and `-x^2` is carried
 * as `-z^2 + (z - x)(z + x)` (fdlibm does the same by clearing the low word of x).
 */
function erfcTail(ax: number): number {
  const s = 1 / (ax * ax);
  let r: number;
  let q: number;
  if (ax < 1 / 0.35) {
    r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
    q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
  } else {
    r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
    q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
  }
  const z = Math.fround(ax);
  return (Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + r / q)) / ax;
}

function checkNotNaN(x: number): void {
  if (Number.isNaN(x)) throw new InputError("x", "expected a number, found NaN");
}

/**
 * The error function, `erf(x) = 2/√π ∫₀ˣ e^(-t²) dt`.
 *
 * Method: piecewise rational approximations of Sun's fdlibm `s_erf.c` (1993), error
 * below one ulp. See https://dlmf.nist.gov/7.2.
 *
 * @param x - any number; `erf(±Infinity) = ±1`.
 * @returns erf(x), in [-1, 1].
 * @throws {InputError} if `x` is NaN.
 * @example
 * erf(0.5); // => 0.5204998778130465
 */
export function erf(x: number): number {
  checkNotNaN(x);
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < TINY_X) {
      if (ax < UNDERFLOW_GUARD) return 0.125 * (8 * x + EFX8 * x);
      return x + EFX * x;
    }
    const z = x * x;
    const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    return x + x * (r / s);
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return x >= 0 ? ERX + p / q : -ERX - p / q;
  }
  if (ax >= 6) return x >= 0 ? 1 : -1;
  const tail = erfcTail(ax);
  return x >= 0 ? 1 - tail : tail - 1;
}

/**
 * The complementary error function, `erfc(x) = 1 - erf(x)`, accurate in the right tail
 * where `1 - erf(x)` would cancel (erfc(10) ≈ 2.09e-45).
 *
 * Method: piecewise rational approximations of Sun's fdlibm `s_erf.c` (1993), error
 * below one ulp; underflows to 0 beyond x ≈ 27.2. See https://dlmf.nist.gov/7.2.
 *
 * @param x - any number; `erfc(-Infinity) = 2`, `erfc(Infinity) = 0`.
 * @returns erfc(x), in [0, 2].
 * @throws {InputError} if `x` is NaN.
 * @example
 * erfc(5); // => 1.5374597944280351e-12
 */
export function erfc(x: number): number {
  checkNotNaN(x);
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < TINIER_X) return 1 - x;
    const z = x * x;
    const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    const y = r / s;
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return x >= 0 ? 1 - ERX - p / q : 1 + (ERX + p / q);
  }
  if (x >= 28) return 0;
  if (x <= -6) return 2;
  const tail = erfcTail(ax);
  return x > 0 ? tail : 2 - tail;
}
