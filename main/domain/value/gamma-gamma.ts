/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves", JMR 42:415-430; Hardie note 025; design/customer-value.md §1.4). Each
 * transaction's value is Gamma(p, ν), and ν ~ Gamma(q, γ) across customers; spend is assumed
 * independent of how often a customer buys. It is fitted on repeat customers only (x > 0) and
 * their mean repeat spend m > 0, so x here is ≥ 1.
 */
import { digamma, lnGamma } from './special-functions.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  /** γ, the scale of spend, in the money unit of m (lifetimes calls it v). */
  gamma: number;
}

export interface GammaGammaData {
  /** x ≥ 1: repeat purchases. */
  frequency: ArrayLike<number>;
  /** m > 0: their mean value. */
  monetary: ArrayLike<number>;
}

/**
 * Σ ℓ_i of note 025 eq. 1a, the density of each customer's mean m given x:
 *   ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(xm+γ),
 * minus ln x: the density of the TOTAL repeat spend x·m, the form the JMR paper reports (−4659 on
 * CDNOW). lifetimes reports the density of the mean (−4055.92 there); the two differ by the
 * constant Σ ln x and have the same maximum.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  return new GammaGammaLikelihood(data).evaluate(params, null);
}

export class GammaGammaLikelihood {
  private readonly x: Float64Array;
  private readonly m: Float64Array;
  private readonly group: Int32Array;
  private readonly distinct: number[];
  private readonly groupSize: Float64Array;
  /** Σ ln m and Σ x ln m, Σ (x−1) ln x: the data's constant parts. */
  private readonly sumLnM: number;
  private readonly sumXLnM: number;
  private readonly sumXLnX: number;
  private readonly sumLnX: number;
  readonly customers: number;

  constructor(data: GammaGammaData) {
    const n = data.frequency.length;
    this.customers = n;
    this.x = Float64Array.from(data.frequency);
    this.m = Float64Array.from(data.monetary);
    const index = new Map<number, number>();
    this.distinct = [];
    this.group = new Int32Array(n);
    const sizes: number[] = [];
    let sumLnM = 0;
    let sumXLnM = 0;
    let sumXLnX = 0;
    let sumLnX = 0;
    for (let i = 0; i < n; i++) {
      const x = this.x[i]!;
      let g = index.get(x);
      if (g === undefined) {
        g = this.distinct.length;
        index.set(x, g);
        this.distinct.push(x);
        sizes.push(0);
      }
      this.group[i] = g;
      sizes[g]!++;
      const lnM = Math.log(this.m[i]!);
      sumLnM += lnM;
      sumXLnM += x * lnM;
      sumXLnX += x * Math.log(x);
      sumLnX += Math.log(x);
    }
    this.groupSize = Float64Array.from(sizes);
    this.sumLnM = sumLnM;
    this.sumXLnM = sumXLnM;
    this.sumXLnX = sumXLnX;
    this.sumLnX = sumLnX;
  }

  /** Σ ℓ_i (the paper's form); with `gradient` (length 3) also ∂/∂(p, q, γ). */
  evaluate(params: GammaGammaParams, gradient: Float64Array | null): number {
    const { p, q, gamma } = params;
    if (!(p > 0 && q > 0 && gamma > 0)) return Number.NaN;
    const n = this.customers;
    const lnGammaQ = lnGamma(q);
    const lnG = Math.log(gamma);
    // (px−1) ln m + px ln x, summed, minus the ln x of the paper's form.
    let total = n * (q * lnG - lnGammaQ) + p * this.sumXLnM - this.sumLnM + p * this.sumXLnX - this.sumLnX;
    let gP = this.sumXLnM + this.sumXLnX;
    let gQ = n * (lnG - digamma(q));
    let gGamma = (n * q) / gamma;
    const groups = this.distinct.length;
    const dP = new Float64Array(groups);
    for (let g = 0; g < groups; g++) {
      const px = p * this.distinct[g]!;
      const size = this.groupSize[g]!;
      total += size * (lnGamma(px + q) - lnGamma(px));
      if (gradient) {
        const psiPXQ = digamma(px + q);
        dP[g] = psiPXQ - digamma(px);
        gQ += size * psiPXQ;
      }
    }
    const { x: xs, m: ms, group } = this;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const pxq = p * x + q;
      const denominator = x * ms[i]! + gamma;
      const lnD = Math.log(denominator);
      total -= pxq * lnD;
      if (gradient) {
        gP += x * (dP[group[i]!]! - lnD);
        gQ -= lnD;
        gGamma -= pxq / denominator;
      }
    }
    if (gradient) {
      gradient[0] = gP;
      gradient[1] = gQ;
      gradient[2] = gGamma;
    }
    return total;
  }
}

/**
 * E[M | x, m]: a customer's expected spend per purchase (note 025 eq. 5), the population mean
 * pγ/(q−1) shrunk towards their own mean m as x grows: (γ + m x) p / (p x + q − 1). For x = 0 it is
 * the population mean (CDNOW: 35.17). Needs q > 1.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  return ((gamma + m * x) * p) / (p * x + q - 1);
}

/** pγ/(q−1): the mean spend per purchase over all customers (∞ when q ≤ 1). */
export function gammaGammaPopulationMean(params: GammaGammaParams): number {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Number.POSITIVE_INFINITY;
}
