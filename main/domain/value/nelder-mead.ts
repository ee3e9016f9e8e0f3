/**
 * The derivative-free Nelder–Mead simplex with the adaptive coefficients of Gao & Han (2012),
 * "Implementing the Nelder-Mead simplex algorithm with adaptive parameters", Comput. Optim. Appl.
 * 51:259-277. The fits fall back to it when BFGS (optimize.ts) meets a region where the
 * likelihood is not finite, and the bench times it to show what BFGS saves.
 */
import type { MinimizeResult, Objective } from './optimize.js';

export interface NelderMeadOptions {
  /** Initial simplex: each vertex moves one coordinate by this much (default 0.5, in log units). */
  step?: number;
  /** Stop when the simplex's values and coordinates agree to these tolerances. */
  fTolerance?: number;
  xTolerance?: number;
  maxEvaluations?: number;
}

export function minimizeNelderMead(
  fn: Objective,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimizeResult {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const fTolerance = options.fTolerance ?? 1e-12;
  const xTolerance = options.xTolerance ?? 1e-9;
  const maxEvaluations = options.maxEvaluations ?? 20_000;
  // Gao & Han's coefficients adapt to the dimension (for n = 2 they are the classic 1, 2, ½, ½).
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;
  const scratch = new Float64Array(n);
  let evaluations = 0;
  const value = (x: Float64Array) => {
    evaluations++;
    const f = fn(x, scratch);
    return Number.isFinite(f) ? f : Number.POSITIVE_INFINITY;
  };

  const vertices: { x: Float64Array; f: number }[] = [];
  const start = Float64Array.from(x0);
  vertices.push({ x: start, f: value(start) });
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from(x0);
    x[i] = x[i]! + step;
    vertices.push({ x, f: value(x) });
  }
  const centroid = new Float64Array(n);
  const along = (factor: number): Float64Array => {
    const worst = vertices[n]!.x;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = centroid[i]! + factor * (centroid[i]! - worst[i]!);
    return x;
  };
  let iterations = 0;
  let stop = 'max-iterations';
  while (evaluations < maxEvaluations) {
    vertices.sort((p, q) => p.f - q.f);
    const best = vertices[0]!;
    const worst = vertices[n]!;
    let spread = 0;
    for (const v of vertices)
      for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(v.x[i]! - best.x[i]!));
    if (
      Number.isFinite(worst.f) &&
      worst.f - best.f <= fTolerance * Math.max(1, Math.abs(best.f)) &&
      spread <= xTolerance
    ) {
      stop = 'simplex';
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let v = 0; v < n; v++)
      for (let i = 0; i < n; i++) centroid[i] = centroid[i]! + vertices[v]!.x[i]! / n;
    const xr = along(reflect);
    const fr = value(xr);
    if (fr < best.f) {
      const xe = along(expand);
      const fe = value(xe);
      vertices[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
      continue;
    }
    if (fr < vertices[n - 1]!.f) {
      vertices[n] = { x: xr, f: fr };
      continue;
    }
    const outside = fr < worst.f;
    const xc = along(outside ? contract : -contract);
    const fc = value(xc);
    if (fc < (outside ? fr : worst.f)) {
      vertices[n] = { x: xc, f: fc };
      continue;
    }
    for (let v = 1; v <= n; v++) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = best.x[i]! + shrink * (vertices[v]!.x[i]! - best.x[i]!);
      vertices[v] = { x, f: value(x) };
    }
  }
  vertices.sort((p, q) => p.f - q.f);
  const best = vertices[0]!;
  const grad = new Float64Array(n);
  const f = fn(best.x, grad);
  return {
    x: best.x,
    f,
    grad,
    iterations,
    evaluations: evaluations + 1,
    converged: stop === 'simplex' && Number.isFinite(f),
    stop,
  };
}
