/**
 * Maximum-likelihood fit of Gamma-Gamma (lifetimes' `GammaGammaFitter` with `q_constraint=True`,
 * design/customer-value.md §1.4): the same optimiser strategy as BG/NBD (`fitting.ts`).
 */
import { GammaGammaLikelihood, type GammaGammaData, type GammaGammaParams } from './gamma-gamma.js';
import { fitReport, minimize, withinHardLimit, type FitOptions, type FitReport } from './fitting.js';

export const GAMMA_GAMMA_PARAM_NAMES = ['p', 'q', 'gamma'] as const;

export interface GammaGammaFit extends FitReport {
  params: GammaGammaParams;
  /** Customers the fit used: x > 0 and m > 0. */
  customers: number;
}

/**
 * Maximum likelihood on (ln p, ln(q−1), ln γ): q > 1 always, as lifetimes' `q_constraint=True`
 * (otherwise the population mean spend, and CLV, can be negative or infinite). m is divided by
 * its mean during the fit (γ scales with money; p and q do not), so the fit is the same in fen or
 * in yuan. Customers with x = 0 or m ≤ 0 (refunds exceeding purchases) are left out.
 */
export function fitGammaGamma(data: GammaGammaData, options: FitOptions = {}): GammaGammaFit {
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (let i = 0; i < data.frequency.length; i++) {
    if (data.frequency[i]! > 0 && data.monetary[i]! > 0) {
      frequency.push(data.frequency[i]!);
      monetary.push(data.monetary[i]!);
    }
  }
  const n = frequency.length;
  const mean = n > 0 ? monetary.reduce((s, v) => s + v, 0) / n : 1;
  const scaled = new GammaGammaLikelihood({ frequency, monetary: monetary.map((v) => v / mean) });
  const gradient = new Float64Array(3);
  const objective = (logs: Float64Array, grad: Float64Array): number => {
    if (!withinHardLimit(logs)) return Number.NaN;
    const params = fromLogs(logs);
    const ll = scaled.evaluate(params, gradient);
    grad[0] = (-params.p * gradient[0]!) / Math.max(1, n);
    grad[1] = (-(params.q - 1) * gradient[1]!) / Math.max(1, n);
    grad[2] = (-params.gamma * gradient[2]!) / Math.max(1, n);
    return -ll / Math.max(1, n);
  };
  const run = minimize(objective, [0.1, 0.1, 0.1], options.optimizer);
  const unit = fromLogs(run.result.x);
  const params = { ...unit, gamma: unit.gamma * mean };
  const original = new GammaGammaLikelihood({ frequency, monetary });
  return {
    params,
    customers: n,
    ...fitReport(run, original.evaluate(params, null), GAMMA_GAMMA_PARAM_NAMES),
  };
}

function fromLogs(logs: ArrayLike<number>): GammaGammaParams {
  return { p: Math.exp(logs[0]!), q: 1 + Math.exp(logs[1]!), gamma: Math.exp(logs[2]!) };
}
