/** The special functions against values from SciPy 1.17 (gammaln, digamma, hyp2f1). */
import { describe, expect, it } from 'vitest';
import {
  digamma,
  hyp2f1,
  lnGamma,
  logAddExp,
  logistic,
} from '../../../../main/domain/value/special-functions.js';
import { minimizeNelderMead } from '../../../../main/domain/value/nelder-mead.js';
import { minimizeBfgs } from '../../../../main/domain/value/optimize.js';

const relative = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(1, Math.abs(expected));

describe('special functions', () => {
  it('ln Γ to 1e-15 relative, tiny to large arguments', () => {
    const cases: [number, number][] = [
      [1e-8, 18.42068073818021],
      [0.1, 2.252712651734206],
      [0.5, 0.5723649429247],
      [1, 0],
      [1.5, -0.12078223763524526],
      [2, 0],
      [2.5, 0.2846828704729192],
      [7.3, 7.147892523022249],
      [10, 12.801827480081469],
      [33.3, 82.60372358165493],
      [171.5, 709.1431630309283],
      [1e5, 1051287.7089736569],
    ];
    for (const [x, v] of cases) expect(relative(lnGamma(x), v)).toBeLessThan(1e-15);
    expect(lnGamma(0)).toBeNaN();
  });

  it('ψ to 1e-14 relative', () => {
    const cases: [number, number][] = [
      [1e-6, -1000000.57721402],
      [0.25, -4.2274535333762655],
      [1, -0.5772156649015329],
      [3.3, 1.0348224890596216],
      [6, 1.7061176684318005],
      [12.5, 2.4851956512749123],
      [1e4, 9.21029037114285],
    ];
    for (const [x, v] of cases) expect(Math.abs(digamma(x) - v) / Math.abs(v)).toBeLessThan(1e-14);
  });

  it('2F1 on the series range, negative parameters included, to 1e-14', () => {
    const cases: [number, number, number, number, number][] = [
      [1.5, -0.2, 3.1, 0.5, 0.944045568656931],
      [2.9, -0.21, 2.2, 0.92, 0.21781573411452207],
      [0.3, 0.4, 0.5, 0.99, 2.8444740675669618],
      [2.5, 1.5, 40, 0.7, 1.0710046208431359],
      [-0.5, 0.3, -1.5, 0.3, 1.017542416549158],
    ];
    for (const [a, b, c, z, v] of cases) expect(relative(hyp2f1(a, b, c, z), v)).toBeLessThan(1e-14);
    // A terminating series (a = −2) is a polynomial; z ≥ 1 and c at a pole are refused.
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(
      1 - (2 * 3 * 0.5) / 4 + (2 * 1 * 3 * 4 * 0.25) / (4 * 5 * 2),
      14,
    );
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, -1, 0.5)).toBeNaN();
  });

  it('log-sum-exp and the logistic function do not overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logistic(800)).toBe(1);
    expect(logistic(-800)).toBeGreaterThanOrEqual(0);
    expect(logistic(0)).toBe(0.5);
  });
});

describe('minimisers', () => {
  // Rosenbrock's valley: the classic hard case for a line search, minimum 0 at (1, 1).
  const rosenbrock = (x: Float64Array, g: Float64Array) => {
    const [a, b] = [x[0]!, x[1]!];
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
  };

  it('BFGS finds the minimum of Rosenbrock’s function', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('Nelder–Mead finds it too, without the gradient, in many more evaluations', () => {
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.evaluations).toBeGreaterThan(minimizeBfgs(rosenbrock, [-1.2, 1]).evaluations);
  });

  it('BFGS backs off where the objective is not finite', () => {
    // Defined for x > 0 only; minimum at x = 1.
    const f = (x: Float64Array, g: Float64Array) => {
      const v = x[0]!;
      if (v <= 0) return Number.NaN;
      g[0] = 1 - 1 / v;
      return v - Math.log(v);
    };
    const result = minimizeBfgs(f, [8]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(minimizeBfgs(f, [-1]).stop).toBe('not-finite');
  });
});
