/**
 * What the two model fits share: the optimiser strategy on log-parameters, the guard against
 * parameters running off to 0 or ∞, and the report each fit gives of itself.
 */
import { minimizeNelderMead } from './nelder-mead.js';
import { minimizeBfgs, type MinimizeResult, type Objective } from './optimize.js';

/**
 * A log-parameter (on the fit's rescaled clock or money) beyond ±this has run off towards 0 or ∞:
 * the likelihood is flat there and the estimate means nothing (no dropout seen, no heterogeneity
 * left, spend with no spread…). Such a fit is reported `atBound` and treated as thin data.
 */
export const LOG_PARAM_LIMIT = Math.log(1e6);
/** The objectives refuse log-parameters beyond this, so a runaway search stays finite. */
export const LOG_PARAM_HARD_LIMIT = 40;

export type Optimizer = 'bfgs' | 'nelder-mead';

export interface FitOptions {
  /** Force the derivative-free start (the bench times both); default BFGS, Nelder–Mead as fallback. */
  optimizer?: Optimizer;
}

export interface FitReport {
  /** At the estimates, on the caller's clock and money. */
  logLikelihood: number;
  converged: boolean;
  /** Parameters that ran off to a boundary of the parameter space (see LOG_PARAM_LIMIT). */
  atBound: string[];
  iterations: number;
  evaluations: number;
  /** 'bfgs', or 'nelder-mead+bfgs' when BFGS needed the simplex's help (or was told to). */
  optimizer: string;
  /** Why the optimiser stopped (`MinimizeResult.stop`). */
  stop: string;
}

export interface MinimizeRun {
  result: MinimizeResult;
  optimizer: string;
  evaluations: number;
}

/**
 * BFGS from the start; if it fails without having run off to a boundary, Nelder–Mead from the
 * start and BFGS to polish (the simplex ends near the optimum, BFGS makes the gradient vanish).
 */
export function minimize(objective: Objective, start: number[], first: Optimizer = 'bfgs'): MinimizeRun {
  if (first === 'bfgs') {
    const bfgs = minimizeBfgs(objective, start);
    if (bfgs.converged || ranOff(bfgs.x))
      return { result: bfgs, optimizer: 'bfgs', evaluations: bfgs.evaluations };
    const retry = simplexThenBfgs(objective, start);
    return { ...retry, evaluations: retry.evaluations + bfgs.evaluations };
  }
  return simplexThenBfgs(objective, start);
}

function simplexThenBfgs(objective: Objective, start: number[]): MinimizeRun {
  const simplex = minimizeNelderMead(objective, start, { fTolerance: 1e-10, xTolerance: 1e-6 });
  const polish = minimizeBfgs(objective, simplex.x);
  const result = Number.isFinite(polish.f) && polish.f <= simplex.f ? polish : simplex;
  return {
    result: { ...result, iterations: simplex.iterations + polish.iterations },
    optimizer: 'nelder-mead+bfgs',
    evaluations: simplex.evaluations + polish.evaluations,
  };
}

function ranOff(logs: ArrayLike<number>): boolean {
  return Array.from(logs).some((v) => Math.abs(v) > LOG_PARAM_LIMIT);
}

/** Refuses log-parameters past the hard limit (NaN: the line search backs off). */
export function withinHardLimit(logs: ArrayLike<number>): boolean {
  for (let i = 0; i < logs.length; i++) if (!(Math.abs(logs[i]!) <= LOG_PARAM_HARD_LIMIT)) return false;
  return true;
}

export function fitReport(run: MinimizeRun, logLikelihood: number, names: readonly string[]): FitReport {
  return {
    logLikelihood,
    converged: run.result.converged && Number.isFinite(logLikelihood),
    atBound: names.filter((_, i) => Math.abs(run.result.x[i]!) > LOG_PARAM_LIMIT),
    iterations: run.result.iterations,
    evaluations: run.evaluations,
    optimizer: run.optimizer,
    stop: run.result.stop,
  };
}
