import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { studentTQuantile } from "../../src/stats/index.js";

/**
 * [p, df, quantile] computed with mpmath at 30 digits (Newton on the tail integral of the
 * density); the same values as R's qt(p, df) and SciPy's t.ppf(p, df).
 */
const reference: readonly (readonly [number, number, number])[] = [
  [1e-10, 1.5, -2422663.101134394],
  [1e-06, 1.5, -5219.469324706946],
  [0.001, 1.5, -52.18443000899265],
  [0.025, 1.5, -6.0166631044279315],
  [0.1, 1.5, -2.196398417565537],
  [0.3, 1.5, -0.6517954826023571],
  [0.49, 1.5, -0.029355346255080506],
  [1e-10, 2.5, -8765.437771364572],
  [1e-06, 2.5, -220.17342917823686],
  [0.001, 2.5, -13.822193110865964],
  [0.025, 2.5, -3.574654842003683],
  [0.1, 2.5, -1.7302509288071766],
  [0.3, 2.5, -0.5973077382523175],
  [0.49, 2.5, -0.027643841331840103],
  [1e-10, 3, -2225.7692846830932],
  [1e-06, 3, -103.29946778041935],
  [0.001, 3, -10.214531852407386],
  [0.025, 3, -3.1824463052837095],
  [0.1, 3, -1.63774435369621],
  [0.3, 3, -0.5843897274398187],
  [0.49, 3, -0.027211467049118022],
  [1e-10, 4, -416.1751403296041],
  [1e-06, 4, -41.577854150450975],
  [0.001, 4, -7.1731822197823085],
  [0.025, 4, -2.7764451051977943],
  [0.1, 4, -1.5332062740589438],
  [0.3, 4, -0.5686490630497055],
  [0.49, 4, -0.02667061830263903],
  [1e-10, 7, -53.83557948467373],
  [1e-06, 7, -14.241469651981445],
  [0.001, 7, -4.785289628638334],
  [0.025, 7, -2.3646242515927853],
  [0.1, 7, -1.4149239276505083],
  [0.3, 7, -0.5491096579472851],
  [0.49, 7, -0.02597794156951689],
  [1e-10, 15, -14.968364341187277],
  [1e-06, 15, -7.464384940096372],
  [0.001, 15, -3.7328344253109003],
  [0.025, 15, -2.1314495455597755],
  [0.1, 15, -1.3406056078504556],
  [0.3, 15, -0.5357291329760482],
  [0.49, 15, -0.02549018602604626],
  [1e-10, 50, -7.948243747646223],
  [1e-06, 50, -5.376673401740477],
  [0.001, 50, -3.2614090557983184],
  [0.025, 50, -2.008559112100761],
  [0.1, 50, -1.2987136941948096],
  [0.3, 50, -0.5277604527065975],
  [0.49, 50, -0.025194638118957533],
  [1e-10, 300, -6.5878115764844],
  [1e-06, 300, -4.848514301110025],
  [0.001, 300, -3.1176195538115232],
  [0.025, 300, -1.967903011261087],
  [0.1, 300, -1.284379867579013],
  [0.3, 300, -0.524958158097533],
  [0.49, 300, -0.025089820841781626],
  [1e-10, 10000, -6.367941351482803],
  [1e-06, 10000, -4.756229685056779],
  [0.001, 10000, -3.091047516030612],
  [0.025, 10000, -1.9602012398906263],
  [0.1, 10000, -1.2816362297304775],
  [0.3, 10000, -0.5244172283454668],
  [0.49, 10000, -0.02506953538314083],
  [1e-10, 300000, -6.361560728534904],
  [1e-06, 300000, -4.753517774802316],
  [0.001, 300000, -3.0902594734833326],
  [0.025, 300000, -1.9599718921421831],
  [0.1, 300000, -1.2815543875001674],
  [0.3, 300000, -0.524401069882265],
  [0.49, 300000, -0.025068929162605474],
  [1e-10, 1e7, -6.361347496998616],
  [1e-06, 1e7, -4.753427112755577],
  [0.001, 1e7, -3.090233121180912],
  [0.025, 1e7, -1.9599642217672055],
  [0.1, 1e7, -1.2815516502030828],
  [0.3, 1e7, -0.5244005294232538],
  [0.49, 1e7, -0.025068908885827638],
];

describe("studentTQuantile", () => {
  it("matches printed t tables at 0.975", () => {
    // Tables (and R: qt(0.975, df)) to 4 decimals.
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.3027, 4);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.5706, 4);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623, 4);
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959964, 6);
  });

  it("matches R's qt to full precision at 0.975", () => {
    // R: qt(0.975, c(1, 2, 5, 10, 30, 1000)) -> 12.7062 4.3027 2.5706 2.2281 2.0423 1.9623;
    // the full digits below are mpmath's at 30 digits (df 1 and 2 from the closed forms).
    const cases = [
      [1, 12.706204736174705],
      [2, 4.302652729749464],
      [5, 2.5705818356363155],
      [10, 2.228138851986275],
      [30, 2.042272456301238],
      [1000, 1.9623390808264085],
    ] as const;
    for (const [df, expected] of cases) {
      expect(Math.abs(studentTQuantile(0.975, df) - expected) / expected).toBeLessThan(1e-13);
    }
  });

  it("matches high-precision values across p and df to 1e-10 relative", () => {
    for (const [p, df, expected] of reference) {
      const got = studentTQuantile(p, df);
      expect(Math.abs(got - expected) / Math.abs(expected), `p = ${p}, df = ${df}`).toBeLessThan(1e-10);
    }
  });

  it("is accurate far in the tails", () => {
    // Where x = df / (df + t^2) is tiny, P(T > t) = t^(-df) df^(df/2) / (df B(df/2, 1/2)) to
    // double precision; solving it for t gives these (mpmath, checked with betainc).
    const cases = [
      [1e-300, 1.5, 5.2194694273446363e199],
      [1e-300, 2.5, 8.7654378822799919e119],
      [1e-100, 3, 2.225769823822442e33],
      [1e-300, 7, 1.4457941326481904e43],
    ] as const;
    for (const [p, df, expected] of cases) {
      expect(Math.abs(-studentTQuantile(p, df) - expected) / expected).toBeLessThan(1e-12);
    }
  });

  it("is accurate next to the centre, where 1 - x = t^2 / (df + t^2) is tiny", () => {
    // Taking 1 - x from x = I^{-1}(2(1 - p); df/2, 1/2) would lose all digits here (mpmath).
    const cases = [
      [0.499999999, 3, -2.720699120433839e-9],
      [0.499999999, 1000, -2.507255078204449e-9],
      [0.500000000001, 99999, 2.5065790902044176e-12],
      [0.3, 99999, -0.5244021842502612],
      [0.6, 20000, 0.2533504732640626],
    ] as const;
    for (const [p, df, expected] of cases) {
      expect(Math.abs(studentTQuantile(p, df) - expected) / Math.abs(expected), `p = ${p}, df = ${df}`).toBeLessThan(1e-13);
    }
  });

  it("has the closed forms at df = 1 and df = 2", () => {
    // Cauchy: tan(pi (p - 1/2)); df 2: (2p - 1) / sqrt(2 p (1 - p)).
    expect(studentTQuantile(0.75, 1)).toBeCloseTo(1, 15);
    expect(studentTQuantile(0.75, 2)).toBeCloseTo(0.5 / Math.sqrt(0.375), 15);
  });

  it("tends to the normal quantile as df grows", () => {
    const z975 = 1.959963984540054; // R: qnorm(0.975)
    expect(studentTQuantile(0.975, 1e12)).toBeCloseTo(z975, 11);
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(z975, 15);
    // Just above and below the switch to the expansion at df = 1e5, the two methods agree.
    const below = studentTQuantile(1e-6, 1e5);
    const above = studentTQuantile(1e-6, 1e5 * (1 + 1e-12));
    expect(Math.abs(below - above) / Math.abs(below)).toBeLessThan(1e-11);
  });

  it("is antisymmetric, zero at 1/2, and increasing in p", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    const df = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 1, max: 1e6, noNaN: true }));
    const p = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });
    fc.assert(
      fc.property(df, p, p, (d, p1, p2) => {
        // For q >= 1/2, 1 - q is exact, so q and 1 - q are exactly symmetric probabilities.
        const q = Math.max(p1, 1 - p1);
        expect(studentTQuantile(q, d)).toBe(-studentTQuantile(1 - q, d));
        // Increasing up to its accuracy (1e-12 relative): p a few ulps apart may tie or swap.
        if (p1 < p2) {
          const [t1, t2] = [studentTQuantile(p1, d), studentTQuantile(p2, d)];
          expect(t1).toBeLessThanOrEqual(t2 + 1e-12 * Math.abs(t2));
        }
      }),
    );
  });

  it("decreases in df for p > 1/2 (heavier tails for fewer degrees of freedom)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(studentTQuantile(0.99, lo)).toBeGreaterThanOrEqual(studentTQuantile(0.99, hi) * (1 - 1e-12));
      }),
    );
  });

  it("rejects bad arguments", () => {
    expect(() => studentTQuantile(0, 5)).toThrow(InputError);
    expect(() => studentTQuantile(0, 5)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability strictly between 0 and 1, got 0]`);
    expect(() => studentTQuantile(1, 5)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability strictly between 0 and 1, got 1]`);
    expect(() => studentTQuantile(Number.NaN, 5)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability strictly between 0 and 1, got NaN]`);
    expect(() => studentTQuantile(0.975, 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: df: expected degrees of freedom >= 1, got 0.5]`);
    expect(() => studentTQuantile(0.975, Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[InputError: df: expected degrees of freedom >= 1, got NaN]`);
    expect(() => studentTQuantile(5e-324, 1)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: 5e-324 is too close to 0 for a finite quantile with df = 1]`);
  });
});
