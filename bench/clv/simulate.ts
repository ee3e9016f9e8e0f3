/**
 * Customers drawn from the BG/NBD + Gamma-Gamma generative process with known parameters (seeded,
 * the same on every machine), so a fit can be timed and its estimates compared with the truth.
 *
 * Per customer (Fader, Hardie & Lee 2005a §3; 2005 JMR for spend):
 * - acquired uniformly over the `spanDays` before the calibration end: age T;
 * - purchase rate λ ~ Gamma(r, rate α), dropout probability p ~ Beta(a, b);
 * - from the first purchase at time 0, exponential gaps at rate λ; after each repeat purchase the
 *   customer drops out with probability p (never after the first: BG/NBD's P(alive | x = 0) = 1);
 * - spend: ν ~ Gamma(q, rate γ), each purchase's value ~ Gamma(p, rate ν).
 *
 * `summaries` is the exact model (continuous time, days); `transactions` puts the same purchases
 * on calendar days, for timing `summarizeTransactions` and the CLI on a file.
 */
import { Rng } from '../lib/prng.js';
import type { BgNbdParams } from '../../main/domain/value/bgnbd.js';
import type { GammaGammaParams } from '../../main/domain/value/gamma-gamma.js';

export interface SimulationTruth {
  bgnbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
  /** Customers are acquired over this many days before the calibration end. */
  spanDays: number;
}

/** Parameters in days, of the order of a marketplace shop: ~2 purchases a year, ¥300 an order. */
export const DEFAULT_TRUTH: SimulationTruth = {
  bgnbd: { r: 0.25, alpha: 40, a: 0.8, b: 2.5 },
  gammaGamma: { p: 6, q: 4, gamma: 150 },
  spanDays: 730,
};

/** The calibration end of the simulated transactions: 2026-06-30 as a day number. */
export const SIMULATION_END_DAY = Date.UTC(2026, 5, 30) / 86_400_000;

export interface Simulation {
  summaries: {
    unit: 'day';
    calibrationEnd: number;
    ids: number[];
    frequency: Float64Array;
    recency: Float64Array;
    age: Float64Array;
    monetary: Float64Array;
    totalValue: Float64Array;
    firstDay: Int32Array;
    lastDay: Int32Array;
  };
  transactions: { customer: Int32Array; day: Int32Array; amount: Float64Array };
}

export function simulateCustomers(
  customers: number,
  seed: number,
  truth: SimulationTruth = DEFAULT_TRUTH,
): Simulation {
  const rng = new Rng(seed);
  const { r, alpha, a, b } = truth.bgnbd;
  const end = SIMULATION_END_DAY;
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const age = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  const totalValue = new Float64Array(customers);
  const firstDay = new Int32Array(customers);
  const lastDay = new Int32Array(customers);
  const txCustomer: number[] = [];
  const txDay: number[] = [];
  const txAmount: number[] = [];
  for (let i = 0; i < customers; i++) {
    const T = rng.float() * truth.spanDays;
    const lambda = gamma(rng, r) / alpha;
    const ga = gamma(rng, a);
    const dropout = ga / (ga + gamma(rng, b));
    const nu = gamma(rng, truth.gammaGamma.q) / truth.gammaGamma.gamma;
    const spend = () => Math.round((gamma(rng, truth.gammaGamma.p) / nu) * 100) / 100;
    const startTime = end - T;
    const first = spend();
    const record = (t: number, value: number) => {
      txCustomer.push(i);
      txDay.push(Math.floor(startTime + t));
      txAmount.push(value);
    };
    record(0, first);
    let t = 0;
    let x = 0;
    let repeatValue = 0;
    for (;;) {
      const next = t - Math.log(1 - rng.float()) / lambda;
      if (next > T) break;
      t = next;
      x++;
      const value = spend();
      repeatValue += value;
      record(t, value);
      if (rng.float() < dropout) break;
    }
    frequency[i] = x;
    recency[i] = t;
    age[i] = T;
    monetary[i] = x > 0 ? repeatValue / x : 0;
    totalValue[i] = first + repeatValue;
    firstDay[i] = Math.floor(startTime);
    lastDay[i] = Math.floor(startTime + recency[i]!);
  }
  return {
    summaries: {
      unit: 'day',
      calibrationEnd: end,
      ids: Array.from({ length: customers }, (_, i) => i),
      frequency,
      recency,
      age,
      monetary,
      totalValue,
      firstDay,
      lastDay,
    },
    transactions: {
      customer: Int32Array.from(txCustomer),
      day: Int32Array.from(txDay),
      amount: Float64Array.from(txAmount),
    },
  };
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 through Gamma(shape + 1) · U^(1/shape). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.float(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.float();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Standard normal by Box–Muller (one of the pair; simplicity over speed). */
function normal(rng: Rng): number {
  const u = 1 - rng.float();
  const v = rng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
