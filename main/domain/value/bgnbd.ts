/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way", Marketing Science 24(2):275-284; design/customer-value.md §1.2). While alive a customer
 * buys at rate λ ~ Gamma(r, α) (α a rate: time units); after each purchase they drop out with
 * probability p ~ Beta(a, b).
 *
 * Inputs per customer are (x, t_x, T) from `summary.ts`, all times in one unit; α is in that unit.
 */
import { digamma, hyp2f1, lnGamma, logAddExp, logistic } from './special-functions.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** The customers as the likelihood reads them: x, t_x and T side by side. */
export interface BgNbdData {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  age: ArrayLike<number>;
}

/**
 * Total log-likelihood Σ ℓ_i, FHL (2005a) eq. 6 in the "section 7" form of Hardie's note 004:
 *   A1 = ln Γ(r+x) − ln Γ(r) + r ln α
 *   A2 = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x)            (x > 0 only)
 *   ℓ  = A1 + A2 + ln(e^A3 + [x>0] e^A4)                (log-sum-exp)
 * On CDNOW (weeks) it is −9582.43 at the MLE. Rescaling time by c changes it by −Σx ln c.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: BgNbdData): number {
  return new BgNbdLikelihood(data).evaluate(params, null);
}

/**
 * The log-likelihood and its gradient, computed fast. Customers with the same (x, t_x, T) share
 * one term, weighted by their number (lifetimes weights identical patterns too): on daily data
 * the one-time buyers, most customers, collapse onto one pattern per first-purchase day. Everything
 * that depends on x alone (the ln Γ and ψ terms) is computed once per distinct x, so a pattern
 * costs two logarithms, one exponential and a few multiplications per evaluation.
 */
export class BgNbdLikelihood {
  private readonly x: Float64Array;
  private readonly tx: Float64Array;
  private readonly T: Float64Array;
  private readonly weight: Float64Array;
  /** Index of each pattern's x in `distinct`. */
  private readonly group: Int32Array;
  private readonly distinct: number[];
  private readonly groupSize: Float64Array;
  readonly customers: number;
  readonly patterns: number;

  constructor(data: BgNbdData) {
    const n = data.frequency.length;
    this.customers = n;
    // One-time buyers (x = 0, t_x = 0) differ only by T: one pattern per T. Repeat buyers rarely
    // share (x, t_x, T) exactly, so they keep a pattern each (no keys to build for them).
    const oneTimeByAge = new Map<number, number>();
    const xs: number[] = [];
    const txs: number[] = [];
    const Ts: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = data.frequency[i]!;
      const T = data.age[i]!;
      if (x === 0) {
        const known = oneTimeByAge.get(T);
        if (known !== undefined) {
          weights[known]!++;
          continue;
        }
        oneTimeByAge.set(T, xs.length);
      }
      xs.push(x);
      txs.push(x === 0 ? 0 : data.recency[i]!);
      Ts.push(T);
      weights.push(1);
    }
    this.patterns = xs.length;
    this.x = Float64Array.from(xs);
    this.tx = Float64Array.from(txs);
    this.T = Float64Array.from(Ts);
    this.weight = Float64Array.from(weights);
    const index = new Map<number, number>();
    this.distinct = [];
    this.group = new Int32Array(this.patterns);
    const sizes: number[] = [];
    for (let k = 0; k < this.patterns; k++) {
      const x = this.x[k]!;
      let g = index.get(x);
      if (g === undefined) {
        g = this.distinct.length;
        index.set(x, g);
        this.distinct.push(x);
        sizes.push(0);
      }
      this.group[k] = g;
      sizes[g]! += this.weight[k]!;
    }
    this.groupSize = Float64Array.from(sizes);
  }

  /**
   * Σ ℓ_i at `params`; with `gradient` (length 4) also ∂/∂(r, α, a, b), written there.
   * Non-finite params give NaN.
   */
  evaluate(params: BgNbdParams, gradient: Float64Array | null): number {
    const { r, alpha, a, b } = params;
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
    const groups = this.distinct.length;
    // Per distinct x: the ln Γ parts of A1 and A2, ln(b+x−1), and their ψ derivatives.
    const lnA12 = new Float64Array(groups);
    const lnB = new Float64Array(groups);
    const dr = new Float64Array(groups);
    const da = new Float64Array(groups);
    const db = new Float64Array(groups);
    const lnGammaAB = lnGamma(a + b);
    const lnGammaR = lnGamma(r);
    const lnGammaB = lnGamma(b);
    const psiAB = digamma(a + b);
    const psiR = digamma(r);
    const psiB = digamma(b);
    for (let g = 0; g < groups; g++) {
      const x = this.distinct[g]!;
      if (x === 0) continue; // every difference below is 0 at x = 0
      lnA12[g] = lnGamma(r + x) - lnGammaR + lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x);
      lnB[g] = Math.log(b + x - 1);
      if (gradient) {
        const psiABX = digamma(a + b + x);
        dr[g] = digamma(r + x) - psiR;
        da[g] = psiAB - psiABX;
        db[g] = psiAB + digamma(b + x) - psiB - psiABX;
      }
    }
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    let total = this.customers * r * lnAlpha;
    for (let g = 0; g < groups; g++) total += this.groupSize[g]! * lnA12[g]!;
    let gR = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    const { x: xs, tx: txs, T: Ts, weight, group } = this;
    for (let k = 0; k < this.patterns; k++) {
      const x = xs[k]!;
      const w = weight[k]!;
      const rx = r + x;
      const lnAT = Math.log(alpha + Ts[k]!);
      const A3 = -rx * lnAT;
      if (x === 0) {
        total += w * A3;
        if (gradient) {
          gR -= w * lnAT;
          gAlpha -= (w * rx) / (alpha + Ts[k]!);
        }
        continue;
      }
      const g = group[k]!;
      const lnATx = Math.log(alpha + txs[k]!);
      const A4 = lnA - lnB[g]! - rx * lnATx;
      total += w * logAddExp(A3, A4);
      if (gradient) {
        // The log-sum-exp's weights: s4 = e^A4 / (e^A3 + e^A4).
        const s4 = logistic(A4 - A3);
        const s3 = 1 - s4;
        gR += w * (dr[g]! - s3 * lnAT - s4 * lnATx);
        gAlpha -= w * rx * (s3 / (alpha + Ts[k]!) + s4 / (alpha + txs[k]!));
        gA += w * (da[g]! + s4 / a);
        gB += w * (db[g]! - s4 / (b + x - 1));
      }
    }
    if (gradient) {
      gradient[0] = gR + this.customers * lnAlpha;
      gradient[1] = gAlpha + (this.customers * r) / alpha;
      gradient[2] = gA;
      gradient[3] = gB;
    }
    return total;
  }
}

/**
 * P(alive | x, t_x, T) (Hardie note 021): 1 / (1 + [x>0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x)),
 * computed as logistic(−D), D = (r+x) ln((α+T)/(α+t_x)) + ln(a/(b+x−1)), so a large x cannot
 * overflow (lifetimes issue #332). 1 when x = 0: in BG/NBD a customer can only drop out right
 * after a purchase, so one who never came back is "alive" by construction.
 */
export function bgnbdProbabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const D = (r + x) * Math.log((alpha + T) / (alpha + tx)) + Math.log(a / (b + x - 1));
  return logistic(-D);
}

/**
 * E[X(t)]: expected repeat purchases in (0, t] of a customer just acquired (FHL 2005a eq. 9):
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))].
 * Evaluated through Euler's transformation (see `expectedFuturePurchases`). CDNOW: E[X(78)] = 1.858.
 */
export function bgnbdExpectedPurchases(params: BgNbdParams, t: number): number {
  return expectedFuturePurchases(params, 0, 0, t, 1);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in (T, T+t] of a customer with this history (FHL 2005a
 * eq. 10) = P(alive) · (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z)],
 * z = t/(α+T+t). CDNOW customer 1 (x = 2, t_x = 30.43, T = 38.86): 1.226 in the next 39 weeks.
 */
export function bgnbdConditionalExpectedPurchases(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  return expectedFuturePurchases(params, x, T, t, bgnbdProbabilityAlive(params, x, tx, T));
}

/**
 * The bracket of eq. 10 times its factor, through Euler's transformation
 *   2F1(A, B; C; z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z)   with A = r+x, B = b+x, C = a+b+x−1:
 * ((α+T)/(α+T+t))^(r+x) = (1−z)^(r+x), so the product is (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z).
 * The transformed series has small numerator parameters whatever x is: no overflow for heavy
 * buyers, and a few dozen terms for the horizons the app uses (lifetimes falls back to the same
 * transformation when the direct series overflows).
 */
function expectedFuturePurchases(
  params: BgNbdParams,
  x: number,
  T: number,
  t: number,
  pAlive: number,
): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const tail = Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1(a + b - 1 - r, a - 1, c, z);
  return (pAlive * c * (1 - tail)) / (a - 1);
}
