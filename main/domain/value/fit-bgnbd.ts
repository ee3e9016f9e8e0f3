/**
 * Maximum-likelihood fit of BG/NBD, as `lifetimes.BetaGeoFitter` does it (design/customer-value.md
 * §1.2): minimise the mean negative log-likelihood over log(r, α, a, b) from log-params 0.1, with
 * time rescaled so the oldest customer's T is 1 (conditioning; α is scaled back afterwards and the
 * log-likelihood reported on the caller's clock). BFGS with the analytic gradient, Nelder–Mead then
 * BFGS if BFGS cannot get going (`fitting.ts`). No penalizer: a fit that would need one is thin
 * data (`thin-data.ts`).
 */
import { BgNbdLikelihood, type BgNbdData, type BgNbdParams } from './bgnbd.js';
import { fitReport, minimize, withinHardLimit, type FitOptions, type FitReport } from './fitting.js';

export const BGNBD_PARAM_NAMES = ['r', 'alpha', 'a', 'b'] as const;

export interface BgNbdFit extends FitReport {
  params: BgNbdParams;
}

export function fitBgNbd(data: BgNbdData, options: FitOptions = {}): BgNbdFit {
  let maxT = 0;
  for (let i = 0; i < data.age.length; i++) maxT = Math.max(maxT, data.age[i]!);
  // Everyone bought on the last day (or nobody at all): nothing to learn; scale 1 keeps it finite.
  const scale = maxT > 0 ? 1 / maxT : 1;
  const scaled = new BgNbdLikelihood({
    frequency: data.frequency,
    recency: Float64Array.from(data.recency, (v) => v * scale),
    age: Float64Array.from(data.age, (v) => v * scale),
  });
  const n = Math.max(1, scaled.customers);
  const gradient = new Float64Array(4);
  const objective = (logs: Float64Array, grad: Float64Array): number => {
    if (!withinHardLimit(logs)) return Number.NaN;
    const params = fromLogs(logs);
    const ll = scaled.evaluate(params, gradient);
    // Chain rule to the log-parameters, and the mean over customers (lifetimes' objective).
    grad[0] = (-params.r * gradient[0]!) / n;
    grad[1] = (-params.alpha * gradient[1]!) / n;
    grad[2] = (-params.a * gradient[2]!) / n;
    grad[3] = (-params.b * gradient[3]!) / n;
    return -ll / n;
  };
  const run = minimize(objective, [0.1, 0.1, 0.1, 0.1], options.optimizer);
  const onScaledClock = fromLogs(run.result.x);
  const params = { ...onScaledClock, alpha: onScaledClock.alpha / scale };
  return { params, ...fitReport(run, new BgNbdLikelihood(data).evaluate(params, null), BGNBD_PARAM_NAMES) };
}

function fromLogs(logs: ArrayLike<number>): BgNbdParams {
  return { r: Math.exp(logs[0]!), alpha: Math.exp(logs[1]!), a: Math.exp(logs[2]!), b: Math.exp(logs[3]!) };
}
