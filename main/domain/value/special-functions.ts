/**
 * The special functions the customer-value models need, in double precision: ln Γ, the digamma
 * function ψ (for analytic gradients), a stable log-sum-exp and the Gauss hypergeometric 2F1 on
 * the range BG/NBD uses. Pure arithmetic: no dependencies, deterministic on every platform.
 */

/**
 * Lanczos coefficients for g = 607/128, n = 15 (Godfrey's set, as in Boost and numerical-recipes
 * successors), to double precision: relative error below 1e-15 for x > 0.
 */
const LANCZOS_G = 607 / 128;
const LANCZOS = [
  0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 1.580887032249125e-4,
  -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
];
const LN_SQRT_2PI = 0.9189385332046728;

/** ln Γ(x) for x > 0 (the models never need it elsewhere). NaN for x ≤ 0. */
export function lnGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    // Reflection keeps tiny arguments accurate: Γ(x) Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the
 * asymptotic series (Abramowitz & Stegun 6.3.18) to x^-12, accurate to about 1e-15 there.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (inv2 / 32760) * 691)))));
  return shift + Math.log(x) - 0.5 * inv - series;
}

/** ln(e^a + e^b) without overflow: max + ln(1 + e^(min − max)). */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** 1 / (1 + e^(−x)) without overflow for large |x|. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Terms summed at most, far beyond what the models' arguments need (z ≤ 0.999: ~40,000). */
const HYP2F1_MAX_TERMS = 200_000;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, by its power series
 * Σ (a)_k (b)_k / ((c)_k k!) z^k (c not 0, −1, −2 …), summed until a term no longer changes the sum. BG/NBD calls it
 * in the Euler-transformed form (see `bgnbd.ts`), where a and b are small and c grows with the
 * customer's frequency, so the series converges in a few dozen terms for the horizons the app
 * asks for. NaN when the series has not converged (|z| ≥ 1 or an absurd horizon).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  // c = 0, −1, −2 … is a pole of the series.
  if (!(z >= 0 && z < 1) || !Number.isFinite(c) || (c <= 0 && Number.isInteger(c))) return Number.NaN;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < HYP2F1_MAX_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    const next = sum + term;
    // A terminating series ((a)_k = 0) or a term below the last bit: done. Terms can grow before
    // they shrink (large a·b/c), so only a term that is small AND shrinking ends the sum.
    if (term === 0) return next;
    if (next === sum && Math.abs(((a + k + 1) * (b + k + 1)) / ((c + k + 1) * (k + 2))) * z < 1) return next;
    sum = next;
  }
  return Number.NaN;
}
