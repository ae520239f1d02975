/**
 * One good's market in one period (docs/model.md, step 5 "Clear the market").
 *
 * Origins `o` sell at producer prices `p_o` (ratios to the base price) along supply curves
 * `X_o(p) = min(Xmax_o, Xb_o p^eta_o)`. Each buyer `b` wants a quantity
 * `Q_b = D_b(P_b) = Rc_b + Ro_b P_b^-eps_b - H_b` (critical uses, other uses, own new
 * supply) and spreads it over origins with CES shares, weights `w_r` (its baseline shares)
 * and substitution elasticity `sigma`:
 *
 *     q_r = w_r (P_b / m_r)^sigma Q_b        P_b = (sum_r w_r m_r^-sigma)^(-1 / sigma)
 *
 * where `m_r` is the route's marginal price. The shares sum to 1, so tonnes add up: a buyer
 * that gets all the tonnes it wants, from whichever origins, is not short. (This is the
 * share system of Eaton and Kortum (2002), whose buyers each pick their cheapest origin
 * under idiosyncratic costs; Armington's (1969) CES composite would instead count a buyer
 * who receives its full tonnage from fewer origins as short of the good.) A route reaches its origin on up to two
 * segments: the cheaper at `p_o f1_r` up to `c1_r`, the dearer at `p_o f2_r` up to a further
 * `c2_r` (a restricted flow's licensed volume and its leakage through third countries; an
 * unrestricted flow has one segment without a cap). A route held at a cap takes its cap,
 * and its marginal price is the virtual price at which the buyer would want exactly that.
 *
 * Prices `p_o` solve `sum_r q_r + fixed_o = X_o(p_o)` within `[floor, cap]`: at the floor
 * producers sell what is wanted and make no more; at the cap what is wanted is rationed
 * pro rata among the origin's buyers, who do not turn to other origins for the shortfall.
 *
 * The solver works on a virtual log price `y_o` that runs one unit past each bound. Inside
 * the bounds the price is `e^y`; below the floor the price stays at the floor and output is
 * cut to the fraction `1 + (y - ln floor)` of what is on offer; above the cap the price stays
 * at the cap and buyers receive the fraction `1 - (y - ln cap)` of what they want. Each
 * origin's excess demand is then continuous and non-increasing in its own `y`, with a root in
 * `[ln floor - 1, ln cap + 1]`, so no bound needs a special case. Newton's method with an
 * analytic Jacobian and a backtracking line search finds it, warm-started from the last
 * period; where Newton stalls at a kink, a sweep clears one origin at a time by bracketed
 * root-finding and Newton resumes.
 *
 * Everything lives in a {@link MarketWorkspace} allocated once, so clearing allocates nothing.
 */

import { luFactorInPlace, luSolveInPlace } from "../linear-algebra.js";

/** Route states: on its cheaper segment below the cap; held at the first cap; on the dearer segment; held at both caps; from an origin that can supply nothing. */
const ON_FIRST = 0;
const AT_FIRST_CAP = 1;
const ON_SECOND = 2;
const AT_BOTH_CAPS = 3;
const CLOSED = 4;
/** A new supplier's route whose price is at or above the buyer's price index: it carries nothing. */
const UNOPENED = 5;

/** Relative accuracy of market clearing: |excess demand| <= MARKET_TOLERANCE * the origin's scale. */
export const MARKET_TOLERANCE = 1e-12;
/**
 * Newton iterations, at most. Where Newton's model fits only roughly (a price a range of
 * which clears, fixed supply, quotas), damped steps converge linearly: a problem found by
 * fast-check (test/engine/elasticity.test.ts, former counterexample) needed 98. A market
 * that clears stops as soon as it does, so the bound costs only where it is needed.
 */
const MAX_NEWTON = 200;
const MAX_BUYER_NEWTON = 100;
const MAX_LINE_SEARCH = 40;
/** Relative shift of the Jacobian's diagonal in Newton steps (see newtonDirection). */
const REGULARISATION = 1e-9;
/** Largest change of a virtual log price in one Newton step. */
const MAX_LOG_STEP = 2;
/** A Newton step that leaves more than this share of the merit makes too little progress (see clear). */
const SLOW_PROGRESS = 0.9;
/** A line search that ends below this step (a sixteenth of Newton's step) counts as a stall. */
const SHORT_STEP = 1 / 32;
/** How far past a bound (in virtual log price) crossFirstBound takes the origin that reaches it. */
const BOUND_PUSH = 1e-9;
/** Sweeps of one-origin-at-a-time clearing when Newton stalls, at most. */
const MAX_SWEEPS = 50;
/**
 * The problem one good's market poses in one period (inputs, set by the caller), its
 * solution (outputs) and scratch space. Sizes are the largest any good needs.
 */
export class MarketWorkspace {
  // ---- problem -------------------------------------------------------------------------
  /** Number of origins and buyers in this problem. */
  origins = 0;
  buyers = 0;
  /** Substitution elasticity between origins, > 0. */
  sigma = 4;
  /** Bounds on producer prices (ratios to the base price): 0 < priceFloor <= 1 <= priceCap. */
  priceFloor = 0.5;
  priceCap = 10;

  /** Per origin: supply at price 1 (Xb), the most it can supply (Xmax >= Xb), its supply elasticity (eta). */
  readonly supplyBase: Float64Array;
  readonly supplyMax: Float64Array;
  readonly supplyElasticity: Float64Array;
  /** Per origin: a volume bought whatever the price (a state reserve buying what its country's export restrictions block). */
  readonly fixedDemand: Float64Array;
  /** Per origin: the volume its excess demand is measured against (> 0; its baseline sales). */
  readonly scale: Float64Array;

  /** Per buyer: critical uses (Rc, price-inelastic), other uses at price 1 (Ro), their elasticity (eps), supply of its own outside the market (H). */
  readonly criticalDemand: Float64Array;
  readonly otherDemand: Float64Array;
  readonly demandElasticity: Float64Array;
  readonly ownSupply: Float64Array;

  /**
   * Routes (CSR by buyer): origin, CES weight (w > 0), the two segments' price factors
   * (f1 <= f2), the cap on the first segment (c1) and on both together (c12 >= c1; equal to
   * c1 when the route has no second segment; Infinity for none). The caps are cumulative so
   * that a route whose segments differ only in how the cap is split buys exactly the same.
   */
  readonly routeStart: Int32Array;
  readonly routeOrigin: Int32Array;
  readonly routeWeight: Float64Array;
  /**
   * Per route: 1 for a new supplier's route (one with no baseline trade), whose share is
   * `w ((P_b / m_r)^sigma - 1)` where positive and 0 otherwise: it opens only once the
   * buyer's price index rises above the route's price (see solveBuyer).
   */
  readonly routeEntry: Uint8Array;
  readonly firstFactor: Float64Array;
  readonly firstCap: Float64Array;
  readonly secondFactor: Float64Array;
  readonly totalCap: Float64Array;

  // ---- solution --------------------------------------------------------------------------
  /** Per origin: producer price (in: where the solve starts, the last solution or 1 after {@link reset}; out: the clearing price), output made at it (at the floor, only what is wanted), volume sold. */
  readonly price: Float64Array;
  readonly supply: Float64Array;
  readonly sold: Float64Array;
  /** Per origin: share of what is wanted from it that is delivered (below 1 only when rationed at the cap). */
  readonly rationShare: Float64Array;
  /** Per origin: what its fixed demand bought (0 from an origin that can supply nothing). */
  readonly fixedSold: Float64Array;
  /** Per buyer: price index P_b (in: warm start; out, reported up to priceCap), quantity wanted, quantity delivered. */
  readonly buyerPrice: Float64Array;
  readonly wanted: Float64Array;
  readonly delivered: Float64Array;
  /** Per buyer: what its other uses want at the price index it pays (reported up to priceCap): Ro P^-eps, 0 when Ro is 0. */
  readonly otherWanted: Float64Array;
  /** Per buyer: 1 when caps alone could not meet its critical needs at any price (it takes them all). */
  readonly rationed: Uint8Array;
  /** Per route: its volume (both segments), and what a tonne along it costs the buyer (its marginal price; see priceRoutes). */
  readonly volume: Float64Array;
  readonly routePrice: Float64Array;
  /** True when the last clearing met the tolerance; Newton iterations it took. */
  converged = true;
  iterations = 0;

  // ---- the last problem solved (see clearIfChanged) ------------------------------------------
  private solved = false;
  private solvedOrigins = 0;
  private solvedBuyers = 0;
  private solvedSigma = 0;
  private solvedFloor = 0;
  private solvedCap = 0;
  private readonly solvedOriginInputs: Float64Array;
  private readonly solvedBuyerInputs: Float64Array;
  private readonly solvedRouteInputs: Float64Array;
  private readonly solvedRouteStart: Int32Array;

  // ---- scratch ---------------------------------------------------------------------------
  private readonly maxOrigins: number;
  private logFloor = 0;
  private logCap = 0;
  /** Virtual log prices y (see the module comment) and a trial point of the line search. */
  private readonly logPrice: Float64Array;
  private readonly trialLogPrice: Float64Array;
  /** Per origin: Xb p^eta at the last evaluation (before Xmax caps it). */
  private readonly uncappedSupply: Float64Array;
  /** Per origin: what buyers and the fixed purchase want from it, and d(offered supply)/dy. */
  private readonly wantedFrom: Float64Array;
  private readonly newtonStep: Float64Array;
  private readonly residual: Float64Array;
  private readonly supplySlope: Float64Array;
  /** p_o^-sigma at the last evaluation. */
  private readonly priceTerm: Float64Array;
  private readonly jacobian: Float64Array;
  private readonly system: Float64Array;
  private readonly rightSide: Float64Array;
  private readonly pivotOrder: Int32Array;
  private readonly originShare: Float64Array;
  /** Per origin: 1 when it can supply nothing at any price (its buyers treat it as infinitely dear). */
  private readonly closed: Uint8Array;
  private readonly routeState: Uint8Array;
  /** Per route: f1^-sigma, f2^-sigma. */
  private readonly firstTerm: Float64Array;
  private readonly secondTerm: Float64Array;
  private readonly buyerLogPrice: Float64Array;
  /** Per buyer at the last evaluation: P^-eps and P^sigma (for the Jacobian). */
  private readonly buyerFall: Float64Array;
  private readonly buyerPower: Float64Array;
  private readonly buyerHasCaps: Uint8Array;
  /** Per buyer: 1 when it has a new supplier's route that could open (origin open, cap above 0). */
  private readonly buyerHasEntry: Uint8Array;

  constructor(maxOrigins: number, maxBuyers: number, maxRoutes: number) {
    const o = Math.max(1, maxOrigins);
    const b = Math.max(1, maxBuyers);
    const r = Math.max(1, maxRoutes);
    const f64 = (n: number) => new Float64Array(n);
    this.maxOrigins = o;
    this.supplyBase = f64(o);
    this.supplyMax = f64(o);
    this.supplyElasticity = f64(o);
    this.fixedDemand = f64(o);
    this.scale = f64(o);
    this.criticalDemand = f64(b);
    this.otherDemand = f64(b);
    this.demandElasticity = f64(b);
    this.ownSupply = f64(b);
    this.routeStart = new Int32Array(b + 1);
    this.routeOrigin = new Int32Array(r);
    this.routeWeight = f64(r);
    this.routeEntry = new Uint8Array(r);
    this.firstFactor = f64(r);
    this.firstCap = f64(r);
    this.secondFactor = f64(r);
    this.totalCap = f64(r);
    this.price = f64(o);
    this.supply = f64(o);
    this.sold = f64(o);
    this.rationShare = f64(o);
    this.fixedSold = f64(o);
    this.buyerPrice = f64(b);
    this.wanted = f64(b);
    this.delivered = f64(b);
    this.otherWanted = f64(b);
    this.rationed = new Uint8Array(b);
    this.volume = f64(r);
    this.routePrice = f64(r);
    this.logPrice = f64(o);
    this.trialLogPrice = f64(o);
    this.newtonStep = f64(o);
    this.residual = f64(o);
    this.supplySlope = f64(o);
    this.priceTerm = f64(o);
    this.jacobian = f64(o * o);
    this.system = f64(o * o);
    this.rightSide = f64(o);
    this.pivotOrder = new Int32Array(o);
    this.originShare = f64(o);
    this.wantedFrom = f64(o);
    this.uncappedSupply = f64(o);
    this.closed = new Uint8Array(o);
    this.routeState = new Uint8Array(r);
    this.firstTerm = f64(r);
    this.secondTerm = f64(r);
    this.buyerLogPrice = f64(b);
    this.buyerFall = f64(b);
    this.buyerPower = f64(b);
    this.buyerHasCaps = new Uint8Array(b);
    this.buyerHasEntry = new Uint8Array(b);
    this.solvedOriginInputs = f64(5 * o);
    this.solvedBuyerInputs = f64(4 * b);
    this.solvedRouteInputs = f64(7 * r);
    this.solvedRouteStart = new Int32Array(b + 1);
    this.reset();
  }

  /**
   * Forget the last problem and start the next solve from base prices (1): at the start of
   * each run, so that a run's numbers never depend on the runs before it.
   */
  reset(): void {
    this.solved = false;
    this.price.fill(1);
    this.buyerPrice.fill(1);
  }

  /**
   * {@link clear}, unless the problem is the same, bit for bit, as the last one solved since
   * {@link reset}, but for capacities (Xmax) that bind neither in it nor in this one: then the
   * solution of that one stands, as every quantity at it is the same (a restriction that lasts
   * many periods poses the same market each period once the good settles, while surge
   * capacity ramps up above what is sold). Returns true when it solved.
   */
  clearIfChanged(): boolean {
    if (this.solved && this.sameProblem()) return false;
    this.clear();
    this.keepProblem();
    return true;
  }

  private sameProblem(): boolean {
    const { origins, buyers } = this;
    if (origins !== this.solvedOrigins || buyers !== this.solvedBuyers) return false;
    if (this.sigma !== this.solvedSigma || this.priceFloor !== this.solvedFloor || this.priceCap !== this.solvedCap) return false;
    const oi = this.solvedOriginInputs;
    for (let o = 0; o < origins; o++) {
      const k = 5 * o;
      if (oi[k] !== this.supplyBase[o] || oi[k + 2] !== this.supplyElasticity[o] || oi[k + 3] !== this.fixedDemand[o] || oi[k + 4] !== this.scale[o]) return false;
      // a capacity above what is on offer at the solution, before and after, changes nothing there
      const max = this.supplyMax[o]!;
      if (oi[k + 1] !== max && !(this.uncappedSupply[o]! < max && this.uncappedSupply[o]! < oi[k + 1]!)) return false;
    }
    const bi = this.solvedBuyerInputs;
    for (let b = 0; b < buyers; b++) {
      const k = 4 * b;
      if (bi[k] !== this.criticalDemand[b] || bi[k + 1] !== this.otherDemand[b] || bi[k + 2] !== this.demandElasticity[b] || bi[k + 3] !== this.ownSupply[b]) return false;
    }
    for (let b = 0; b <= buyers; b++) if (this.solvedRouteStart[b] !== this.routeStart[b]) return false;
    const ri = this.solvedRouteInputs;
    for (let r = 0; r < this.routeStart[buyers]!; r++) {
      const k = 7 * r;
      if (ri[k] !== this.routeOrigin[r] || ri[k + 1] !== this.routeWeight[r] || ri[k + 2] !== this.firstFactor[r] || ri[k + 3] !== this.firstCap[r]) return false;
      if (ri[k + 4] !== this.secondFactor[r] || ri[k + 5] !== this.totalCap[r] || ri[k + 6] !== this.routeEntry[r]) return false;
    }
    return true;
  }

  private keepProblem(): void {
    const { origins, buyers } = this;
    this.solved = true;
    this.solvedOrigins = origins;
    this.solvedBuyers = buyers;
    this.solvedSigma = this.sigma;
    this.solvedFloor = this.priceFloor;
    this.solvedCap = this.priceCap;
    const oi = this.solvedOriginInputs;
    for (let o = 0; o < origins; o++) {
      const k = 5 * o;
      oi[k] = this.supplyBase[o]!;
      oi[k + 1] = this.supplyMax[o]!;
      oi[k + 2] = this.supplyElasticity[o]!;
      oi[k + 3] = this.fixedDemand[o]!;
      oi[k + 4] = this.scale[o]!;
    }
    const bi = this.solvedBuyerInputs;
    for (let b = 0; b < buyers; b++) {
      const k = 4 * b;
      bi[k] = this.criticalDemand[b]!;
      bi[k + 1] = this.otherDemand[b]!;
      bi[k + 2] = this.demandElasticity[b]!;
      bi[k + 3] = this.ownSupply[b]!;
    }
    for (let b = 0; b <= buyers; b++) this.solvedRouteStart[b] = this.routeStart[b]!;
    const ri = this.solvedRouteInputs;
    for (let r = 0; r < this.routeStart[buyers]!; r++) {
      const k = 7 * r;
      ri[k] = this.routeOrigin[r]!;
      ri[k + 1] = this.routeWeight[r]!;
      ri[k + 2] = this.firstFactor[r]!;
      ri[k + 3] = this.firstCap[r]!;
      ri[k + 4] = this.secondFactor[r]!;
      ri[k + 5] = this.totalCap[r]!;
      ri[k + 6] = this.routeEntry[r]!;
    }
  }

  /**
   * Clear the market: find producer prices at which every origin sells what it supplies
   * (within {@link MARKET_TOLERANCE} of its scale), or sits at a price bound with its output
   * cut (floor) or its buyers rationed (cap). Reads the problem fields, writes the solution
   * fields; `price` and `buyerPrice` are read as starting points (0 or less: start at 1).
   */
  clear(): void {
    const { origins, buyers, sigma } = this;
    this.logFloor = Math.log(this.priceFloor);
    this.logCap = Math.log(this.priceCap);
    const y = this.logPrice;
    for (let o = 0; o < origins; o++) {
      const start = this.price[o]! > 0 ? Math.log(this.price[o]!) : 0;
      y[o] = start < this.logFloor ? this.logFloor : start > this.logCap ? this.logCap : start;
      this.closed[o] = this.supplyBase[o]! > 0 && this.supplyMax[o]! > 0 ? 0 : 1;
    }
    for (let b = 0; b < buyers; b++) {
      const start = this.buyerPrice[b]!;
      this.buyerLogPrice[b] = start > 0 && start < Infinity ? Math.log(start) : 0;
      let caps = 0;
      let entry = 0;
      let baselineRoutes = 0;
      for (let r = this.routeStart[b]!; r < this.routeStart[b + 1]!; r++) {
        // f^-sigma (most routes have no tariff or premium: f = 1)
        const f1 = this.firstFactor[r]!;
        const f2 = this.secondFactor[r]!;
        this.firstTerm[r] = f1 === 1 ? 1 : Math.pow(f1, -sigma);
        this.secondTerm[r] = f2 === 1 ? 1 : f2 === f1 ? this.firstTerm[r]! : Math.pow(f2, -sigma);
        const closed = this.closed[this.routeOrigin[r]!] === 1;
        // a new supplier's route carries nothing at the baseline; one that can carry something
        // makes the buyer check whether it opens (a closed origin, or a cap of 0, never does)
        if (this.routeEntry[r]) {
          if (!closed && this.totalCap[r]! > 0 && this.routeWeight[r]! > 0) entry = 1;
        } else {
          baselineRoutes++;
          if (this.firstCap[r]! < Infinity || closed) caps = 1; // a closed origin acts as a cap of 0
        }
      }
      // (a buyer with no baseline route has no closed form)
      this.buyerHasCaps[b] = baselineRoutes === 0 ? 1 : caps;
      this.buyerHasEntry[b] = entry;
    }
    this.evaluate(y);
    let merit = this.merit;
    let iterations = 0;
    let converged = this.isCleared();
    while (!converged && iterations < MAX_NEWTON) {
      iterations++;
      this.buildJacobian(y);
      this.newtonDirection();
      const before = merit;
      // backtracking line search on the sum of squared scaled residuals
      let step = 1;
      let accepted = false;
      const trial = this.trialLogPrice;
      for (let k = 0; k < MAX_LINE_SEARCH && !accepted; k++) {
        for (let o = 0; o < origins; o++) trial[o] = this.withinRange(y[o]! + step * this.newtonStep[o]!);
        this.evaluate(trial);
        const trialMerit = this.merit;
        if (trialMerit === 0 || trialMerit < (1 - 1e-4 * step) * merit) {
          for (let o = 0; o < origins; o++) y[o] = trial[o]!;
          merit = trialMerit;
          accepted = true;
        } else step *= 0.5;
      }
      if (!accepted) this.evaluate(y);
      if (step < SHORT_STEP || merit > SLOW_PROGRESS * before) {
        // Newton's model is off here. Its direction may run along prices that change nothing
        // until one reaches a bound, where the Jacobian changes (inelastic demand and fixed
        // supply: raising prices together changes nothing until the cap); then step just
        // across the first bound if that does not raise the merit. Otherwise (or where Newton
        // jumps to and fro across a kink, a route reaching its cap) clear one origin at a
        // time: sweeps converge where Newton's model does not fit (gross substitutes), if
        // slowly. Sweep until the merit halves, then resume Newton.
        const crossed = step < SHORT_STEP ? this.crossFirstBound(y, merit) : -1;
        if (crossed >= 0) merit = crossed;
        else {
          const stalled = merit;
          for (let k = 0; k < MAX_SWEEPS && !(merit < 0.5 * stalled); k++) merit = this.coordinateSweep(y);
        }
      }
      converged = this.isCleared();
    }
    this.finish(y);
    this.converged = converged;
    this.iterations = iterations;
  }

  /**
   * Move along Newton's direction to just past the first price bound it meets, if the merit
   * does not rise there (beyond rounding). Returns the new merit, or -1 (y unchanged, the
   * last evaluation at y) when the direction meets no bound or the merit would rise.
   */
  private crossFirstBound(y: Float64Array, merit: number): number {
    const { origins, logFloor, logCap } = this;
    const d = this.newtonStep;
    let first = Infinity;
    for (let o = 0; o < origins; o++) {
      const yo = y[o]!;
      const dir = d[o]!;
      if (dir > 0) {
        if (yo <= logFloor && (logFloor - yo) / dir < first) first = (logFloor - yo) / dir;
        else if (yo <= logCap && (logCap - yo) / dir < first) first = (logCap - yo) / dir;
      } else if (dir < 0) {
        if (yo >= logCap && (logCap - yo) / dir < first) first = (logCap - yo) / dir;
        else if (yo >= logFloor && (logFloor - yo) / dir < first) first = (logFloor - yo) / dir;
      }
    }
    // (The bound may lie beyond the step: a step shortened to MAX_LOG_STEP along a direction in
    // which nothing changes until a bound says nothing of how far that bound is.)
    if (first === Infinity) return -1;
    // Every price moves to where the first reaches its bound; that one goes just past it
    // (into the regime beyond), so the relative prices of the others are those at the bound.
    const trial = this.trialLogPrice;
    for (let o = 0; o < origins; o++) {
      const dir = d[o]!;
      let next = y[o]! + first * dir;
      const target = dir > 0 ? (y[o]! <= logFloor ? logFloor : logCap) : y[o]! >= logCap ? logCap : logFloor;
      if (dir !== 0 && Math.abs(next - target) <= 1e-12 * (1 + Math.abs(target))) next = target + (dir > 0 ? BOUND_PUSH : -BOUND_PUSH);
      trial[o] = this.withinRange(next);
    }
    this.evaluate(trial);
    const trialMerit = this.merit;
    if (trialMerit <= merit * (1 + 1e-9)) {
      for (let o = 0; o < origins; o++) y[o] = trial[o]!;
      return trialMerit;
    }
    this.evaluate(y);
    return -1;
  }

  /** Virtual log prices stay within one unit past each bound, where the function is flat beyond. */
  private withinRange(value: number): number {
    const low = this.logFloor - 1;
    const high = this.logCap + 1;
    return value < low ? low : value > high ? high : value;
  }

  private isCleared(): boolean {
    for (let o = 0; o < this.origins; o++) {
      if (Math.abs(this.residual[o]!) > MARKET_TOLERANCE * this.scale[o]!) return false;
    }
    return true;
  }

  /**
   * Every buyer's response at virtual log prices `y`; sets `residual` to each origin's excess
   * demand: what is delivered of what is wanted from it, less what it offers; and `merit` to
   * the sum of squared scaled residuals (a field, not a returned number: see shareGap).
   */
  private evaluate(y: Float64Array): void {
    const { origins, buyers, sigma, logFloor, logCap } = this;
    const wanted = this.wantedFrom;
    for (let o = 0; o < origins; o++) {
      const yo = y[o]!;
      const z = yo < logFloor ? logFloor : yo > logCap ? logCap : yo; // the log price buyers pay
      const atBase = this.supplyBase[o]! * Math.exp(this.supplyElasticity[o]! * z);
      this.uncappedSupply[o] = atBase;
      const max = this.supplyMax[o]!;
      const onOffer = atBase < max ? atBase : max;
      if (yo < logFloor) {
        // at the floor, output is cut: the fraction 1 + (y - ln floor) of what is on offer
        const fraction = 1 + (yo - logFloor);
        this.supply[o] = fraction > 0 ? onOffer * fraction : 0;
        this.supplySlope[o] = onOffer; // (one-sided at the end of the range, where the fraction is 0)
        this.rationShare[o] = 1;
      } else {
        this.supply[o] = onOffer;
        this.supplySlope[o] = yo < logCap && atBase < max ? this.supplyElasticity[o]! * atBase : 0;
        // above the cap, buyers receive the fraction 1 - (y - ln cap) of what they want
        const share = 1 - (yo - logCap);
        this.rationShare[o] = share >= 1 ? 1 : share > 0 ? share : 0;
      }
      this.price[o] = Math.exp(z);
      this.priceTerm[o] = Math.exp(-sigma * z);
      // a closed origin sells nothing, not even to a state reserve: its excess demand is 0 and
      // its price stays where it was
      wanted[o] = this.closed[o] ? 0 : this.fixedDemand[o]!;
    }
    for (let b = 0; b < buyers; b++) {
      this.solveBuyer(b);
      for (let r = this.routeStart[b]!; r < this.routeStart[b + 1]!; r++) {
        wanted[this.routeOrigin[r]!]! += this.volume[r]!;
      }
    }
    let merit = 0;
    for (let o = 0; o < origins; o++) {
      const excess = this.rationShare[o]! * wanted[o]! - this.supply[o]!;
      this.residual[o] = excess;
      const scaled = excess / this.scale[o]!;
      merit += scaled * scaled;
    }
    this.merit = merit;
  }

  /** The merit of the last evaluation. */
  private merit = 0;

  /** Quantity wanted by buyer b where its price index P has P^-eps = `fall`: Rc - H + Ro P^-eps, never negative. */
  private wantedAt(b: number, fall: number): number {
    const q = this.criticalDemand[b]! - this.ownSupply[b]! + this.otherDemand[b]! * fall;
    return q > 0 ? q : 0;
  }

  /**
   * Buyer b's response to the origin prices of the last evaluation: its price index, the
   * quantity it wants, and each route's volume on each segment.
   *
   * With x_j = w (P / m_j)^sigma the route's unconstrained share at segment j's price, and
   * k_1 = c1 / Q, k_2 = c12 / Q its caps as shares, the route takes the share
   * q / Q = max(min(x_1, k_1), min(x_2, k_2)). Each share is continuous and non-decreasing
   * in P (Q falls as P rises), so
   *
   *     G(P) = sum_r q_r / Q - 1
   *
   * is too, and the price index is its root: a one-dimensional search, in closed form when
   * no route has a cap (P^-sigma = sum_r w_r m_r^-sigma).
   */
  private solveBuyer(b: number): void {
    const { sigma } = this;
    const rs = this.routeStart[b]!;
    const re = this.routeStart[b + 1]!;
    let t = 0;
    let pricePower = 1; // P^sigma
    let rationed = 0;
    let search = this.buyerHasCaps[b] === 1;
    if (!search) {
      // closed form over the baseline routes; a new supplier's route whose price is below the
      // price index found would open, and then the index is the root of G
      let freeSum = 0;
      for (let r = rs; r < re; r++) if (!this.routeEntry[r]) freeSum += this.routeWeight[r]! * this.priceTerm[this.routeOrigin[r]!]! * this.firstTerm[r]!;
      t = -Math.log(freeSum) / sigma;
      pricePower = 1 / freeSum;
      if (this.buyerHasEntry[b]) {
        for (let r = rs; r < re && !search; r++) {
          if (!this.routeEntry[r] || this.closed[this.routeOrigin[r]!] || !(this.totalCap[r]! > 0)) continue;
          const term = this.priceTerm[this.routeOrigin[r]!]! * pricePower; // (P / p)^sigma
          if (term * this.firstTerm[r]! > 1 || term * this.secondTerm[r]! > 1) search = true;
        }
      }
    }
    if (search) {
      this.solveCappedBuyer(b);
      t = this.cappedRoot;
      if (t === Infinity) {
        rationed = 1;
        t = this.logCap;
      }
      pricePower = Math.exp(sigma * t);
    }
    const fall = Math.exp(-this.demandElasticity[b]! * t); // P^-eps
    const wanted = this.wantedAt(b, fall);
    this.rationed[b] = rationed;
    this.buyerLogPrice[b] = t;
    this.buyerFall[b] = fall;
    this.buyerPower[b] = pricePower;
    this.wanted[b] = wanted;
    for (let r = rs; r < re; r++) {
      const o = this.routeOrigin[r]!;
      const c1 = this.firstCap[r]!;
      const c12 = this.totalCap[r]!;
      if (this.closed[o]) {
        this.routeState[r] = CLOSED;
        this.volume[r] = 0;
        continue;
      }
      if (rationed) {
        // it takes its caps (a new supplier's route of weight 0, left out of them, nothing)
        if (this.routeEntry[r] && !(this.routeWeight[r]! > 0)) {
          this.routeState[r] = UNOPENED;
          this.volume[r] = 0;
        } else {
          this.routeState[r] = AT_BOTH_CAPS;
          this.volume[r] = c12;
        }
        continue;
      }
      // volumes at marginal prices m_j = p f_j: w m_j^-sigma P^sigma Q, less w Q on a new
      // supplier's route
      const common = this.routeWeight[r]! * this.priceTerm[o]! * pricePower * wanted;
      const offset = this.routeEntry[r] ? this.routeWeight[r]! * wanted : 0;
      const atFirst = common * this.firstTerm[r]! - offset;
      const onFirst = atFirst < c1 ? atFirst : c1;
      let onSecond = 0;
      if (c12 > c1) {
        const atSecond = common * this.secondTerm[r]! - offset;
        onSecond = atSecond < c12 ? atSecond : c12;
      }
      if (!(onFirst > 0) && !(onSecond > 0) && offset > 0) {
        this.routeState[r] = UNOPENED;
        this.volume[r] = 0;
      } else if (onFirst >= onSecond) {
        this.routeState[r] = atFirst < c1 ? ON_FIRST : AT_FIRST_CAP;
        this.volume[r] = onFirst;
      } else {
        this.routeState[r] = onSecond < c12 ? ON_SECOND : AT_BOTH_CAPS;
        this.volume[r] = onSecond;
      }
    }
  }

  /**
   * G(t) at log price index t for a buyer whose routes have caps (see solveBuyer), and its
   * slope dG/dt: sigma s_r for a route at a segment's price and eps~ s_r for a route held at
   * a cap, where s_r is the route's share and eps~ = -dln Q/dln P. Both are left in
   * `gapValue` and `gapSlope` (fields, not a returned number: a non-inlined call that
   * returns a double allocates a heap number, and this runs thousands of times a run).
   */
  private shareGap(b: number, t: number): void {
    const { sigma } = this;
    const eps = this.demandElasticity[b]!;
    const fall = Math.exp(-eps * t); // P^-eps
    const wanted = this.wantedAt(b, fall);
    const elasticity = wanted > 0 ? (eps * this.otherDemand[b]! * fall) / wanted : 0;
    const pricePower = Math.exp(sigma * t);
    let value = -1;
    let slope = 0;
    for (let r = this.routeStart[b]!; r < this.routeStart[b + 1]!; r++) {
      const o = this.routeOrigin[r]!;
      if (this.closed[o]) continue;
      const c1 = this.firstCap[r]!;
      const c12 = this.totalCap[r]!;
      // shares: x_j = w (P/m_j)^sigma (less w on a new supplier's route) and caps
      // k_j = c_j / Q (c / 0 = Infinity)
      const weight = this.routeWeight[r]!;
      const offset = this.routeEntry[r] ? weight : 0;
      const common = weight * this.priceTerm[o]! * pricePower;
      const gross1 = common * this.firstTerm[r]!;
      const x1 = gross1 - offset;
      const k1 = c1 > 0 ? c1 / wanted : 0;
      let share = x1 < k1 ? x1 : k1;
      let free = x1 < k1;
      let gross = gross1;
      if (c12 > c1) {
        const gross2 = common * this.secondTerm[r]!;
        const x2 = gross2 - offset;
        const k2 = c12 / wanted;
        const second = x2 < k2 ? x2 : k2;
        if (second > share) {
          share = second;
          free = x2 < k2;
          gross = gross2;
        }
      }
      if (!(share > 0)) continue;
      value += share;
      slope += free ? sigma * gross : elasticity * share;
    }
    this.gapValue = value;
    this.gapSlope = slope;
  }

  private gapValue = 0;
  private gapSlope = 0;

  /**
   * Root of G for a buyer with caps, by Newton's method kept inside a bracket, left in
   * `cappedRoot`; Infinity when no price is high enough (its routes are all capped and short of what it must have).
   */
  private solveCappedBuyer(b: number): void {
    // Q as P grows without bound: critical needs only, or everything when no use responds to price
    const other = this.demandElasticity[b]! > 0 ? 0 : this.otherDemand[b]!;
    const least = this.criticalDemand[b]! + other - this.ownSupply[b]!;
    // G as t -> infinity: uncapped routes make it infinite; capped ones tend to c / least
    let limit = -1;
    for (let r = this.routeStart[b]!; r < this.routeStart[b + 1]!; r++) {
      if (this.closed[this.routeOrigin[r]!] || !(this.routeWeight[r]! > 0)) continue;
      const total = this.totalCap[r]!;
      if (total > 0) limit += least > 0 ? total / least : Infinity;
    }
    if (limit < 0) {
      this.cappedRoot = Infinity;
      return;
    }
    // G is non-decreasing and may be 0 on an interval (caps that exactly meet an inelastic
    // need at any price above some level): find the least t with G(t) >= 0, the lowest price
    // at which the buyer gets what it wants, by Newton's method from the last price index,
    // kept inside a bracket lo < t <= hi (G(lo) < 0 <= G(hi)). Until the iterates have found
    // both ends, a step goes at most 1, 2, 4, ... toward the missing one.
    let lo = -Infinity;
    let hi = Infinity;
    let reach = 1;
    let t = this.buyerLogPrice[b]!;
    for (let k = 0; k < MAX_BUYER_NEWTON; k++) {
      this.shareGap(b, t);
      const value = this.gapValue;
      const slope = this.gapSlope;
      if (value >= 0) hi = t;
      else lo = t;
      if (hi < Infinity && hi - lo <= 4e-16 * Math.max(1, Math.abs(hi))) {
        this.cappedRoot = hi;
        return;
      }
      const newton = slope > 0 && value < Infinity ? t - value / slope : NaN;
      // G is 0 here and rising, or Newton's step is below rounding: the root; from below, the
      // bracket's top if that is as close (so that the buyer surely gets what it wants).
      // Tested before the step is kept inside the bracket: a step below half an ulp leaves t
      // at the bracket's end.
      const rounding = 4e-16 * Math.max(1, Math.abs(t));
      if ((value === 0 && slope > 0) || Math.abs(newton - t) <= rounding) {
        const root = value === 0 ? t : value >= 0 || hi - t > 16 * rounding ? newton : hi;
        // G can be 0, or rise by rounding only, over an interval (caps that just meet a need
        // whose price-elastic part is a rounding residue): where it rises that slowly, the
        // root is the least t with G >= 0 only if G is negative just below it; else the search
        // goes on below. (A slope above 1e-9 leaves an interval of G within rounding of 0
        // narrower than 1e-6 in t, so the root stands without the check.)
        const below = root - 64 * 4e-16 * Math.max(1, Math.abs(root));
        const settled = slope > 1e-9 || below <= lo;
        if (!settled) this.shareGap(b, below);
        if (settled || this.gapValue < 0) {
          this.cappedRoot = root;
          return;
        }
        hi = below;
        if (lo === -Infinity) {
          t = below - reach;
          reach *= 2;
        } else t = 0.5 * (lo + hi);
        continue;
      }
      if (hi === Infinity || lo === -Infinity) {
        // one end still unknown: Newton's step, or as far as the reach allows, away from the known end
        const furthest = hi === Infinity ? t + reach : t - reach;
        t = hi === Infinity ? (newton > t && newton < furthest ? newton : furthest) : newton < t && newton > furthest ? newton : furthest;
        reach *= 2;
      } else t = newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
    }
    // hi = Infinity: no price up to e^(2^99) brings what is wanted within the caps (demand
    // barely responds); the buyer takes its caps, rationed
    this.cappedRoot = hi;
  }

  /** Where solveCappedBuyer leaves its root (see shareGap on why not a return value). */
  private cappedRoot = 0;
  /**
   * Jacobian of excess demand in virtual log prices at the last evaluation. With the capped
   * set fixed, dln P_b / dln p_k = (sum over b's routes on a segment from k of a_r) / (A + eps~ B / sigma),
   * where a_r = w_r (P_b / m_r)^sigma is the route's share, A their sum, B = 1 - A
   * the capped routes' share and eps~ = -dln Q_b / dln P_b; a route on a segment then moves
   * as dln q_r / dln p_k = (sigma - eps~) dln P_b / dln p_k - sigma [k = o(r)]. Past a bound
   * an origin's price no longer moves (its column loses these terms), its row is scaled by its
   * ration share, and its own y moves its output (floor) or its ration share (cap).
   */
  private buildJacobian(y: Float64Array): void {
    const { origins, buyers, sigma, logFloor, logCap } = this;
    const n = this.maxOrigins;
    const jac = this.jacobian;
    for (let i = 0; i < origins; i++) for (let k = 0; k < origins; k++) jac[i * n + k] = 0;
    const share = this.originShare;
    const state = this.routeState;
    for (let b = 0; b < buyers; b++) {
      const q = this.wanted[b]!;
      if (this.rationed[b] || !(q > 0)) continue;
      const rs = this.routeStart[b]!;
      const re = this.routeStart[b + 1]!;
      const pricePower = this.buyerPower[b]!; // P^sigma
      for (let o = 0; o < origins; o++) share[o] = 0;
      let freeShare = 0;
      let entryWeight = 0; // sum of w over the free routes of new suppliers
      for (let r = rs; r < re; r++) {
        const s = state[r]!;
        if (s !== ON_FIRST && s !== ON_SECOND) continue;
        const o = this.routeOrigin[r]!;
        const a = this.routeWeight[r]! * this.priceTerm[o]! * (s === ON_FIRST ? this.firstTerm[r]! : this.secondTerm[r]!) * pricePower;
        share[o]! += a;
        freeShare += a;
        if (this.routeEntry[r]) entryWeight += this.routeWeight[r]!;
      }
      if (freeShare === 0) continue;
      const eps = this.demandElasticity[b]!;
      const elasticity = (eps * this.otherDemand[b]! * this.buyerFall[b]!) / q;
      const cappedShare = freeShare - entryWeight < 1 ? 1 - (freeShare - entryWeight) : 0;
      const denominator = freeShare + (elasticity * cappedShare) / sigma;
      for (let r = rs; r < re; r++) {
        const s = state[r]!;
        if (s !== ON_FIRST && s !== ON_SECOND) continue;
        const o = this.routeOrigin[r]!;
        const volume = this.volume[r]!;
        // a Q: the volume, plus w Q on a new supplier's route
        const gross = this.routeEntry[r] ? volume + this.routeWeight[r]! * q : volume;
        const row = o * n;
        const cross = (this.routeEntry[r] ? sigma * gross - elasticity * volume : volume * (sigma - elasticity)) / denominator;
        for (let k = 0; k < origins; k++) if (share[k] !== 0) jac[row + k]! += cross * share[k]!;
        jac[row + o]! -= gross * sigma;
      }
    }
    for (let o = 0; o < origins; o++) {
      const row = o * n;
      const yo = y[o]!;
      if (yo < logFloor || yo > logCap) for (let i = 0; i < origins; i++) jac[i * n + o] = 0; // its price is held
      const share = this.rationShare[o]!;
      if (share !== 1) for (let k = 0; k < origins; k++) jac[row + k]! *= share;
      jac[row + o]! -= this.supplySlope[o]!;
      if (yo > logCap) jac[row + o]! -= this.wantedFrom[o]!;
    }
  }

  /**
   * Newton direction: solve J d = -residual by LU factorisation with partial pivoting on
   * a copy, shortened to at most {@link MAX_LOG_STEP} in any component. A slight shift of the (negative)
   * diagonal keeps J invertible where it is singular: with inelastic demand and fixed supply,
   * raising every price together changes nothing until a bound, and the shifted system takes
   * a long step along that direction, toward the bound.
   */
  private newtonDirection(): void {
    const m = this.origins;
    const n = this.maxOrigins;
    const step = this.newtonStep;
    const a = this.system;
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < m; k++) a[i * m + k] = this.jacobian[i * n + k]!;
      this.rightSide[i] = -this.residual[i]!;
      a[i * m + i]! -= REGULARISATION * (Math.abs(this.jacobian[i * n + i]!) + this.scale[i]!);
    }
    if (!luFactorInPlace(a, this.pivotOrder, m, 0)) {
      step.fill(0); // no direction: the line search fails and a sweep takes over
      return;
    }
    luSolveInPlace(a, this.pivotOrder, m, this.rightSide, step);
    let longest = 0;
    for (let o = 0; o < m; o++) {
      if (!Number.isFinite(step[o]!)) step[o] = 0;
      if (Math.abs(step[o]!) > longest) longest = Math.abs(step[o]!);
    }
    // shorten the whole step, keeping its direction
    if (longest > MAX_LOG_STEP) for (let o = 0; o < m; o++) step[o]! *= MAX_LOG_STEP / longest;
  }

  /**
   * Clear one origin at a time, holding the others: its excess demand is continuous and
   * non-increasing in its own y, at least 0 one unit below the floor (it offers nothing) and
   * at most 0 one unit above the cap (it delivers nothing), so a bracketed search (regula
   * falsi, Illinois variant) always finds its root. Used when Newton's direction gives no descent.
   */
  private coordinateSweep(y: Float64Array): number {
    for (let o = 0; o < this.origins; o++) {
      const tolerance = MARKET_TOLERANCE * this.scale[o]!;
      let x = y[o]!;
      let fx = this.excessAt(y, o, x);
      if (Math.abs(fx) <= tolerance) continue;
      let lo = this.logFloor - 1;
      let hi = this.logCap + 1;
      let flo: number;
      let fhi: number;
      if (fx > 0) {
        lo = x;
        flo = fx;
        fhi = this.excessAt(y, o, hi);
      } else {
        hi = x;
        fhi = fx;
        flo = this.excessAt(y, o, lo);
      }
      let side = 0;
      for (let k = 0; k < 100 && hi - lo > 1e-15 * (1 + Math.abs(hi)); k++) {
        x = flo - fhi > 0 ? lo + (hi - lo) * (flo / (flo - fhi)) : 0.5 * (lo + hi);
        if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
        fx = this.excessAt(y, o, x);
        if (Math.abs(fx) <= tolerance) break;
        if (fx > 0) {
          lo = x;
          flo = fx;
          if (side === 1) fhi *= 0.5;
          side = 1;
        } else {
          hi = x;
          fhi = fx;
          if (side === -1) flo *= 0.5;
          side = -1;
        }
      }
      y[o] = x;
    }
    this.evaluate(y);
    return this.merit;
  }

  /** Excess demand of origin o with its virtual log price set to `value` (others as in y); leaves y[o] = value. */
  private excessAt(y: Float64Array, o: number, value: number): number {
    y[o] = value;
    this.evaluate(y);
    return this.residual[o]!;
  }

  /**
   * The marginal price of each of buyer b's routes, what every tonne along it costs the buyer:
   * the price of the segment it buys on; at a cap, the virtual price at which it would want
   * just that volume, m = P (w Q / q)^(1/sigma) (from q = w (P/m)^sigma Q), at most the price
   * cap; a rationed buyer pays the cap. Never below the segment's own price.
   */
  private priceRoutes(b: number): void {
    const { sigma, priceCap } = this;
    const indexPrice = Math.exp(this.buyerLogPrice[b]!);
    const wanted = this.wanted[b]!;
    for (let r = this.routeStart[b]!; r < this.routeStart[b + 1]!; r++) {
      const p = this.price[this.routeOrigin[r]!]!;
      const state = this.routeState[r]!;
      const own = state === ON_FIRST || state === AT_FIRST_CAP ? p * this.firstFactor[r]! : p * this.secondFactor[r]!;
      let marginal = own;
      if (state === CLOSED) marginal = priceCap;
      else if (this.rationed[b]) marginal = priceCap > own ? priceCap : own;
      else if (state === AT_FIRST_CAP || state === AT_BOTH_CAPS) {
        const volume = this.volume[r]!;
        // from q = w (P/m)^sigma Q, or q = w ((P/m)^sigma - 1) Q on a new supplier's route
        const gross = this.routeEntry[r] ? volume + this.routeWeight[r]! * wanted : volume;
        const atCap = volume > 0 ? indexPrice * Math.pow((this.routeWeight[r]! * wanted) / gross, 1 / sigma) : priceCap;
        marginal = atCap < own ? own : atCap > priceCap ? (priceCap > own ? priceCap : own) : atCap;
      }
      this.routePrice[r] = marginal;
    }
  }

  /** Ration origins held at the cap, then record volumes sold, quantities delivered and buyer prices. */
  private finish(y: Float64Array): void {
    const { origins, buyers } = this; // (the last evaluation was at y)
    for (let o = 0; o < origins; o++) {
      const wanted = this.wantedFrom[o]!;
      if (y[o]! > this.logCap) {
        // rationed: what it makes, shared pro rata (exactly, rather than to the tolerance)
        const share = wanted > this.supply[o]! ? this.supply[o]! / wanted : 1;
        this.rationShare[o] = share;
        this.sold[o] = share < 1 ? this.supply[o]! : wanted;
      } else {
        this.rationShare[o] = 1;
        this.sold[o] = wanted;
        if (y[o]! < this.logFloor) this.supply[o] = wanted; // at the floor, producers make what is wanted
      }
      this.fixedSold[o] = this.closed[o] ? 0 : this.fixedDemand[o]! * this.rationShare[o]!;
    }
    for (let b = 0; b < buyers; b++) {
      const rs = this.routeStart[b]!;
      const re = this.routeStart[b + 1]!;
      this.priceRoutes(b);
      let cut = this.rationed[b] === 1;
      for (let r = rs; r < re; r++) {
        const share = this.rationShare[this.routeOrigin[r]!]!;
        if (share < 1) {
          this.volume[r]! *= share;
          cut = true;
        }
      }
      if (cut) {
        let sum = 0;
        for (let r = rs; r < re; r++) sum += this.volume[r]!;
        this.delivered[b] = sum;
      } else this.delivered[b] = this.wanted[b]!;
      const price = Math.exp(this.buyerLogPrice[b]!);
      const other = this.otherDemand[b]!;
      if (price > this.priceCap) {
        this.buyerPrice[b] = this.priceCap;
        this.otherWanted[b] = other > 0 ? other * Math.pow(this.priceCap, -this.demandElasticity[b]!) : 0;
      } else {
        this.buyerPrice[b] = price;
        this.otherWanted[b] = other > 0 ? other * this.buyerFall[b]! : 0; // (P^-eps of the last evaluation, at this P)
      }
    }
  }
}
